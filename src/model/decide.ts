import type { Decision } from '../types/decision';
import type { Manifest } from '../types/manifest';
import type { ProfileBucket } from '../types/profile';
import { computeFeatures } from './computeFeatures';
import { scoreVector } from './scoreVector';

/** The segment id shown when no segment applies. */
export const DEFAULT_SEGMENT = 'default';

/** Why the decision is `default` while the profile is thin. */
export const NOT_ENOUGH_ACTIVITY = 'not enough activity yet';

/**
 * The whole pure pipeline: profile buckets × manifest → Decision.
 * Below the manifest's `minEvidence` (events in the window that a feature reads) the decision is `default`.
 */
export function decide(buckets: ProfileBucket[], manifest: Manifest, now: number, today: number, current?: string): Decision {
  const vector = computeFeatures(buckets, manifest, today);
  const score = scoreVector(vector.z, manifest, current);
  const rawByFeature = new Map(manifest.features.map((f, i) => [f.name, vector.raw[i] ?? 0]));
  const reasons = score.reasons.map((r) => ({ ...r, raw: rawByFeature.get(r.feature) ?? 0 }));
  const base = { distances: score.distances, reasons, manifestId: manifest.id, windowDays: manifest.window.days, decidedAt: now };
  if (vector.evidence < manifest.minEvidence) {
    return { ...base, segment: DEFAULT_SEGMENT, label: 'Default', confidence: 0, note: NOT_ENOUGH_ACTIVITY };
  }
  const segment = manifest.segments.find((s) => s.id === score.segment)!;
  return { ...base, segment: segment.id, label: segment.label, confidence: score.confidence };
}
