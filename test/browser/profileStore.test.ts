import { beforeEach, describe, expect, it } from 'vitest';
import { deleteDB, openDB } from 'idb';
import { DB_VERSION, PROFILE_LIMITS } from '../../src/constants';
import { createEngine } from '../../src/engine/createEngine';
import { createIndexedDBStore } from '../../src/engine/profileStore';
import { dayNumber } from '../../src/model/dayNumber';

const today = dayNumber(Date.now());
const limits = { ...PROFILE_LIMITS, today, oldestDay: today - 29 };
const bucket = { day: today, signal: 'click', topic: 'tents', action: '', count: 3, sum: 3, max: 1 };

beforeEach(() => deleteDB('inkling'));

describe('profile store on real IndexedDB', () => {
  it('upgrades a version 1 database (an older release) without losing its buckets', async () => {
    const v1 = await openDB('inkling', 1, { upgrade: (db) => void db.createObjectStore('buckets', { keyPath: ['day', 'signal', 'topic', 'action'] }) });
    await v1.put('buckets', bucket);
    v1.close();
    const store = await createIndexedDBStore();
    expect(await store.all()).toEqual([bucket]);
    const first = await store.add([{ ...bucket, count: 1, sum: 1 }], limits, 'batch-1');
    expect(first.applied).toBe(true);
    const again = await store.add([{ ...bucket, count: 1, sum: 1 }], limits, 'batch-1');
    expect(again.applied).toBe(false);
    // Both answer with the stored profile, the same as a fresh read.
    expect(again.buckets).toEqual(await store.all());
    expect(first.buckets).toEqual(again.buckets);
    expect((await store.all())[0]?.count).toBe(4);
    const db = await openDB('inkling');
    expect([...db.objectStoreNames].sort()).toEqual(['batches', 'buckets', 'manifests']);
    expect(db.version).toBe(DB_VERSION);
    db.close();
  });

  it('steps aside when another tab needs a newer version, and reopens afterwards', async () => {
    const store = await createIndexedDBStore();
    await store.add([bucket], limits);
    const newer = await Promise.race([
      openDB('inkling', DB_VERSION + 1),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('blocked by our connection')), 2000)),
    ]);
    expect(newer.version).toBe(DB_VERSION + 1);
    newer.close();
    await expect(store.all()).rejects.toThrow(); // a newer version than this release understands
  });

  it('gives up opening after a time-out when an old tab blocks the upgrade, and the engine keeps the profile in memory', async () => {
    const old = await openDB('inkling', 1, { upgrade: (db) => void db.createObjectStore('buckets', { keyPath: ['day', 'signal', 'topic', 'action'] }) });
    // `old` never closes on versionchange: it plays a tab running an old release.
    const engine = createEngine();
    const started = await engine.start({ manifestUrl: new URL('/examples/marketplace/manifest.json', location.origin).href, persist: true });
    expect(started.storage).toBe('memory');
    expect(started.errors.map((e) => e.code)).toEqual(['storage-unavailable']);
    expect(started.errors[0]?.message).toMatch(/blocked by another tab/);
    old.close();
  });

  it('"delete everything" empties the profile and returns even while a tab of an old release keeps the database open', async () => {
    const manifestUrl = new URL('/examples/marketplace/manifest.json', location.origin).href;
    const engine = createEngine();
    await engine.start({ manifestUrl, persist: true });
    await engine.ingest({ signals: [{ signal: 'click', topic: 'tents', value: 1, at: Date.now() }] });
    // `old` never closes on versionchange, so the deletion stays blocked for as long as it is open.
    const old = await openDB('inkling');
    const forgot = await Promise.race([engine.forget().then(() => 'returned'), new Promise((r) => setTimeout(() => r('still waiting'), 2000))]);
    expect(forgot).toBe('returned');
    expect(await old.count('buckets')).toBe(0);
    expect(await old.count('manifests')).toBe(0);
    old.close();
    // Once the old tab is gone, the database is deleted, and the engine starts afresh.
    await expect.poll(async () => (await indexedDB.databases()).some((d) => d.name === 'inkling'), { timeout: 3000 }).toBe(false);
    expect((await engine.inspect()).buckets).toEqual([]);
  });

  it('after a newer release upgraded the database, the engine reports instead of rejecting, and "delete everything" still deletes it', async () => {
    const manifestUrl = new URL('/examples/marketplace/manifest.json', location.origin).href;
    const engine = createEngine();
    await engine.start({ manifestUrl, persist: true }, [{ signal: 'click', topic: 'tents', value: 1, at: Date.now() }]);
    (await openDB('inkling', DB_VERSION + 1)).close();
    const blocked = await engine.blockTopic('tents');
    expect(blocked.storage).toBe('memory');
    expect(blocked.errors.map((e) => e.code)).toEqual(['storage-unavailable']);
    // Emptying the stores fails (VersionError): the database is deleted all the same.
    await expect(engine.forget()).resolves.toBeUndefined();
    expect((await indexedDB.databases()).some((d) => d.name === 'inkling')).toBe(false);
  });

  it('forgets batch ids and buckets that a clock running ahead dated, on the next write', async () => {
    const store = await createIndexedDBStore();
    const ahead = today + 400;
    await store.add([{ ...bucket, day: ahead, topic: 'future' }], { ...limits, today: ahead }, 'batch-ahead');
    const db = await openDB('inkling');
    expect(await db.count('batches')).toBe(1);
    // The clock is put right: the next write drops both, and keeps its own.
    await store.add([bucket], limits, 'batch-now');
    expect(await db.getAllKeys('batches')).toEqual(['batch-now']);
    expect(await store.all()).toEqual([bucket]);
    db.close();
  });

  it('deletes records that are not buckets (corruption) on the next write', async () => {
    const store = await createIndexedDBStore();
    const db = await openDB('inkling');
    await db.put('buckets', { day: today, signal: 'view', topic: 'x', action: '', count: 'lots' });
    expect(await store.all()).toEqual([]);
    await store.add([bucket], limits);
    expect(await db.count('buckets')).toBe(1);
    db.close();
  });
});
