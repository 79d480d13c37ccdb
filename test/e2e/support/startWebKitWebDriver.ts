import { freePort } from './freePort';
import { startProcess, type StartedProcess } from './startProcess';

/**
 * Starts WebKitWebDriver on a free port, showing its browsers on X `display`.
 * `--replace-on-new-session`: a session left over by a failed test never blocks the next one.
 */
export async function startWebKitWebDriver(display: string, env: NodeJS.ProcessEnv = {}): Promise<StartedProcess & { port: number }> {
  const port = await freePort();
  const ready = async () => (await fetch(`http://127.0.0.1:${port}/status`)).ok;
  const started = await startProcess('WebKitWebDriver', [`--port=${port}`, '--host=127.0.0.1', '--replace-on-new-session'], { env: { ...env, DISPLAY: display }, ready });
  return { ...started, port };
}
