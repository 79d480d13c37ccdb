// Relative URLs in init()'s options resolve as the page's own URLs do: against the document base
// URL (`<base href>`), which is what `fetch`, `new Worker()` and `src` attributes use.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createWorkerFor } from '../../src/engine/createWorkerFor';
import { pageUrl } from '../../src/lib/pageUrl';
import { loadPanel } from '../../src/panel/loadPanel';

let base: HTMLBaseElement;
beforeEach(() => {
  base = document.createElement('base');
  base.href = new URL('/shop/', location.href).href;
  document.head.append(base);
});
afterEach(() => {
  base.remove();
  vi.unstubAllGlobals();
});

it('a relative workerUrl names the worker beside the base URL, as new Worker() would', () => {
  const urls: string[] = [];
  vi.stubGlobal('Worker', class { constructor(url: string) { urls.push(String(url)); } });
  createWorkerFor('assets/inkling-worker.js');
  expect(urls).toEqual([new URL('/shop/assets/inkling-worker.js', location.href).href]);
});

it('a panelUrl that is not a URL rejects, rather than throwing into the page', async () => {
  let returned: Promise<unknown> | undefined;
  expect(() => (returned = loadPanel('http://[not-a-host/panel.js'))).not.toThrow();
  await expect(returned).rejects.toThrow();
});

it('pageUrl resolves against the base URL, and leaves absolute URLs alone', () => {
  expect(pageUrl('inkling-panel.js').href).toBe(new URL('/shop/inkling-panel.js', location.href).href);
  expect(pageUrl('https://cdn.example/inkling-panel.js').href).toBe('https://cdn.example/inkling-panel.js');
});
