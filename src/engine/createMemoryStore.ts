import { bucketsToDrop } from '../model/boundProfile';
import { bucketKey, mergeBucket } from '../model/foldSignals';
import type { CachedManifest } from '../types/cachedManifest';
import type { ProfileBucket } from '../types/profile';
import type { ProfileStore } from './profileStore';

/**
 * A profile kept in memory for this page only: used while consent is pending and when
 * IndexedDB is unavailable. Same limits as the IndexedDB store.
 */
export function createMemoryStore(): ProfileStore {
  const buckets = new Map<string, ProfileBucket>();
  const batchIds = new Set<string>();
  const manifests = new Map<string, CachedManifest>();
  const all = () => [...buckets.values()].map((b) => ({ ...b }));
  return {
    kind: 'memory',
    async add(deltas, limits, batchId) {
      const applied = batchId === undefined || !batchIds.has(batchId);
      if (batchId !== undefined) batchIds.add(batchId);
      if (applied) {
        for (const delta of deltas) {
          const id = JSON.stringify(bucketKey(delta));
          buckets.set(id, mergeBucket(buckets.get(id), delta));
        }
      }
      const doomed = new Set(bucketsToDrop([...buckets.values()], limits));
      for (const [id, b] of buckets) if (doomed.has(b)) buckets.delete(id);
      return { applied, buckets: all() };
    },
    all: async () => all(),
    async remove(doomed) {
      for (const b of doomed) buckets.delete(JSON.stringify(bucketKey(b)));
    },
    getManifest: async (url) => manifests.get(url),
    async putManifest(record) {
      manifests.set(record.url, record);
    },
    async clear() {
      buckets.clear();
      batchIds.clear();
      manifests.clear();
    },
  };
}
