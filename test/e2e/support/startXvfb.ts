import { existsSync } from 'node:fs';
import { startProcess, type StartedProcess } from './startProcess';

/**
 * Starts a virtual X server for WebKitGTK's MiniBrowser, which has no headless mode, on the first
 * free display number from 99 up. Xvfb leaves `/tmp/.X<n>-lock` behind for a display in use (or
 * after a crash), so a number is free when neither its lock file nor its socket exists.
 */
export async function startXvfb(): Promise<StartedProcess & { display: string }> {
  for (let n = 99; n < 199; n++) {
    const lock = `/tmp/.X${n}-lock`; // X writes these to /tmp whatever TMPDIR says
    const socket = `/tmp/.X11-unix/X${n}`;
    if (existsSync(lock) || existsSync(socket)) continue;
    try {
      const started = await startProcess('Xvfb', [`:${n}`, '-screen', '0', '1920x1200x24', '-nolisten', 'tcp'], { ready: async () => existsSync(socket) });
      return { ...started, display: `:${n}` };
    } catch {
      // Another run took this number between the check and the start: try the next one.
    }
  }
  throw new Error('No free X display number between :99 and :198');
}
