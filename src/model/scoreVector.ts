import type { Manifest } from '../types/manifest';
import type { DecisionReason } from '../types/decision';

/** The outcome of scoring one vector against the manifest's centroids. */
export interface Score {
  /** The chosen segment id. */
  segment: string;
  /** `1 - best / runnerUp` of the squared distances, in [0, 1]. */
  confidence: number;
  /** Squared Euclidean distance to every segment, by id. */
  distances: Record<string, number>;
  /** Per-feature contributions (without raw values), strongest support first. */
  reasons: Omit<DecisionReason, 'raw'>[];
}

/** Weighted squared Euclidean distance: `Σ weight·(a − b)²`. */
function squaredDistance(a: readonly number[], b: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    sum += (weights[i] ?? 1) * d * d;
  }
  return sum;
}

/**
 * Picks the nearest centroid by (weighted) squared Euclidean distance in the standardised space.
 *
 * Hysteresis: when `current` is a segment of this manifest, the decision moves away from it
 * only if the nearest segment's distance is below `(1 - hysteresis)` times the current one's.
 *
 * Confidence is `1 - d(chosen) / d(runner-up)`: 0 when the two are tied, 1 when the vector
 * sits on the chosen centroid. With a single segment it is 1.
 */
export function scoreVector(z: readonly number[], manifest: Manifest, current?: string): Score {
  const distances: Record<string, number> = {};
  const weights = manifest.features.map((f) => f.weight ?? 1);
  const ranked = manifest.segments
    .map((s) => ({ segment: s, distance: squaredDistance(z, s.centroid, weights) }))
    .sort((a, b) => a.distance - b.distance);
  for (const { segment, distance } of ranked) distances[segment.id] = distance;

  let chosen = ranked[0]!;
  const held = ranked.find((r) => r.segment.id === current);
  if (held && held !== chosen && !(chosen.distance < (1 - manifest.hysteresis) * held.distance)) chosen = held;
  const runnerUp = ranked.find((r) => r !== chosen);

  const confidence = !runnerUp ? 1 : runnerUp.distance === 0 ? 0 : Math.max(0, 1 - chosen.distance / runnerUp.distance);
  const reasons = manifest.features
    .map((f, i) => {
      const x = z[i] ?? 0;
      const toChosen = x - (chosen.segment.centroid[i] ?? 0);
      const toRunnerUp = runnerUp ? x - (runnerUp.segment.centroid[i] ?? 0) : 0;
      return { feature: f.name, label: f.label, z: x, contribution: (weights[i] ?? 1) * (toRunnerUp * toRunnerUp - toChosen * toChosen) };
    })
    .sort((a, b) => b.contribution - a.contribution);
  return { segment: chosen.segment.id, confidence, distances, reasons };
}
