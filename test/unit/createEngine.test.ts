import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { createEngine } from '../../src/engine/createEngine';
import { createIndexedDBStore, type ProfileStore } from '../../src/engine/profileStore';
import type { Signal } from '../../src/types/signal';
import { demoManifest } from '../support/demoManifest';

const NOW = Date.UTC(2026, 10, 24, 12);
const clicks = (topic: string, n: number): Signal[] => Array.from({ length: n }, () => ({ signal: 'click', topic, value: 1, at: NOW }));
const respondWith = (body: string, status = 200) => vi.fn(async () => new Response(body, { status }));
/** What a tab of a newer release does: opens the database at a higher version, which closes ours for good. */
const upgradeByNewerRelease = () =>
  new Promise<void>((resolve, reject) => {
    const request = indexedDB.open('inkling', 4);
    request.onsuccess = () => (request.result.close(), resolve());
    request.onerror = () => reject(request.error);
  });

beforeEach(() => {
  // A fresh, empty IndexedDB for every test.
  globalThis.indexedDB = new IDBFactory();
  vi.stubGlobal('fetch', respondWith(JSON.stringify(demoManifest())));
});
afterEach(() => vi.unstubAllGlobals());

describe('createEngine', () => {
  it('fetches the manifest without cookies and decides default on an empty profile', async () => {
    const engine = createEngine({ now: () => NOW });
    const result = await engine.start({ manifestUrl: 'http://shop.test/manifest.json', persist: true });
    expect(fetch).toHaveBeenCalledWith('http://shop.test/manifest.json', expect.objectContaining({ credentials: 'omit' }));
    expect(result.errors).toEqual([]);
    expect(result.storage).toBe('indexeddb');
    expect(result.decision).toMatchObject({ segment: 'default', manifestId: 'test-manifest', note: 'not enough activity yet' });
  });

  it('sorts out malformed public keys off the main thread: one options-invalid error each', async () => {
    const engine = createEngine({ now: () => NOW });
    const wellFormed = btoa(String.fromCharCode(...new Uint8Array(32)));
    const result = await engine.start({ manifestUrl: 'http://shop.test/m.json', persist: true, publicKeys: `not-a-key, ${wellFormed} QUJD` });
    const invalid = result.errors.filter((e) => e.code === 'options-invalid').map((e) => e.message);
    expect(invalid).toEqual([
      'Inkling public key "not-a-key" is not a raw 32-byte Ed25519 key in standard base64',
      'Inkling public key "QUJD" is not a raw 32-byte Ed25519 key in standard base64',
    ]);
  });

  it('keeps click counts per topic and picks the nearest segment', async () => {
    const engine = createEngine({ now: () => NOW });
    await engine.start({ manifestUrl: 'http://shop.test/m.json', persist: true });
    await engine.ingest({ signals: clicks('bikes', 2) });
    const result = await engine.ingest({ signals: [...clicks('bikes', 2), ...clicks('tents', 1)] });
    expect(result.decision?.segment).toBe('cyclist');
    const buckets = (await engine.inspect()).buckets;
    expect(buckets.find((b) => b.topic === 'bikes')?.count).toBe(4);
    expect(buckets.find((b) => b.topic === 'tents')?.count).toBe(1);
  });

  it('stores the signals that come with start and decides from them in the same answer', async () => {
    const engine = createEngine({ now: () => NOW });
    const result = await engine.start({ manifestUrl: 'http://shop.test/m.json', persist: true }, clicks('bikes', 5));
    expect(result.decision?.segment).toBe('cyclist');
    expect((await engine.inspect()).buckets.find((b) => b.topic === 'bikes')?.count).toBe(5);
  });

  it('persists the profile across engine instances (a new page)', async () => {
    const first = createEngine({ now: () => NOW });
    await first.start({ manifestUrl: 'http://shop.test/m.json', persist: true });
    await first.ingest({ signals: clicks('tents', 4) });
    const second = createEngine({ now: () => NOW });
    const result = await second.start({ manifestUrl: 'http://shop.test/m.json', persist: true });
    expect(result.decision?.segment).toBe('camper');
  });

  it('prunes buckets older than the window when writing', async () => {
    let now = NOW - 40 * 86_400_000;
    const engine = createEngine({ now: () => now });
    await engine.start({ manifestUrl: 'http://shop.test/m.json', persist: true });
    await engine.ingest({ signals: clicks('tents', 1).map((s) => ({ ...s, at: now })) });
    now = NOW;
    await engine.ingest({ signals: clicks('bikes', 1) });
    expect((await engine.inspect()).buckets.map((b) => b.topic)).toEqual(['bikes']);
  });

  it.each([
    ['a wrong spec version', JSON.stringify({ ...demoManifest(), inkling: 2 }), 200, 'manifest-version'],
    ['centroids of the wrong length', JSON.stringify(demoManifest({ segments: [{ id: 'x', label: 'X', centroid: [1] }] })), 200, 'manifest-dimensions'],
    ['an HTML error page', '<!doctype html><h1>Oops</h1>', 200, 'manifest-parse'],
    ['a 404', 'Not found', 404, 'manifest-fetch'],
  ])('rejects %s with one clear error and no decision, but still records activity', async (_, body, status, code) => {
    vi.stubGlobal('fetch', respondWith(body, status));
    const engine = createEngine({ now: () => NOW });
    const started = await engine.start({ manifestUrl: 'http://shop.test/m.json', persist: true });
    expect(started.decision).toBeNull();
    expect(started.errors).toHaveLength(1);
    expect(started.errors[0]?.code).toBe(code);
    const after = await engine.ingest({ signals: clicks('tents', 5) });
    expect(after).toMatchObject({ decision: null, errors: [] });
    expect((await engine.inspect()).buckets[0]?.count).toBe(5);
  });

  it('keeps the profile in memory and reports once when storage cannot open', async () => {
    const openStore = (): Promise<ProfileStore> => Promise.reject(new DOMException('denied', 'SecurityError'));
    const engine = createEngine({ now: () => NOW, openStore });
    const started = await engine.start({ manifestUrl: 'http://shop.test/m.json', persist: true });
    expect(started.storage).toBe('memory');
    expect(started.errors.map((e) => e.code)).toEqual(['storage-unavailable']);
    const result = await engine.ingest({ signals: clicks('bikes', 3) });
    expect(result).toMatchObject({ storage: 'memory', errors: [] });
    expect(result.decision?.segment).toBe('cyclist');
  });

  it('falls back to memory when a write fails (quota), losing none of the batch', async () => {
    const failing: ProfileStore = {
      kind: 'indexeddb',
      add: () => Promise.reject(new DOMException('full', 'QuotaExceededError')),
      all: async () => [],
      clear: async () => {},
      remove: async () => {},
      getManifest: async () => undefined,
      putManifest: async () => {},
    };
    const engine = createEngine({ now: () => NOW, openStore: async () => failing });
    await engine.start({ manifestUrl: 'http://shop.test/m.json', persist: true });
    const result = await engine.ingest({ signals: clicks('tents', 3) });
    expect(result.errors.map((e) => e.code)).toEqual(['storage-unavailable']);
    expect(result.storage).toBe('memory');
    expect((await engine.inspect()).buckets[0]?.count).toBe(3);
  });

  it('keeps deciding from the stored profile after one write fails (quota)', async () => {
    const first = createEngine({ now: () => NOW });
    await first.start({ manifestUrl: 'http://shop.test/m.json', persist: true }, clicks('bikes', 6));
    // The next page reads the stored profile fine, but its first write fails.
    const real = await createIndexedDBStore();
    let fail = true;
    const flaky: ProfileStore = { ...real, add: (...args) => (fail ? ((fail = false), Promise.reject(new DOMException('full', 'QuotaExceededError'))) : real.add(...args)) };
    const second = createEngine({ now: () => NOW, openStore: async () => flaky });
    expect((await second.start({ manifestUrl: 'http://shop.test/m.json', persist: true })).decision?.segment).toBe('cyclist');
    const after = await second.ingest({ signals: clicks('tents', 1) });
    expect(after).toMatchObject({ storage: 'memory', errors: [{ code: 'storage-unavailable' }], decision: { segment: 'cyclist' } });
    expect((await second.inspect()).buckets.find((b) => b.topic === 'bikes')?.count).toBe(6);
  });

  it('applies a replayed batch once only (outbox replay after the tab closed)', async () => {
    const engine = createEngine({ now: () => NOW });
    await engine.start({ manifestUrl: 'http://shop.test/m.json', persist: true });
    const batch = { id: 'b-1', signals: clicks('tents', 2) };
    await engine.ingest(batch);
    const again = createEngine({ now: () => NOW });
    await again.start({ manifestUrl: 'http://shop.test/m.json', persist: true });
    await again.ingest(batch);
    expect((await again.inspect()).buckets[0]?.count).toBe(2);
  });

  it('keeps a pending-consent profile in memory only, and moves it into IndexedDB when granted', async () => {
    const engine = createEngine({ now: () => NOW });
    const started = await engine.start({ manifestUrl: 'http://shop.test/m.json', persist: false });
    expect(started.storage).toBe('memory');
    await engine.ingest({ signals: clicks('bikes', 3) });
    const elsewhere = createEngine({ now: () => NOW });
    await elsewhere.start({ manifestUrl: 'http://shop.test/m.json', persist: true });
    expect((await elsewhere.inspect()).buckets).toEqual([]);

    const granted = await engine.setPersist(true);
    expect(granted).toMatchObject({ storage: 'indexeddb', errors: [] });
    expect(granted.decision?.segment).toBe('cyclist');
    expect((await elsewhere.inspect()).buckets[0]).toMatchObject({ topic: 'bikes', count: 3 });
  });

  it('blockTopic() purges a topic whose name was cut to 64 characters when stored', async () => {
    const topic = 'camping-and-hiking-'.repeat(5); // 95 characters, as written in data-inkling-topic
    const engine = createEngine({ now: () => NOW });
    await engine.start({ manifestUrl: 'http://shop.test/m.json', persist: true });
    await engine.ingest({ signals: [...clicks(topic, 3), ...clicks('tents', 1)] });
    await engine.blockTopic(topic);
    expect((await engine.inspect()).buckets.map((b) => b.topic)).toEqual(['tents']);
  });

  it('blockTopic() reports storage-unavailable, not a rejection, when a newer release upgraded the database', async () => {
    const engine = createEngine({ now: () => NOW });
    await engine.start({ manifestUrl: 'http://shop.test/m.json', persist: true }, clicks('tents', 2));
    await upgradeByNewerRelease();
    const blocked = await engine.blockTopic('tents');
    expect(blocked).toMatchObject({ storage: 'memory', errors: [{ code: 'storage-unavailable' }] });
    // Once in memory, the next calls neither fail nor report again.
    expect(await engine.ingest({ signals: clicks('bikes', 1) })).toMatchObject({ storage: 'memory', errors: [] });
  });

  it('a decision reports storage-unavailable, not a rejection, when the profile cannot be read', async () => {
    const engine = createEngine({ now: () => NOW });
    await engine.start({ manifestUrl: 'http://shop.test/m.json', persist: true }, clicks('tents', 2));
    await upgradeByNewerRelease();
    const refreshed = await engine.refresh();
    expect(refreshed).toMatchObject({ storage: 'memory', errors: [{ code: 'storage-unavailable', message: expect.stringContaining('could not read IndexedDB') }] });
    expect(refreshed.decision?.manifestId).toBe('test-manifest');
  });

  it('forget() still deletes the database when emptying it fails', async () => {
    const engine = createEngine({ now: () => NOW });
    await engine.start({ manifestUrl: 'http://shop.test/m.json', persist: true }, clicks('tents', 2));
    await upgradeByNewerRelease();
    await expect(engine.forget()).resolves.toBeUndefined();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('inkling');
    expect((await engine.inspect()).buckets).toEqual([]);
  });

  it('forget() resolves when IndexedDB itself refuses (blocked storage)', async () => {
    const denied = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    const engine = createEngine({ now: () => NOW, openStore: () => Promise.reject(new DOMException('denied', 'SecurityError')) });
    await engine.start({ manifestUrl: 'http://shop.test/m.json', persist: true }, clicks('tents', 2));
    vi.stubGlobal('indexedDB', { open: denied, deleteDatabase: denied });
    await expect(engine.forget()).resolves.toBeUndefined();
    expect((await engine.inspect()).buckets).toEqual([]);
  });

  it('forget() deletes the stored profile', async () => {
    const engine = createEngine({ now: () => NOW });
    await engine.start({ manifestUrl: 'http://shop.test/m.json', persist: true });
    await engine.ingest({ signals: clicks('tents', 4) });
    await engine.forget();
    expect((await engine.inspect()).buckets).toEqual([]);
    const fresh = createEngine({ now: () => NOW });
    await fresh.start({ manifestUrl: 'http://shop.test/m.json', persist: true });
    expect((await fresh.inspect()).buckets).toEqual([]);
  });
});
