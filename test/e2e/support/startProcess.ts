import { spawn, type ChildProcess } from 'node:child_process';

/** A helper process this test run started, and how to stop it. */
export interface StartedProcess {
  process: ChildProcess;
  /** Stops the process (and waits until it has exited). */
  stop(): Promise<void>;
}

/**
 * Starts `command` and resolves once `ready()` is true (polled), or rejects with the process's
 * output when it exits or `timeoutMs` passes first. The process leads a process group of its own,
 * and stopping it signals that group by its id: WebKitWebDriver's MiniBrowser goes with it.
 */
export async function startProcess(
  command: string,
  args: string[],
  { env, ready, timeoutMs = 10_000 }: { env?: NodeJS.ProcessEnv; ready: () => Promise<boolean>; timeoutMs?: number },
): Promise<StartedProcess> {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-2000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // Already gone.
    }
  };
  const stop = async () => {
    signal('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
    signal('SIGKILL');
  };
  const deadline = Date.now() + timeoutMs;
  child.once('error', (e) => void (output += String(e)));
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    if (await ready().catch(() => false)) return { process: child, stop };
    await new Promise((r) => setTimeout(r, 50));
  }
  await stop();
  throw new Error(`${command} did not start (${child.exitCode ?? child.signalCode ?? 'timed out'}): ${output.trim()}`);
}
