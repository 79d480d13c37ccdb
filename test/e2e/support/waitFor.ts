import type { Tab } from '../drivers/types';

/**
 * Polls `fn(arg)` in the page until it returns something truthy, and returns that. A navigation in
 * progress (the page is being replaced) counts as "not yet".
 */
export async function waitFor<R, A = undefined>(tab: Tab, fn: (arg: A) => R | Promise<R>, arg?: A, { timeout = 10_000, what = fn.toString() } = {}): Promise<NonNullable<R>> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await tab.evaluate(fn, arg as A);
      if (value) return value as NonNullable<R>;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Timed out after ${timeout} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
}
