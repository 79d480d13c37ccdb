import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { BATCH_ID_DAYS, BATCH_STORE, BUCKET_STORE, DB_NAME, DB_OPEN_TIMEOUT_MS, DB_VERSION, MANIFEST_STORE, MAX_BATCH_IDS } from '../constants';
import { bucketsToDrop, isBucket, type ProfileLimits } from '../model/boundProfile';
import { bucketKey, mergeBucket, type BucketKey } from '../model/foldSignals';
import type { CachedManifest } from '../types/cachedManifest';
import type { ProfileBucket } from '../types/profile';

/** Where the engine keeps the profile. */
export interface ProfileStore {
  /** `indexeddb` when persisted, `memory` when kept for this page only. */
  kind: 'indexeddb' | 'memory';
  /**
   * Adds bucket deltas atomically and applies the limits in the same transaction (pruning on
   * write). With a `batchId` that was applied before, nothing is added (`applied` false).
   * Resolves with every bucket stored afterwards, so that scoring needs no second read.
   */
  add(deltas: ProfileBucket[], limits: ProfileLimits, batchId?: string): Promise<{ applied: boolean; buckets: ProfileBucket[] }>;
  /** Every stored bucket (corrupt records are skipped). */
  all(): Promise<ProfileBucket[]>;
  /** Deletes these buckets (by key). */
  remove(buckets: ProfileBucket[]): Promise<void>;
  /** The last good manifest fetched from `url`, if any. */
  getManifest(url: string): Promise<CachedManifest | undefined>;
  /** Keeps `record` as the last good manifest of its URL (and only the two most recent URLs). */
  putManifest(record: CachedManifest): Promise<void>;
  /** Removes everything. */
  clear(): Promise<void>;
}

/** Manifests of this many URLs are kept at most (a site that moved its manifest keeps the old one as a fallback). */
export const MAX_CACHED_MANIFESTS = 2;

interface InklingDB extends DBSchema {
  buckets: { key: BucketKey; value: ProfileBucket };
  batches: { key: string; value: { id: string; day: number } };
  manifests: { key: string; value: CachedManifest };
}

/**
 * Opens the profile database. The upgrade ladder runs one step per version, so a visitor who
 * skipped releases is walked up in order:
 *   1 → `buckets`, keyed by [day, signal, topic, action]
 *   2 → `batches`, the ids of replayed batches already applied
 *   3 → `manifests`, the last good manifest per URL
 * `onGone` runs when the connection must be dropped: another tab needs a newer version
 * (`blocking`), or the browser closed it (`terminated`: storage cleared, disk error).
 */
export function openProfileDB(onGone: () => void = () => {}): Promise<IDBPDatabase<InklingDB>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timedOut = false;
  const opening = openDB<InklingDB>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion) {
      // Each step also checks for its store: a database created empty by someone else is repaired.
      const missing = (name: typeof BUCKET_STORE | typeof BATCH_STORE | typeof MANIFEST_STORE) => !db.objectStoreNames.contains(name);
      if (oldVersion < 1 || missing(BUCKET_STORE)) db.createObjectStore(BUCKET_STORE, { keyPath: ['day', 'signal', 'topic', 'action'] });
      if (oldVersion < 2 || missing(BATCH_STORE)) db.createObjectStore(BATCH_STORE, { keyPath: 'id' });
      if (oldVersion < 3 || missing(MANIFEST_STORE)) db.createObjectStore(MANIFEST_STORE, { keyPath: 'url' });
    },
    blocking(_current, _next, event) {
      (event.target as IDBDatabase).close();
      onGone();
    },
    terminated: onGone,
  });
  // An older tab that never closes its connection blocks the upgrade indefinitely.
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      reject(new Error(`IndexedDB did not open within ${DB_OPEN_TIMEOUT_MS} ms (blocked by another tab?)`));
    }, DB_OPEN_TIMEOUT_MS);
  });
  // If it opens after all, nobody uses it: close it so it blocks nobody in turn.
  opening.then((db) => timedOut && db.close(), () => undefined);
  return Promise.race([opening, timeout]).finally(() => clearTimeout(timer));
}

/**
 * A profile store over IndexedDB. One read-write transaction per batch, so concurrent tabs
 * never lose counts. The connection is reopened on the next call after it was dropped.
 */
export async function createIndexedDBStore(): Promise<ProfileStore> {
  let connection: Promise<IDBPDatabase<InklingDB>> | undefined;
  const connect = () => (connection ??= openProfileDB(() => (connection = undefined)));
  await connect();

  return {
    kind: 'indexeddb',
    async add(deltas, limits, batchId) {
      const db = await connect();
      // Relaxed: committed once the browser has it, not once the disk has; a crash of the whole
      // machine may lose the last batch, a closed tab never does (the outbox covers that).
      const tx = db.transaction([BUCKET_STORE, BATCH_STORE], 'readwrite', { durability: 'relaxed' });
      const buckets = tx.objectStore(BUCKET_STORE);
      const batches = tx.objectStore(BATCH_STORE);
      // Requests of one transaction run in order: only reads are awaited, and those together.
      const write = async () => {
        let applied = true;
        if (batchId !== undefined) {
          if (await batches.get(batchId)) applied = false;
          else {
            void batches.put({ id: batchId, day: limits.today });
            const ids = await batches.getAll();
            const stale = ids.filter((b) => b.day <= limits.today - BATCH_ID_DAYS).concat(ids.sort((a, b) => b.day - a.day).slice(MAX_BATCH_IDS));
            for (const b of stale) void batches.delete(b.id);
          }
        }
        if (applied) {
          const before = await Promise.all(deltas.map((delta) => buckets.get(bucketKey(delta))));
          deltas.forEach((delta, i) => void buckets.put(mergeBucket(before[i], delta)));
        }
        // getAll and getAllKeys list records in the same (key) order.
        const [records, keys] = await Promise.all([buckets.getAll(), buckets.getAllKeys()]);
        const doomed = new Set(bucketsToDrop(records, limits));
        records.forEach((record, i) => doomed.has(record) && void buckets.delete(keys[i]!));
        return { applied, buckets: records.filter((record) => !doomed.has(record)) };
      };
      const [stored] = await Promise.all([write(), tx.done]);
      return stored;
    },
    async all() {
      const rows: unknown[] = await (await connect()).getAll(BUCKET_STORE);
      return rows.filter(isBucket);
    },
    async remove(doomed) {
      const tx = (await connect()).transaction(BUCKET_STORE, 'readwrite');
      await Promise.all([...doomed.map((b) => tx.store.delete(bucketKey(b))), tx.done]);
    },
    getManifest: async (url) => (await connect()).get(MANIFEST_STORE, url),
    async putManifest(record) {
      const tx = (await connect()).transaction(MANIFEST_STORE, 'readwrite');
      const write = async () => {
        await tx.store.put(record);
        const older = (await tx.store.getAll()).sort((a, b) => b.storedAt - a.storedAt).slice(MAX_CACHED_MANIFESTS);
        for (const r of older) await tx.store.delete(r.url);
      };
      await Promise.all([write(), tx.done]);
    },
    async clear() {
      const stores = [BUCKET_STORE, BATCH_STORE, MANIFEST_STORE] as const;
      const tx = (await connect()).transaction(stores, 'readwrite');
      await Promise.all([...stores.map((name) => tx.objectStore(name).clear()), tx.done]);
    },
  };
}

/**
 * Deletes the whole database ("delete everything"). Open connections, in this tab and others,
 * close themselves on the `versionchange` this causes, so nothing of Inkling is left behind.
 */
export function deleteProfileDB(): Promise<void> {
  return deleteDB(DB_NAME);
}
