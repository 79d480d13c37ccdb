import type { ProfileBucket } from '../types/profile';
import type { Signal } from '../types/signal';
import { dayNumber } from './dayNumber';
import { storedName } from './storedName';

/** The identity of a bucket: day, signal, topic and action. */
export type BucketKey = [day: number, signal: string, topic: string, action: string];


/**
 * Values are clamped to ±this. `track()` takes any number from the page; a bucket adds them up,
 * and two values near `Number.MAX_VALUE` would overflow its sum to Infinity, which the profile
 * check then treats as corrupt (deleting that day's bucket). A billion is far above any dwell,
 * scroll depth or plausible custom value, and no realistic number of them overflows a sum.
 */
export const MAX_SIGNAL_VALUE = 1e9;

/** The key of a bucket, in the order of the IndexedDB key path. */
export function bucketKey(b: Pick<ProfileBucket, 'day' | 'signal' | 'topic' | 'action'>): BucketKey {
  return [b.day, b.signal, b.topic, b.action];
}


/**
 * The series a signal counts in. Buckets are per (signal, topic) or per (signal, action):
 * a click on an add-to-cart button inside a tents card counts as a `click` on `tents` and as
 * an `action` `add-to-cart`. Context signals keep their kind (topic) and class (action) together.
 */
function seriesOf(s: Signal): [signal: string, topic: string, action: string][] {
  if (s.signal === 'context') return [['context', storedName(s.topic), storedName(s.action)]];
  const series: [string, string, string][] = [[storedName(s.signal), storedName(s.topic), '']];
  if (s.action) series.push(['action', '', storedName(s.action)]);
  return series;
}

/**
 * Folds a batch of signals into one bucket per (local day, signal, topic, action),
 * so that a batch of fifty clicks on one topic costs one storage write, not fifty.
 * Signals whose value or time is not finite are skipped; values are clamped to
 * ±`MAX_SIGNAL_VALUE`, so that sums stay finite.
 */
export function foldSignals(signals: readonly Signal[]): ProfileBucket[] {
  const byKey = new Map<string, ProfileBucket>();
  for (const s of signals) {
    if (!s || typeof s.signal !== 'string' || !Number.isFinite(s.value) || !Number.isFinite(s.at)) continue;
    const day = dayNumber(s.at);
    const value = Math.min(Math.max(s.value, -MAX_SIGNAL_VALUE), MAX_SIGNAL_VALUE);
    for (const [signal, topic, action] of seriesOf(s)) {
      const id = JSON.stringify([day, signal, topic, action]);
      const found = byKey.get(id);
      if (found) {
        found.count += 1;
        found.sum += value;
        found.max = Math.max(found.max, value);
      } else byKey.set(id, { day, signal, topic, action, count: 1, sum: value, max: value });
    }
  }
  return [...byKey.values()];
}

/** Adds `delta` into `into` (same key). */
export function mergeBucket(into: ProfileBucket | undefined, delta: ProfileBucket): ProfileBucket {
  if (!into) return { ...delta };
  return { ...into, count: into.count + delta.count, sum: into.sum + delta.sum, max: Math.max(into.max, delta.max) };
}
