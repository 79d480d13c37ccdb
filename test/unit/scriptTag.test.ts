import { afterEach, expect, it, vi } from 'vitest';
import { demoManifest } from '../support/demoManifest';

/** Runs the script-tag entry as if loaded by a `<script>` with these attributes. */
async function loadTag(attrs: Record<string, string>): Promise<void> {
  const script = document.createElement('script');
  for (const [k, v] of Object.entries(attrs)) script.setAttribute(k, v);
  document.head.append(script);
  Object.defineProperty(document, 'currentScript', { configurable: true, get: () => script });
  vi.resetModules();
  await import('../../src/scriptTag');
  delete (document as { currentScript?: unknown }).currentScript;
}

afterEach(() => {
  window.inkling?.destroy();
  delete window.inkling;
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

it('an error listener queued before the script loads hears what its attributes got wrong', async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(demoManifest()))));
  const errors: string[] = [];
  (window as unknown as { inkling: unknown[] }).inkling = [['on', 'error', (e: { code: string }) => errors.push(e.code)]];
  await loadTag({ 'data-manifest': '/manifest.json', 'data-consent': 'yes' });
  await window.inkling!.ready;
  expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('consent must be'));
  expect(errors).toContain('options-invalid');
});

it('a script tag without data-manifest (or with it misspelt) says so once, and its queued commands still run', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const heard: unknown[] = [];
  (window as unknown as { inkling: unknown[] }).inkling = [['on', 'ready', (d: unknown) => heard.push(d)]];
  await loadTag({ 'data-manfest': '/manifest.json' });
  await window.inkling!.ready;
  await new Promise((r) => setTimeout(r, 0));
  expect(warn.mock.calls.map(String)).toEqual([expect.stringContaining('data-manifest=')]);
  expect(heard).toEqual([null]);
});
