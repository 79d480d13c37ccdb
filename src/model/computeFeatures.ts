import type { FeatureSpec, Manifest } from '../types/manifest';
import type { ProfileBucket } from '../types/profile';
import { decayWeight } from './decayWeight';

/** A profile turned into the manifest's feature space. */
export interface FeatureVector {
  /** Each feature's aggregate before transform (decayed sums and counts, or the max). */
  raw: number[];
  /** Each feature after transform and z-scoring: the vector that is scored. */
  z: number[];
  /** Events in the window that at least one feature reads (undecayed): what `minEvidence` is compared with. */
  evidence: number;
}

function matches(feature: FeatureSpec, bucket: ProfileBucket): boolean {
  return (
    bucket.signal === feature.signal &&
    (feature.topic === undefined || bucket.topic === feature.topic) &&
    (feature.action === undefined || bucket.action === feature.action)
  );
}

function aggregate(feature: FeatureSpec, buckets: ProfileBucket[], today: number, halfLifeDays: number): number {
  let result = 0;
  for (const bucket of buckets) {
    if (!matches(feature, bucket)) continue;
    const weight = decayWeight(today - bucket.day, halfLifeDays);
    if (feature.agg === 'max') result = Math.max(result, bucket.max);
    else result += weight * (feature.agg === 'count' ? bucket.count : bucket.sum);
  }
  return result;
}

/** Buckets inside the manifest's window, counted back from `today` (inclusive). */
export function bucketsInWindow(buckets: ProfileBucket[], manifest: Manifest, today: number): ProfileBucket[] {
  return buckets.filter((b) => b.day <= today && today - b.day < manifest.window.days);
}

/**
 * Turns profile buckets into the manifest's standardised feature vector:
 * aggregate (decayed by the manifest's half-life) → transform → z-score.
 * Pure: the SDK and the CLI share it, so both compute exactly the same numbers.
 */
export function computeFeatures(buckets: ProfileBucket[], manifest: Manifest, today: number): FeatureVector {
  const inWindow = bucketsInWindow(buckets, manifest, today);
  const raw = manifest.features.map((f) => aggregate(f, inWindow, today, manifest.window.halfLifeDays));
  const z = manifest.features.map((f, i) => {
    const value = raw[i] ?? 0;
    const transformed = f.transform === 'log1p' ? Math.log1p(value) : value;
    return (transformed - f.mean) / f.std;
  });
  const evidence = inWindow.reduce((n, b) => (manifest.features.some((f) => matches(f, b)) ? n + b.count : n), 0);
  return { raw, z, evidence };
}
