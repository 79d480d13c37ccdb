import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { createEngine } from '../../src/engine/createEngine';
import { createIndexedDBStore } from '../../src/engine/profileStore';
import type { Manifest } from '../../src/types/manifest';
import { demoManifest } from '../support/demoManifest';
import { generateKeys, signManifest } from '../support/signManifest';

const NOW = Date.parse('2026-11-24T12:00:00Z');
const URL_ = 'http://shop.test/manifest.json';
const keys = generateKeys();
const other = generateKeys();
const dated = (over: Partial<Manifest> = {}) => demoManifest({ issued: '2026-11-20T00:00:00Z', expires: '2026-12-20T00:00:00Z', ...over });

/** A fake server: answers with `body` (and an ETag), or 304 when the client already has that ETag. */
function server(body: unknown, etag = '"v1"') {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return vi.fn(async (_url: string, init?: RequestInit) => {
    const sent = (init?.headers as Record<string, string> | undefined)?.['If-None-Match'];
    if (sent === etag) return new Response(null, { status: 304 });
    return new Response(text, { headers: { ETag: etag } });
  });
}
const start = (publicKeys: string[] = [keys.publicKey]) => {
  const engine = createEngine({ now: () => NOW });
  return { engine, result: engine.start({ manifestUrl: URL_, persist: true, publicKeys }) };
};

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => vi.unstubAllGlobals());

describe('manifest signatures', () => {
  it('accepts a manifest signed by the configured key', async () => {
    vi.stubGlobal('fetch', server(signManifest(dated(), keys)));
    const { result } = start();
    expect(await result).toMatchObject({ errors: [], warnings: [], decision: { segment: 'default', manifestId: 'test-manifest' } });
  });

  it('accepts a manifest signed by any one of several keys (rotation)', async () => {
    vi.stubGlobal('fetch', server(signManifest(dated(), other)));
    expect((await start([keys.publicKey, other.publicKey]).result).errors).toEqual([]);
  });

  it.each([
    ['unsigned', dated()],
    ['signed by another key', signManifest(dated(), other)],
    ['tampered with after signing', { ...signManifest(dated(), keys), minEvidence: 0 }],
    ['signed with a signature that is base64 by its alphabet but does not decode ("A")', { ...dated(), signature: 'A' }],
  ])('rejects a manifest that is %s', async (_, manifest) => {
    vi.stubGlobal('fetch', server(manifest));
    const result = await start().result;
    expect(result.decision).toBeNull();
    expect(result.errors.map((e) => e.code)).toEqual(['manifest-signature']);
  });

  it('accepts an unsigned manifest without a key, with a development warning', async () => {
    vi.stubGlobal('fetch', server(dated()));
    const result = await start([]).result;
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([expect.stringContaining('no public key is configured')]);
  });
});

describe('manifest cache', () => {
  it('keeps the last good manifest and revalidates it with If-None-Match', async () => {
    vi.stubGlobal('fetch', server(signManifest(dated(), keys)));
    await start().result;
    const second = start();
    const fromCache = await second.result;
    expect(fromCache).toMatchObject({ refresh: true, decision: { manifestId: 'test-manifest' } });
    const refreshed = await second.engine.refresh();
    expect(fetch).toHaveBeenLastCalledWith(URL_, expect.objectContaining({ headers: { 'If-None-Match': '"v1"' } }));
    expect(refreshed).toMatchObject({ errors: [], decision: { manifestId: 'test-manifest' } });
  });

  it('works offline from the cache, and says the refresh failed', async () => {
    vi.stubGlobal('fetch', server(signManifest(dated(), keys)));
    await start().result;
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const offline = start();
    expect((await offline.result).decision?.manifestId).toBe('test-manifest');
    const refreshed = await offline.engine.refresh();
    expect(refreshed.errors.map((e) => e.code)).toEqual(['manifest-fetch']);
    expect(refreshed.decision?.manifestId).toBe('test-manifest');
  });

  it('adopts a newer manifest, and refuses an older one (rollback) while keeping the last good', async () => {
    vi.stubGlobal('fetch', server(signManifest(dated(), keys)));
    await start().result;
    vi.stubGlobal('fetch', server(signManifest(dated({ id: 'newer', issued: '2026-11-22T00:00:00Z' }), keys), '"v2"'));
    const newer = start();
    await newer.result;
    expect((await newer.engine.refresh()).decision?.manifestId).toBe('newer');

    vi.stubGlobal('fetch', server(signManifest(dated({ id: 'older', issued: '2026-11-10T00:00:00Z' }), keys), '"v0"'));
    const rolledBack = start();
    expect((await rolledBack.result).decision?.manifestId).toBe('newer');
    const refreshed = await rolledBack.engine.refresh();
    expect(refreshed.errors.map((e) => e.code)).toEqual(['manifest-rollback']);
    expect(refreshed.decision?.manifestId).toBe('newer');
  });

  it('refuses an undated manifest (rollback) once a dated one is trusted', async () => {
    vi.stubGlobal('fetch', server(signManifest(dated({ id: 'dated' }), keys)));
    await start().result;
    vi.stubGlobal('fetch', server(signManifest(demoManifest({ id: 'undated' }), keys), '"v0"'));
    const later = start();
    expect((await later.result).decision?.manifestId).toBe('dated');
    const refreshed = await later.engine.refresh();
    expect(refreshed.errors.map((e) => e.code)).toEqual(['manifest-rollback']);
    expect(refreshed.decision?.manifestId).toBe('dated');
  });

  it('never trusts an expired manifest as new, but keeps using the last good one', async () => {
    vi.stubGlobal('fetch', server(signManifest(dated({ expires: '2026-11-23T00:00:00Z' }), keys)));
    const first = await start().result;
    expect(first.decision).toBeNull();
    expect(first.errors.map((e) => e.code)).toEqual(['manifest-expired']);

    vi.stubGlobal('fetch', server(signManifest(dated(), keys)));
    await start().result;
    vi.stubGlobal('fetch', server(signManifest(dated({ id: 'stale', issued: '2026-11-21T00:00:00Z', expires: '2026-11-22T00:00:00Z' }), keys), '"v9"'));
    const later = start();
    await later.result;
    const refreshed = await later.engine.refresh();
    expect(refreshed.errors.map((e) => e.code)).toEqual(['manifest-expired']);
    expect(refreshed.decision?.manifestId).toBe('test-manifest');
  });

  it('fetches afresh, without its ETag, when the cached manifest is one this release cannot read', async () => {
    // As a newer release (one that understands "inkling": 2) would have cached it under the same URL.
    const store = await createIndexedDBStore();
    const newer = signManifest({ ...dated(), inkling: 2, features: { tents: {} } } as unknown as Manifest, keys);
    await store.putManifest({ url: URL_, manifest: newer, etag: '"v2"', storedAt: NOW });
    vi.stubGlobal('fetch', server(signManifest(dated(), keys)));
    const result = await start().result;
    expect(fetch).toHaveBeenCalledWith(URL_, expect.objectContaining({ headers: {} }));
    expect(result).toMatchObject({ errors: [], decision: { manifestId: 'test-manifest' } });
    expect(result.refresh).toBeUndefined();
  });

  it('drops a cached manifest that no configured key verifies any more', async () => {
    vi.stubGlobal('fetch', server(signManifest(dated(), keys)));
    await start().result;
    vi.stubGlobal('fetch', server(signManifest(dated({ id: 'rotated' }), other), '"v2"'));
    const result = await start([other.publicKey]).result;
    expect(result.refresh).toBeUndefined();
    expect(result.decision?.manifestId).toBe('rotated');
  });
});
