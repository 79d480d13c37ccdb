import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { init } from '../../src/init';
import type { Inkling } from '../../src/types/instance';
import type { InklingError } from '../../src/types/error';
import { demoManifest } from '../support/demoManifest';

let sdk: Inkling | undefined;

function page(): void {
  document.body.innerHTML = `
    <section data-inkling-slot="hero">
      <div data-inkling-variant="default">Default</div>
      <div data-inkling-variant="camper" hidden>Camper</div>
      <div data-inkling-variant="cyclist" hidden>Cyclist</div>
    </section>
    <article data-inkling-topic="bikes"><button>Bike</button></article>`;
}
const shown = () => [...document.querySelectorAll('[data-inkling-variant]')].filter((e) => !(e as HTMLElement).hidden).map((e) => e.textContent);

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(demoManifest()))));
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  page();
});
afterEach(() => {
  sdk?.destroy();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('init (engine in-thread, happy-dom)', () => {
  it('decides default first, then swaps the slot and fires segmentchange after clicks', async () => {
    sdk = init({ manifest: '/manifest.json', workerUrl: false });
    const changes: string[] = [];
    sdk.on('segmentchange', (d) => changes.push(d.segment));
    expect(sdk.segment()).toBeNull();
    const first = await sdk.ready;
    expect(first?.segment).toBe('default');
    expect(shown()).toEqual(['Default']);

    const next = new Promise((resolve) => sdk!.on('segmentchange', resolve));
    for (let i = 0; i < 3; i++) (document.querySelector('button') as HTMLElement).click();
    dispatchEvent(new Event('pagehide'));
    await next;
    expect(sdk.segment()?.segment).toBe('cyclist');
    expect(shown()).toEqual(['Cyclist']);
    expect(changes).toEqual(['default', 'cyclist']);
  });

  it('resolves the manifest URL against the page', async () => {
    sdk = init({ manifest: 'inkling/manifest.json', workerUrl: false });
    await sdk.ready;
    expect(fetch).toHaveBeenCalledWith(new URL('inkling/manifest.json', location.href).href, expect.anything());
  });

  it('turns a bad manifest into one error event and one warning, and keeps the default content', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ ...demoManifest(), inkling: 9 }))));
    sdk = init({ manifest: '/manifest.json', workerUrl: false });
    const errors: InklingError[] = [];
    sdk.on('error', (e) => errors.push(e));
    expect(await sdk.ready).toBeNull();
    (document.querySelector('button') as HTMLElement).click();
    dispatchEvent(new Event('pagehide'));
    await new Promise((r) => setTimeout(r, 50));
    expect(errors.map((e) => e.code)).toEqual(['manifest-version']);
    expect(console.warn).toHaveBeenCalledTimes(1);
    expect(shown()).toEqual(['Default']);
    expect(sdk.segment()).toBeNull();
  });

  it('never throws on bad options: it reports options-invalid', () => {
    expect(() => (sdk = init(undefined as never))).not.toThrow();
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('manifest URL'));
    expect(sdk!.segment()).toBeNull();
  });

  it('records custom signals through track()', async () => {
    const manifest = demoManifest({
      features: [{ name: 'compare', signal: 'custom:compare', agg: 'sum', transform: 'none', mean: 0, std: 1, label: 'comparisons' }],
      segments: [{ id: 'camper', label: 'Camper', centroid: [5] }, { id: 'cyclist', label: 'Cyclist', centroid: [0] }],
      minEvidence: 1,
    });
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(manifest))));
    sdk = init({ manifest: '/manifest.json', workerUrl: false });
    await sdk.ready;
    const next = new Promise((resolve) => sdk!.on('segmentchange', resolve));
    sdk.track('compare', { topic: 'tents', value: 5 });
    dispatchEvent(new Event('pagehide'));
    await next;
    expect(sdk.segment()?.segment).toBe('camper');
  });
});
