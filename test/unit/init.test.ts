import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { init } from '../../src/init';
import type { Inkling } from '../../src/types/instance';
import type { InklingError } from '../../src/types/error';
import { openDB } from 'idb';
import { FORGET_KEY, OUTBOX_KEY } from '../../src/constants';
import { dayNumber } from '../../src/model/dayNumber';
import { demoManifest } from '../support/demoManifest';

/** Click counts per topic as stored in IndexedDB (what persists beyond this page). */
async function stored(): Promise<Record<string, number>> {
  const db = await openDB('inkling');
  const rows = db.objectStoreNames.contains('buckets') ? await db.getAll('buckets') : [];
  db.close();
  return Object.fromEntries(rows.filter((r) => r.signal === 'click').map((r) => [r.topic, r.count]));
}
const clickBikes = async (sdk: Inkling, n: number) => {
  const next = new Promise((resolve) => sdk.on('segmentchange', resolve));
  for (let i = 0; i < n; i++) (document.querySelector('button') as HTMLElement).click();
  dispatchEvent(new Event('pagehide'));
  await next;
};

/** A manifest with one feature, custom `compare` signals: five of them make a camper. */
function serveCompareManifest(): void {
  const manifest = demoManifest({
    features: [{ name: 'compare', signal: 'custom:compare', agg: 'sum', transform: 'none', mean: 0, std: 1, label: 'comparisons' }],
    segments: [{ id: 'camper', label: 'Camper', centroid: [5] }, { id: 'cyclist', label: 'Cyclist', centroid: [0] }],
    minEvidence: 1,
  });
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(manifest))));
}

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
/** The codes of the `error` events `sdk` emits from now on, as they come. */
function errorCodes(sdk: Inkling): string[] {
  const codes: string[] = [];
  sdk.on('error', (e) => codes.push(e.code));
  return codes;
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
  localStorage.clear();
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

  it('resolves the manifest URL against the document base URL, as fetch and the tag\'s own src are', async () => {
    const base = document.createElement('base');
    base.href = new URL('/shop/', location.href).href;
    document.head.append(base);
    try {
      sdk = init({ manifest: 'inkling/manifest.json', workerUrl: false });
      await sdk.ready;
      expect(fetch).toHaveBeenCalledWith(new URL('/shop/inkling/manifest.json', location.href).href, expect.anything());
    } finally {
      base.remove();
    }
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

  it('never throws on a manifest URL that cannot be parsed: one options-invalid error, default content', async () => {
    expect(() => (sdk = init({ manifest: 'http://[not-a-host/manifest.json', workerUrl: false }))).not.toThrow();
    expect(console.warn).toHaveBeenCalledTimes(1);
    expect(console.warn).toHaveBeenCalledWith('Inkling cannot read its manifest URL "http://[not-a-host/manifest.json"');
    expect(await sdk!.ready).toBeNull();
    expect(shown()).toEqual(['Default']);
  });

  it('never throws from its methods on arguments a page should not pass', async () => {
    sdk = init({ manifest: '/manifest.json', workerUrl: false });
    const untyped = sdk as unknown as Record<string, (...args: unknown[]) => unknown>;
    expect(() => untyped.track!('compare', null)).not.toThrow();
    expect(() => untyped.track!(null, { topic: 'tents' })).not.toThrow();
    expect(() => untyped.consent!('maybe')).not.toThrow();
    expect(() => untyped.push!('track')).not.toThrow();
    expect(() => untyped.personalize!()).not.toThrow();
    await expect(untyped.blockTopic!({})).resolves.toBeUndefined();
    await sdk.ready;
  });

  it('a second init() on the page returns the running instance, so nothing is tracked or counted twice', async () => {
    sdk = init({ manifest: '/manifest.json', workerUrl: false });
    const again = init({ manifest: '/another.json', workerUrl: false });
    expect(again).toBe(sdk);
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('Inkling is already running on this page'));
    await sdk.ready;
    for (let i = 0; i < 3; i++) (document.querySelector('button') as HTMLElement).click();
    dispatchEvent(new Event('pagehide'));
    await expect.poll(stored).toEqual({ bikes: 3 });
    // Once destroyed, the page may start another.
    sdk.destroy();
    const next = init({ manifest: '/manifest.json', workerUrl: false });
    expect(next).not.toBe(sdk);
    sdk = next;
  });

  it("a cached decision dated by a clock that ran ahead does not hold the engine's decisions off", async () => {
    // An earlier page cached "camper" while the device's clock was 20 days ahead; it has been put right since.
    const ahead = Date.now() + 20 * 86_400_000;
    localStorage.setItem('inkling:decision', JSON.stringify({ s: 'camper', m: demoManifest().id, e: ahead + 7 * 86_400_000 }));
    sdk = init({ manifest: '/manifest.json', workerUrl: false });
    expect(shown()).toEqual(['Camper']); // the first frame shows the cached decision
    expect((await sdk.ready)?.segment).toBe('default');
    expect(sdk.segment()?.cached).toBeUndefined();
    await clickBikes(sdk, 5);
    expect(sdk.segment()?.segment).toBe('cyclist');
    expect(JSON.parse(localStorage.getItem('inkling:decision')!).s).toBe('cyclist');
  });

  it('a prerendered page records nothing until it is shown, then what it held', async () => {
    let prerendering = true;
    Object.defineProperty(document, 'prerendering', { configurable: true, get: () => prerendering });
    try {
      serveCompareManifest();
      sdk = init({ manifest: '/manifest.json', workerUrl: false });
      for (let i = 0; i < 5; i++) sdk.track('compare');
      expect((await sdk.ready)?.segment).toBe('default'); // the engine started meanwhile, with nothing recorded
      dispatchEvent(new Event('pagehide')); // a prerender the visitor never sees may be discarded like this
      await new Promise((r) => setTimeout(r, 50));
      const db = await openDB('inkling');
      expect(await db.count('buckets')).toBe(0);
      db.close();
      expect(localStorage.getItem(OUTBOX_KEY)).toBeNull();

      const shownAt = Date.now();
      prerendering = false;
      document.dispatchEvent(new Event('prerenderingchange'));
      const next = new Promise((resolve) => sdk!.on('segmentchange', resolve));
      dispatchEvent(new Event('pagehide'));
      await next;
      expect(sdk.segment()?.segment).toBe('camper');
      const saved = await openDB('inkling');
      const days = (await saved.getAll('buckets')).map((b) => b.day);
      saved.close();
      expect(new Set(days)).toEqual(new Set([dayNumber(shownAt)]));
    } finally {
      delete (document as { prerendering?: unknown }).prerendering;
    }
  });

  it('records custom signals through track()', async () => {
    serveCompareManifest();
    sdk = init({ manifest: '/manifest.json', workerUrl: false });
    await sdk.ready;
    const next = new Promise((resolve) => sdk!.on('segmentchange', resolve));
    sdk.track('compare', { topic: 'tents', value: 5 });
    dispatchEvent(new Event('pagehide'));
    await next;
    expect(sdk.segment()?.segment).toBe('camper');
  });

  it('hands what was recorded before the engine was ready to it with the start call, not a later flush', async () => {
    serveCompareManifest();
    // No idle time ever comes, so no flush can carry the signal.
    vi.stubGlobal('requestIdleCallback', () => 0);
    vi.stubGlobal('cancelIdleCallback', () => {});
    sdk = init({ manifest: '/manifest.json', workerUrl: false });
    sdk.track('compare', { topic: 'tents', value: 5 });
    expect((await sdk.ready)?.segment).toBe('camper');
  });

  it("consent 'pending' personalises this page from memory and stores nothing", async () => {
    sdk = init({ manifest: '/manifest.json', workerUrl: false, consent: 'pending' });
    await sdk.ready;
    await clickBikes(sdk, 3);
    expect(sdk.segment()?.segment).toBe('cyclist');
    expect(await stored()).toEqual({});
    expect(localStorage.getItem(OUTBOX_KEY)).toBeNull();
  });

  it("consent 'pending' then 'granted' moves this page's profile into IndexedDB", async () => {
    sdk = init({ manifest: '/manifest.json', workerUrl: false, consent: 'pending' });
    await sdk.ready;
    await clickBikes(sdk, 3);
    sdk.consent('granted');
    await vi.waitFor(async () => expect(await stored()).toEqual({ bikes: 3 }));
  });

  it("consent 'denied' deletes what exists, records nothing and shows the default", async () => {
    sdk = init({ manifest: '/manifest.json', workerUrl: false });
    await sdk.ready;
    await clickBikes(sdk, 3);
    expect(shown()).toEqual(['Cyclist']);
    await vi.waitFor(async () => expect(await stored()).toEqual({ bikes: 3 }));

    sdk.consent('denied');
    expect(shown()).toEqual(['Default']);
    expect(sdk.segment()).toBeNull();
    await vi.waitFor(async () => expect(await stored()).toEqual({}));
    (document.querySelector('button') as HTMLElement).click();
    sdk.track('compare');
    dispatchEvent(new Event('pagehide'));
    await new Promise((r) => setTimeout(r, 50));
    expect(await stored()).toEqual({});
  });

  it("init with consent 'denied' deletes an earlier profile and the outbox", async () => {
    const first = init({ manifest: '/manifest.json', workerUrl: false });
    await first.ready;
    await clickBikes(first, 3);
    await vi.waitFor(async () => expect(await stored()).toEqual({ bikes: 3 }));
    first.destroy();
    localStorage.setItem(OUTBOX_KEY, JSON.stringify([{ id: 'x', signals: [{ signal: 'click', topic: 'bikes', value: 1, at: Date.now() }] }]));
    sdk = init({ manifest: '/manifest.json', workerUrl: false, consent: 'denied' });
    expect(await sdk.ready).toBeNull();
    expect(await stored()).toEqual({});
    expect(localStorage.getItem(OUTBOX_KEY)).toBeNull();
    expect(fetch).toHaveBeenCalledTimes(1); // the first instance's manifest only
  });

  it('honours Global Privacy Control: nothing recorded, no request, default content', async () => {
    Object.defineProperty(navigator, 'globalPrivacyControl', { configurable: true, value: true });
    try {
      sdk = init({ manifest: '/manifest.json', workerUrl: false });
      expect(await sdk.ready).toBeNull();
      (document.querySelector('button') as HTMLElement).click();
      dispatchEvent(new Event('pagehide'));
      await new Promise((r) => setTimeout(r, 50));
      expect(fetch).not.toHaveBeenCalled();
      expect(await stored()).toEqual({});
      expect(shown()).toEqual(['Default']);

      sdk.destroy();
      sdk = init({ manifest: '/manifest.json', workerUrl: false, respectOptOut: false });
      const errors: unknown[] = [];
      sdk.on('error', (e) => errors.push(e));
      const d = await sdk.ready;
      expect(errors).toEqual([]);
      expect(d?.segment).toBe('default');
    } finally {
      delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
    }
  });

  it('replays batches left in the outbox by a page that closed, once', async () => {
    const batch = { id: 'left-behind', signals: [1, 2, 3].map(() => ({ signal: 'click', topic: 'bikes', value: 1, at: Date.now() })) };
    localStorage.setItem(OUTBOX_KEY, JSON.stringify([batch]));
    sdk = init({ manifest: '/manifest.json', workerUrl: false });
    expect((await sdk.ready)?.segment).toBe('cyclist');
    expect(await stored()).toEqual({ bikes: 3 });
    expect(localStorage.getItem(OUTBOX_KEY)).toBeNull();
    sdk.destroy();
    localStorage.setItem(OUTBOX_KEY, JSON.stringify([batch])); // as if the removal had been lost
    sdk = init({ manifest: '/manifest.json', workerUrl: false });
    await sdk.ready;
    expect(await stored()).toEqual({ bikes: 3 });
  });

  it('goes on after the back/forward cache stopped its engine with a call in flight', async () => {
    // The first manifest request never answers, so `start` is still in flight at pagehide.
    let requests = 0;
    vi.stubGlobal('fetch', vi.fn(async () => (++requests === 1 ? new Promise<Response>(() => {}) : new Response(JSON.stringify(demoManifest())))));
    sdk = init({ manifest: '/manifest.json', workerUrl: false });
    await vi.waitFor(() => expect(requests).toBe(1));
    const transition = (type: string) => dispatchEvent(Object.assign(new Event(type), { persisted: true }));
    transition('pagehide');
    expect(await sdk.ready).toBeNull(); // the stopped call failed instead of holding the queue
    const decided = new Promise<string>((resolve) => sdk!.on('segmentchange', (d) => resolve(d.segment)));
    transition('pageshow');
    expect(await decided).toBe('default');
    expect(requests).toBe(2);
  });
});

describe('init: what the page can get wrong, and what it can count on', () => {
  const tick = (ms = 50) => new Promise((r) => setTimeout(r, ms));
  const withGpc = async (fn: () => Promise<void>) => {
    Object.defineProperty(navigator, 'globalPrivacyControl', { configurable: true, value: true });
    try {
      await fn();
    } finally {
      delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
    }
  };

  it('forget() after destroy() still deletes the stored profile, quietly', async () => {
    sdk = init({ manifest: '/manifest.json', workerUrl: false });
    await sdk.ready;
    await clickBikes(sdk, 3);
    expect(await stored()).toEqual({ bikes: 3 });
    const errors: InklingError[] = [];
    sdk.on('error', (e) => errors.push(e));
    sdk.destroy();
    await sdk.forget();
    expect(await stored()).toEqual({});
    expect(errors).toEqual([]);
  });

  it("consent('denied') after destroy() still deletes the stored profile", async () => {
    sdk = init({ manifest: '/manifest.json', workerUrl: false });
    await sdk.ready;
    await clickBikes(sdk, 3);
    sdk.destroy();
    sdk.consent('denied');
    await vi.waitFor(async () => expect(await stored()).toEqual({}));
  });

  it('an error found while init() starts reaches a listener added right after it', async () => {
    sdk = init({ manifest: '/manifest.json', workerUrl: false, consent: 'yes' as never });
    const errors = errorCodes(sdk);
    await sdk.ready;
    expect(errors).toEqual(['options-invalid']);
  });

  it('a beforeunload that does not unload (a download link, a cancelled prompt) silences errors only until the next input', async () => {
    sdk = init({ manifest: '/manifest.json', workerUrl: false });
    await sdk.ready;
    const errors = errorCodes(sdk);
    dispatchEvent(new Event('beforeunload'));
    sdk.push(['no-such-command']);
    await tick(0);
    expect(errors).toEqual([]);
    dispatchEvent(new Event('pointerdown'));
    sdk.push(['no-such-command']);
    await tick(0);
    expect(errors).toEqual(['options-invalid']);
  });

  it('an instance that records nothing (opt-out signal) runs queued commands, is the one a second init() returns, and stops listening once destroyed', async () => {
    await withGpc(async () => {
      document.body.innerHTML = '<button data-inkling-explain>Why?</button>';
      sdk = init({ manifest: '/manifest.json', panelUrl: 'http://127.0.0.1:9/nope.js' });
      const heard: unknown[] = [];
      sdk.push(['on', 'ready', (d: unknown) => heard.push(d)]);
      await sdk.ready;
      await tick(0);
      expect(heard).toEqual([null]);
      expect(init({ manifest: '/manifest.json' })).toBe(sdk);
      sdk.destroy();
      (document.querySelector('button') as HTMLElement).click();
      await tick(300);
      expect(console.warn).not.toHaveBeenCalledWith(expect.stringContaining('could not load its panel'));
    });
  });

  it('an instance made by bad options is not the running one: corrected options start Inkling', () => {
    const broken = init({ manifest: '' });
    sdk = init({ manifest: '/manifest.json', workerUrl: false });
    expect(sdk).not.toBe(broken);
    expect(sdk.settings()).toBeDefined();
    broken.destroy();
  });

  it('after destroy() (even before DOMContentLoaded) Inkling no longer touches markup the page adds', async () => {
    Object.defineProperty(document, 'readyState', { configurable: true, get: () => 'loading' });
    sdk = init({ manifest: '/manifest.json', workerUrl: false });
    sdk.destroy();
    delete (document as { readyState?: unknown }).readyState;
    document.dispatchEvent(new Event('DOMContentLoaded'));
    sdk.personalize(false);
    const late = document.createElement('section');
    late.setAttribute('data-inkling-slot', 'late');
    late.setAttribute('data-inkling-why', '');
    late.innerHTML = '<div data-inkling-variant="default">D</div>';
    document.body.append(late);
    await tick();
    expect(late.querySelector('.inkling-why')).toBeNull();
  });

  it('on() with something that is not a function is refused with options-invalid, not thrown later', async () => {
    const thrown: unknown[] = [];
    const realSetTimeout = globalThis.setTimeout;
    vi.stubGlobal('setTimeout', (fn: () => void, ms?: number) => realSetTimeout(() => { try { fn(); } catch (e) { thrown.push(e); } }, ms));
    sdk = init({ manifest: '/manifest.json', workerUrl: false });
    const errors = errorCodes(sdk);
    sdk.push(['on', 'ready', undefined]);
    await sdk.ready;
    await tick();
    expect(thrown).toEqual([]);
    expect(errors).toEqual(['options-invalid']);
  });

  it('track() refuses what it cannot record (a symbol topic, NaN) with options-invalid, and the rest of the batch counts', async () => {
    sdk = init({ manifest: '/manifest.json', workerUrl: false });
    await sdk.ready;
    const errors = errorCodes(sdk);
    sdk.track('compare', { topic: Symbol('x') as never });
    sdk.track('compare', { value: Number.NaN });
    await clickBikes(sdk, 3);
    expect(sdk.segment()?.segment).toBe('cyclist');
    expect(errors).toEqual(['options-invalid']);
  });

  it('personalize() asked for what already holds changes nothing and announces nothing (no loop from a segmentchange handler)', async () => {
    sdk = init({ manifest: '/manifest.json', workerUrl: false });
    let calls = 0;
    sdk.on('segmentchange', () => {
      calls++;
      sdk!.personalize(true);
    });
    await clickBikes(sdk, 3);
    await tick();
    expect(calls).toBe(2); // the first decision, then cyclist
    sdk.personalize(true);
    expect(calls).toBe(2);
    sdk.personalize(false);
    sdk.personalize(true);
    expect(calls).toBe(3); // back on: the decision is announced again, once (its handler's call changes nothing)
  });

  it('blockTopic() leaves nothing of a topic whose clicks were still buffered', async () => {
    sdk = init({ manifest: '/manifest.json', workerUrl: false });
    await sdk.ready;
    for (let i = 0; i < 3; i++) (document.querySelector('button') as HTMLElement).click();
    await sdk.blockTopic('bikes');
    dispatchEvent(new Event('pagehide'));
    await tick(100);
    expect(await stored()).toEqual({});
  });

  it('blockTopic() of a long topic, as the profile cuts it (and the panel lists it), stops tracking it', async () => {
    const long = 'camping-and-hiking-'.repeat(5);
    document.body.innerHTML = `<article data-inkling-topic="${long}"><button>Long</button></article>`;
    sdk = init({ manifest: '/manifest.json', workerUrl: false });
    await sdk.ready;
    await sdk.blockTopic(long.slice(0, 64));
    (document.querySelector('button') as HTMLElement).click();
    dispatchEvent(new Event('pagehide'));
    await tick(100);
    expect(await stored()).toEqual({});
  });

  it("'delete everything' in another tab also empties this tab's profile held in memory (consent pending)", async () => {
    sdk = init({ manifest: '/manifest.json', workerUrl: false, consent: 'pending' });
    await sdk.ready;
    for (let i = 0; i < 3; i++) (document.querySelector('button') as HTMLElement).click();
    dispatchEvent(new Event('pagehide'));
    await tick(100);
    dispatchEvent(new StorageEvent('storage', { key: FORGET_KEY, newValue: String(Date.now()) }));
    await tick();
    sdk.consent('granted');
    await tick(100);
    expect(await stored()).toEqual({});
  });
});
