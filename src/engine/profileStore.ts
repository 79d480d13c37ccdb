import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { BUCKET_STORE, DB_NAME, DB_VERSION } from '../constants';
import { bucketKey, mergeBucket, type BucketKey } from '../model/foldSignals';
import type { ProfileBucket } from '../types/profile';

/** Where the engine keeps the profile. */
export interface ProfileStore {
  /** `indexeddb` when persisted, `memory` when kept for this page only. */
  kind: 'indexeddb' | 'memory';
  /** Adds bucket deltas atomically, then drops buckets older than `oldestDay` (pruning on write). */
  add(deltas: ProfileBucket[], oldestDay?: number): Promise<void>;
  /** Every stored bucket. */
  all(): Promise<ProfileBucket[]>;
  /** Removes every bucket. */
  clear(): Promise<void>;
}

interface InklingDB extends DBSchema {
  buckets: { key: BucketKey; value: ProfileBucket };
}

/**
 * Opens the profile database. Version ladder: each `oldVersion < N` step upgrades one
 * version, so a visitor who skipped releases is walked up in order.
 */
export async function openProfileDB(): Promise<IDBPDatabase<InklingDB>> {
  const db = await openDB<InklingDB>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) db.createObjectStore(BUCKET_STORE, { keyPath: ['day', 'signal', 'topic', 'action'] });
    },
  });
  // Another tab wants a newer version: step aside rather than block its upgrade.
  db.addEventListener('versionchange', () => db.close());
  return db;
}

/** A profile store over IndexedDB. One read-write transaction per batch, so concurrent tabs never lose counts. */
export async function createIndexedDBStore(): Promise<ProfileStore> {
  const db = await openProfileDB();
  return {
    kind: 'indexeddb',
    async add(deltas, oldestDay) {
      const tx = db.transaction(BUCKET_STORE, 'readwrite');
      const write = async () => {
        for (const delta of deltas) {
          const existing = await tx.store.get(bucketKey(delta));
          await tx.store.put(mergeBucket(existing, delta));
        }
        // Keys start with the day, so everything older than the window is one key range.
        if (oldestDay !== undefined) await tx.store.delete(IDBKeyRange.upperBound([oldestDay], true));
      };
      await Promise.all([write(), tx.done]);
    },
    all: () => db.getAll(BUCKET_STORE),
    clear: () => db.clear(BUCKET_STORE),
  };
}
