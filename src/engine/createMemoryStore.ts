import type { ProfileBucket } from '../types/profile';
import { bucketKey, mergeBucket } from '../model/foldSignals';
import type { ProfileStore } from './profileStore';

/** A profile kept in memory for this page only: used when IndexedDB is unavailable. */
export function createMemoryStore(): ProfileStore {
  const buckets = new Map<string, ProfileBucket>();
  return {
    kind: 'memory',
    async add(deltas, oldestDay) {
      for (const delta of deltas) {
        const id = JSON.stringify(bucketKey(delta));
        buckets.set(id, mergeBucket(buckets.get(id), delta));
      }
      if (oldestDay !== undefined) for (const [id, b] of buckets) if (b.day < oldestDay) buckets.delete(id);
    },
    async all() {
      return [...buckets.values()].map((b) => ({ ...b }));
    },
    async clear() {
      buckets.clear();
    },
  };
}
