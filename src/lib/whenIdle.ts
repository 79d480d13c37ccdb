import { IDLE_TIMEOUT_MS } from '../constants';

/**
 * Runs `fn` when the main thread is idle, and at the latest after `timeoutMs`.
 * Falls back to a timer where `requestIdleCallback` is missing (Safari). Returns a cancel function.
 */
export function whenIdle(fn: () => void, timeoutMs = IDLE_TIMEOUT_MS): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(() => fn(), { timeout: timeoutMs });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(fn, Math.min(timeoutMs, 200));
  return () => clearTimeout(handle);
}
