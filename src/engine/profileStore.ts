import { BATCH_ID_DAYS, BATCH_STORE, BUCKET_STORE, DB_NAME, DB_OPEN_TIMEOUT_MS, DB_VERSION, MANIFEST_STORE, MAX_BATCH_IDS } from '../constants';
import { whenCommitted } from '../lib/whenCommitted';
import { whenDone } from '../lib/whenDone';
import { bucketsToDrop, isBucket, type ProfileLimits } from '../model/boundProfile';
import { bucketKey, mergeBucket } from '../model/foldSignals';
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

/** The id of a batch already applied, and the day it was. */
interface BatchRecord {
  id: string;
  day: number;
}

/** Runs `work` in one read-write transaction and resolves with its result once that has committed. */
function inTransaction<T>(db: IDBDatabase, stores: string | string[], work: (tx: IDBTransaction) => Promise<T> | T, options?: IDBTransactionOptions): Promise<T> {
  const tx = db.transaction(stores, 'readwrite', options);
  return Promise.all([work(tx), whenCommitted(tx)]).then(([value]) => value);
}

/**
 * Opens the profile database. The upgrade ladder runs one step per version, so a visitor who
 * skipped releases is walked up in order:
 *   1 → `buckets`, keyed by [day, signal, topic, action]
 *   2 → `batches`, the ids of replayed batches already applied
 *   3 → `manifests`, the last good manifest per URL
 * `onGone` runs when the connection must be dropped: another tab needs a newer version or
 * deletes the database (`versionchange`), or the browser closed it (`close`: storage cleared,
 * disk error).
 */
export function openProfileDB(onGone: () => void = () => {}): Promise<IDBDatabase> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timedOut = false;
  const request = indexedDB.open(DB_NAME, DB_VERSION);
  request.onupgradeneeded = ({ oldVersion }) => {
    const db = request.result;
    // Each step also checks for its store: a database created empty by someone else is repaired.
    const missing = (name: string) => !db.objectStoreNames.contains(name);
    if (oldVersion < 1 || missing(BUCKET_STORE)) db.createObjectStore(BUCKET_STORE, { keyPath: ['day', 'signal', 'topic', 'action'] });
    if (oldVersion < 2 || missing(BATCH_STORE)) db.createObjectStore(BATCH_STORE, { keyPath: 'id' });
    if (oldVersion < 3 || missing(MANIFEST_STORE)) db.createObjectStore(MANIFEST_STORE, { keyPath: 'url' });
  };
  const opening = whenDone(request).then((db) => {
    // Another tab needs a newer version, or deletes the database: step aside.
    db.onversionchange = () => {
      db.close();
      onGone();
    };
    // The browser closed the connection (storage cleared, disk error).
    db.onclose = onGone;
    return db;
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
  let connection: Promise<IDBDatabase> | undefined;
  const connect = () => (connection ??= openProfileDB(() => (connection = undefined)));
  await connect();

  return {
    kind: 'indexeddb',
    async add(deltas, limits, batchId) {
      // Relaxed: committed once the browser has it, not once the disk has; a crash of the whole
      // machine may lose the last batch, a closed tab never does (the outbox covers that).
      return inTransaction(
        await connect(),
        [BUCKET_STORE, BATCH_STORE],
        async (tx) => {
          const buckets = tx.objectStore(BUCKET_STORE);
          const batches = tx.objectStore(BATCH_STORE);
          // Requests of one transaction run in order: only reads are awaited, and those together.
          let applied = true;
          if (batchId !== undefined) {
            if (await whenDone(batches.get(batchId))) applied = false;
            else {
              batches.put({ id: batchId, day: limits.today } satisfies BatchRecord);
              const ids: BatchRecord[] = await whenDone(batches.getAll());
              // Ids dated by a clock that ran ahead would outlive the real ones under the count cap.
              const stale = ids.filter((b) => b.day <= limits.today - BATCH_ID_DAYS || b.day > limits.today + 1).concat(ids.sort((a, b) => b.day - a.day).slice(MAX_BATCH_IDS));
              for (const b of stale) batches.delete(b.id);
            }
          }
          if (applied) {
            const before: (ProfileBucket | undefined)[] = await Promise.all(deltas.map((delta) => whenDone(buckets.get(bucketKey(delta)))));
            deltas.forEach((delta, i) => buckets.put(mergeBucket(before[i], delta)));
          }
          // getAll and getAllKeys list records in the same (key) order.
          const [records, keys]: [ProfileBucket[], IDBValidKey[]] = await Promise.all([whenDone(buckets.getAll()), whenDone(buckets.getAllKeys())]);
          const doomed = new Set(bucketsToDrop(records, limits));
          records.forEach((record, i) => doomed.has(record) && buckets.delete(keys[i]!));
          return { applied, buckets: records.filter((record) => !doomed.has(record)) };
        },
        { durability: 'relaxed' },
      );
    },
    async all() {
      const rows: unknown[] = await whenDone((await connect()).transaction(BUCKET_STORE).objectStore(BUCKET_STORE).getAll());
      return rows.filter(isBucket);
    },
    async remove(doomed) {
      await inTransaction(await connect(), BUCKET_STORE, (tx) => {
        for (const b of doomed) tx.objectStore(BUCKET_STORE).delete(bucketKey(b));
      });
    },
    getManifest: async (url) => whenDone((await connect()).transaction(MANIFEST_STORE).objectStore(MANIFEST_STORE).get(url)),
    async putManifest(record) {
      await inTransaction(await connect(), MANIFEST_STORE, async (tx) => {
        const manifests = tx.objectStore(MANIFEST_STORE);
        manifests.put(record);
        const all: CachedManifest[] = await whenDone(manifests.getAll());
        for (const r of all.sort((a, b) => b.storedAt - a.storedAt).slice(MAX_CACHED_MANIFESTS)) manifests.delete(r.url);
      });
    },
    async clear() {
      const stores = [BUCKET_STORE, BATCH_STORE, MANIFEST_STORE];
      await inTransaction(await connect(), stores, (tx) => stores.forEach((name) => tx.objectStore(name).clear()));
    },
  };
}

