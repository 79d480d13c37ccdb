import type { BucketFilter, FeatureSpec, Manifest } from '../types/manifest';
import type { ProfileBucket } from '../types/profile';
import { bucketMatches } from './bucketMatches';
import { decayWeight } from './decayWeight';

/** A profile turned into the manifest's feature space. */
export interface FeatureVector {
  /** Each feature's aggregate before transform (see `FeatureAggregate`). */
  raw: number[];
  /** Each feature after transform and z-scoring: the vector that is scored. */
  z: number[];
  /** Events in the window that at least one feature reads (undecayed): what `minEvidence` is compared with. */
  evidence: number;
}

/** Decayed count and sum, the latest day and the active days of the buckets a filter matches. */
function fold(filter: BucketFilter, buckets: ProfileBucket[], today: number, halfLifeDays: number) {
  let count = 0;
  let sum = 0;
  let max = 0;
  let last = -Infinity;
  const days = new Set<number>();
  for (const b of buckets) {
    if (!bucketMatches(filter, b)) continue;
    const w = decayWeight(today - b.day, halfLifeDays);
    count += w * b.count;
    sum += w * b.sum;
    max = Math.max(max, b.max);
    last = Math.max(last, b.day);
    days.add(b.day);
  }
  return { count, sum, max, last, days: days.size };
}

function aggregate(f: FeatureSpec, buckets: ProfileBucket[], today: number, manifest: Manifest): number {
  const { halfLifeDays, days: windowDays } = manifest.window;
  const m = fold(f, buckets, today, halfLifeDays);
  switch (f.agg) {
    case 'sum':
      return m.sum;
    case 'count':
      return m.count;
    case 'mean':
      return m.count > 0 ? m.sum / m.count : 0;
    case 'max':
      return m.max;
    case 'rate': {
      const per = f.per ? fold(f.per, buckets, today, halfLifeDays).count : 0;
      return per > 0 ? m.count / per : 0;
    }
    case 'recency':
      return m.days > 0 ? today - m.last : windowDays;
    case 'activeDays':
      return m.days;
    case 'indicator':
      return m.days > 0 ? 1 : 0;
  }
}

/**
 * One feature's aggregate in the standardised space: transform (`log1p` or `none`), then
 * z-score with the manifest's mean and std. The CLI trains with exactly this function.
 * `log1p` reads a negative aggregate (a sum of negative `track()` values) as 0, and a result
 * that is not finite counts as 0 (the average visitor): one NaN would make every distance NaN,
 * and the first segment would win with confidence NaN.
 */
export function standardize(feature: Pick<FeatureSpec, 'transform' | 'mean' | 'std'>, raw: number): number {
  const transformed = feature.transform === 'log1p' ? Math.log1p(Math.max(raw, 0)) : raw;
  const z = (transformed - feature.mean) / feature.std;
  return Number.isFinite(z) ? z : 0;
}

/** Buckets inside the manifest's window, counted back from `today` (inclusive). */
export function bucketsInWindow(buckets: ProfileBucket[], manifest: Manifest, today: number): ProfileBucket[] {
  return buckets.filter((b) => b.day <= today && today - b.day < manifest.window.days);
}

/**
 * Turns profile buckets into the manifest's standardised feature vector:
 * aggregate over the window → transform → z-score with the manifest's mean and std.
 * Pure: the SDK and the CLI share it, so both compute exactly the same numbers
 * (golden cases in test/cases/features.json).
 */
export function computeFeatures(buckets: ProfileBucket[], manifest: Manifest, today: number): FeatureVector {
  const inWindow = bucketsInWindow(buckets, manifest, today);
  const raw = manifest.features.map((f) => aggregate(f, inWindow, today, manifest));
  const z = manifest.features.map((f, i) => standardize(f, raw[i] ?? 0));
  const evidence = inWindow.reduce((n, b) => (manifest.features.some((f) => bucketMatches(f, b)) ? n + b.count : n), 0);
  return { raw, z, evidence };
}
