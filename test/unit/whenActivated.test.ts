import { afterEach, expect, it, vi } from 'vitest';
import { whenActivated } from '../../src/lib/whenActivated';

let prerendering = false;
Object.defineProperty(document, 'prerendering', { configurable: true, get: () => prerendering });
afterEach(() => void (prerendering = false));

it('runs at once on a page that is shown', () => {
  const fn = vi.fn();
  whenActivated(fn);
  expect(fn).toHaveBeenCalledTimes(1);
});

it('waits for the activation of a prerendered page, and runs once', () => {
  prerendering = true;
  const fn = vi.fn();
  whenActivated(fn);
  expect(fn).not.toHaveBeenCalled();
  prerendering = false;
  document.dispatchEvent(new Event('prerenderingchange'));
  document.dispatchEvent(new Event('prerenderingchange'));
  expect(fn).toHaveBeenCalledTimes(1);
});

it('can stop waiting (the instance was destroyed before the visitor came)', () => {
  prerendering = true;
  const fn = vi.fn();
  whenActivated(fn)();
  document.dispatchEvent(new Event('prerenderingchange'));
  expect(fn).not.toHaveBeenCalled();
});
