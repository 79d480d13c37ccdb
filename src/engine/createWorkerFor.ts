import { pageUrl } from '../lib/pageUrl';
import { trustedScriptURL } from '../lib/trustedScriptURL';

/**
 * Builds a classic Worker for a script URL. A same-origin script is started directly
 * (works under `worker-src 'self'`); a cross-origin one, which `new Worker()` refuses,
 * through a Blob trampoline that `importScripts` it (needs `worker-src blob:`).
 */
export function createWorkerFor(url: string): Worker {
  if (!url) throw new Error('the script is inline, so there is no file to start its worker from');
  const absolute = pageUrl(url);
  if (absolute.origin === location.origin) return new Worker(trustedScriptURL(absolute.href) as string);
  const source = `importScripts(${JSON.stringify(absolute.href)})`;
  const blobUrl = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  return new Worker(trustedScriptURL(blobUrl) as string);
}
