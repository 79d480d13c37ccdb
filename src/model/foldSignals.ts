import type { ProfileBucket } from '../types/profile';
import type { Signal } from '../types/signal';
import { dayNumber } from './dayNumber';

/** The identity of a bucket: day, signal, topic and action. */
export type BucketKey = [day: number, signal: string, topic: string, action: string];

/** The key of a bucket, in the order of the IndexedDB key path. */
export function bucketKey(b: Pick<ProfileBucket, 'day' | 'signal' | 'topic' | 'action'>): BucketKey {
  return [b.day, b.signal, b.topic, b.action];
}

/**
 * Folds a batch of signals into one bucket per (local day, signal, topic, action),
 * so that a batch of fifty clicks on one topic costs one storage write, not fifty.
 */
export function foldSignals(signals: readonly Signal[]): ProfileBucket[] {
  const byKey = new Map<string, ProfileBucket>();
  for (const s of signals) {
    if (!Number.isFinite(s.value) || !Number.isFinite(s.at)) continue;
    const bucket = { day: dayNumber(s.at), signal: s.signal, topic: s.topic ?? '', action: s.action ?? '' };
    const id = JSON.stringify(bucketKey(bucket));
    const found = byKey.get(id);
    if (found) {
      found.count += 1;
      found.sum += s.value;
      found.max = Math.max(found.max, s.value);
    } else byKey.set(id, { ...bucket, count: 1, sum: s.value, max: s.value });
  }
  return [...byKey.values()];
}

/** Adds `delta` into `into` (same key). */
export function mergeBucket(into: ProfileBucket | undefined, delta: ProfileBucket): ProfileBucket {
  if (!into) return { ...delta };
  return { ...into, count: into.count + delta.count, sum: into.sum + delta.sum, max: Math.max(into.max, delta.max) };
}
