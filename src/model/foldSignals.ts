import type { ProfileBucket } from '../types/profile';
import type { Signal } from '../types/signal';
import { dayNumber } from './dayNumber';

/** The identity of a bucket: day, signal, topic and action. */
export type BucketKey = [day: number, signal: string, topic: string, action: string];

/** Topics, actions and signal names longer than this are cut, so no page can bloat the profile. */
export const MAX_NAME_LENGTH = 64;

/** The key of a bucket, in the order of the IndexedDB key path. */
export function bucketKey(b: Pick<ProfileBucket, 'day' | 'signal' | 'topic' | 'action'>): BucketKey {
  return [b.day, b.signal, b.topic, b.action];
}

const name = (s: string | undefined) => (typeof s === 'string' ? s.slice(0, MAX_NAME_LENGTH) : '');

/**
 * The series a signal counts in. Buckets are per (signal, topic) or per (signal, action):
 * a click on an add-to-cart button inside a tents card counts as a `click` on `tents` and as
 * an `action` `add-to-cart`. Context signals keep their kind (topic) and class (action) together.
 */
function seriesOf(s: Signal): [signal: string, topic: string, action: string][] {
  if (s.signal === 'context') return [['context', name(s.topic), name(s.action)]];
  const series: [string, string, string][] = [[name(s.signal), name(s.topic), '']];
  if (s.action) series.push(['action', '', name(s.action)]);
  return series;
}

/**
 * Folds a batch of signals into one bucket per (local day, signal, topic, action),
 * so that a batch of fifty clicks on one topic costs one storage write, not fifty.
 */
export function foldSignals(signals: readonly Signal[]): ProfileBucket[] {
  const byKey = new Map<string, ProfileBucket>();
  for (const s of signals) {
    if (!s || typeof s.signal !== 'string' || !Number.isFinite(s.value) || !Number.isFinite(s.at)) continue;
    const day = dayNumber(s.at);
    for (const [signal, topic, action] of seriesOf(s)) {
      const id = JSON.stringify([day, signal, topic, action]);
      const found = byKey.get(id);
      if (found) {
        found.count += 1;
        found.sum += s.value;
        found.max = Math.max(found.max, s.value);
      } else byKey.set(id, { day, signal, topic, action, count: 1, sum: s.value, max: s.value });
    }
  }
  return [...byKey.values()];
}

/** Adds `delta` into `into` (same key). */
export function mergeBucket(into: ProfileBucket | undefined, delta: ProfileBucket): ProfileBucket {
  if (!into) return { ...delta };
  return { ...into, count: into.count + delta.count, sum: into.sum + delta.sum, max: Math.max(into.max, delta.max) };
}
