import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteDB, openDB } from 'idb';
import { ENGINE_READY } from '../../src/constants';
import { connectEngine, type EngineConnection } from '../../src/engine/connectEngine';
import type { Signal } from '../../src/types/signal';
import type { ProfileBucket } from '../../src/types/profile';

const MANIFEST = new URL('/examples/marketplace/manifest.json', location.origin).href;
const clicks = (topic: string, n: number): Signal[] => Array.from({ length: n }, () => ({ signal: 'click', topic, value: 1, at: Date.now() }));
const moduleWorker = () => new Worker(new URL('../../src/engine/worker.ts', import.meta.url), { type: 'module' });

/** Reads the profile straight from IndexedDB, as a person would in DevTools. */
async function storedCounts(): Promise<Record<string, number>> {
  const db = await openDB('inkling');
  const rows = (await db.getAll('buckets')) as ProfileBucket[];
  db.close();
  return Object.fromEntries(rows.map((r) => [r.topic, r.count]));
}

let connection: EngineConnection | undefined;
beforeEach(() => deleteDB('inkling'));
afterEach(() => connection?.close());

describe('connectEngine in Chromium', () => {
  it('runs the engine in a real Web Worker that keeps counts in IndexedDB and decides', async () => {
    connection = await connectEngine(moduleWorker);
    expect(connection.mode).toBe('worker');
    const started = await connection.engine.start({ manifestUrl: MANIFEST, persist: true });
    expect(started.storage).toBe('indexeddb');
    expect(started.decision?.segment).toBe('default');

    await connection.engine.ingest({ signals: clicks('tents', 3) });
    const result = await connection.engine.ingest({ signals: clicks('tents', 2) });
    expect(result.decision?.segment).toBe('camper');
    expect(await storedCounts()).toEqual({ tents: 5 });
  });

  it('falls back in-thread when the worker stays silent (as a CSP-blocked Blob worker does)', async () => {
    const silent = () => new Worker(URL.createObjectURL(new Blob(['/* never answers */'], { type: 'text/javascript' })));
    const startedAt = performance.now();
    connection = await connectEngine(silent, 300);
    expect(connection.mode).toBe('in-thread');
    expect(connection.fallbackReason).toMatch(/did not answer within 300 ms/);
    expect(performance.now() - startedAt).toBeLessThan(3000);
    await connection.engine.start({ manifestUrl: MANIFEST, persist: true });
    const result = await connection.engine.ingest({ signals: clicks('bikes', 5) });
    expect(result.decision?.segment).toBe('cyclist');
    expect(await storedCounts()).toEqual({ bikes: 5 });
  });

  it('falls back in-thread at once when the worker is from another release (its ready message has another version)', async () => {
    const older = () => new Worker(URL.createObjectURL(new Blob(["postMessage('inkling:ready')"], { type: 'text/javascript' })));
    connection = await connectEngine(older, 5000);
    expect(connection.mode).toBe('in-thread');
    expect(connection.fallbackReason).toBe(`the worker is from another release of Inkling (it speaks inkling:ready, this page ${ENGINE_READY})`);
    await connection.engine.start({ manifestUrl: MANIFEST, persist: true });
    expect((await connection.engine.ingest({ signals: clicks('bikes', 5) })).decision?.segment).toBe('cyclist');
  });

  it('falls back in-thread when the worker script fails to load', async () => {
    connection = await connectEngine(() => new Worker('/no/such/worker.js'), 5000);
    expect(connection.mode).toBe('in-thread');
    expect(connection.fallbackReason).toMatch(/failed to start/);
  });

  it('falls back in-thread when Worker construction throws', async () => {
    connection = await connectEngine(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    expect(connection.mode).toBe('in-thread');
    expect((await connection.engine.start({ manifestUrl: MANIFEST, persist: true })).decision?.segment).toBe('default');
  });

  // Started, then gone: as a worker the browser kills for memory. It ignores calls from then on.
  const dyingWorker = () => new Worker(URL.createObjectURL(new Blob([`postMessage(${JSON.stringify(ENGINE_READY)}); onmessage = () => close();`], { type: 'text/javascript' })));

  it('closes the connection and tells onLost once, when its worker dies after it started', async () => {
    const lost: string[] = [];
    connection = await connectEngine(dyingWorker, 200, (e) => lost.push(e.message));
    expect(connection.mode).toBe('worker');
    await expect(connection.engine.start({ manifestUrl: MANIFEST, persist: true })).rejects.toThrow('the engine stopped answering');
    await expect(connection.closed).rejects.toThrow('the engine stopped answering');
    await expect(connection.engine.inspect()).rejects.toThrow('the engine stopped answering');
    expect(lost).toEqual(['the engine stopped answering (nothing for 200 ms, not even to a probe)']);
  });

  it('does not call a worker lost when the page closed the connection itself (destroy, the back/forward cache)', async () => {
    const lost: string[] = [];
    connection = await connectEngine(dyingWorker, 100, (e) => lost.push(e.message));
    void connection.engine.inspect().catch(() => undefined);
    connection.close();
    await new Promise((r) => setTimeout(r, 600));
    expect(lost).toEqual([]);
  });

  it('two engines writing at once (two tabs) lose no counts', async () => {
    const a = await connectEngine(moduleWorker);
    const b = await connectEngine(moduleWorker);
    await Promise.all([a.engine.start({ manifestUrl: MANIFEST, persist: true }), b.engine.start({ manifestUrl: MANIFEST, persist: true })]);
    await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).engine.ingest({ signals: clicks('running', 3) })));
    expect(await storedCounts()).toEqual({ running: 30 });
    a.close();
    b.close();
  });
});
