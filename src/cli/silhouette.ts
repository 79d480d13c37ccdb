import { createRandom } from './createRandom';
import { squaredDistance, toMatrix, type PointInput } from './kmeans';

/** Tuning for `silhouette`. */
export interface SilhouetteOptions {
  /** Above this many points, the score is computed on a uniform sample of this size (default 2000). */
  sampleSize?: number;
  /** Seed for the sample (default 1). */
  seed?: number;
}

/** A mean silhouette and what it was computed on. */
export interface SilhouetteResult {
  /** Mean silhouette coefficient, from −1 (wrong clusters) through 0 (overlapping) to 1 (well separated). */
  score: number;
  /** True when the score comes from a random sample rather than every point. */
  sampled: boolean;
  /** How many points the score was computed on. */
  n: number;
}

/**
 * The mean silhouette coefficient (Rousseeuw 1987) with Euclidean distances: for each point,
 * `a` is its mean distance to the rest of its cluster, `b` the smallest mean distance to
 * another cluster, and `s = (b − a) / max(a, b)`; a point alone in its cluster scores 0.
 * Cost is quadratic, so above `sampleSize` points a seeded uniform sample is scored (as
 * scikit-learn's `silhouette_score(sample_size=…)` does); the result says so.
 *
 * @example
 * silhouette([[0], [1], [4], [5]], [0, 0, 1, 1], 2).score; // 47 / 63 ≈ 0.746
 */
export function silhouette(points: PointInput, assignments: ArrayLike<number>, k: number, options: SilhouetteOptions = {}): SilhouetteResult {
  const { sampleSize = 2000, seed = 1 } = options;
  const m = toMatrix(points);
  const { data, rows, dimensions: d } = m;
  if (assignments.length !== rows) throw new Error(`there are ${assignments.length} assignments for ${rows} points`);
  if (!Number.isInteger(sampleSize) || sampleSize < 2) throw new Error(`sampleSize must be a whole number ≥ 2, got ${sampleSize}`);
  for (let i = 0; i < rows; i++) {
    const a = assignments[i]!;
    if (!Number.isInteger(a) || a < 0 || a >= k) throw new Error(`assignment ${i + 1} is ${a}, expected a cluster index from 0 to ${k - 1}`);
  }

  const sampled = rows > sampleSize;
  const n = sampled ? sampleSize : rows;
  const chosen = new Int32Array(rows);
  for (let i = 0; i < rows; i++) chosen[i] = i;
  if (sampled) {
    // Partial Fisher–Yates: the first n slots become a uniform sample without replacement.
    const random = createRandom(seed);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(random() * (rows - i));
      const swap = chosen[i]!;
      chosen[i] = chosen[j]!;
      chosen[j] = swap;
    }
  }

  const label = new Int32Array(n);
  const sizes = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    label[i] = assignments[chosen[i]!]!;
    sizes[label[i]!] = sizes[label[i]!]! + 1;
  }
  const present = sizes.reduce((count, size) => (size > 0 ? count + 1 : count), 0);
  if (present < 2) throw new Error(`the silhouette needs points in at least 2 clusters, the ${sampled ? 'sample has' : 'points have'} ${present}`);

  const totals = new Float64Array(k);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    totals.fill(0);
    const pi = chosen[i]!;
    for (let j = 0; j < n; j++) {
      if (j !== i) totals[label[j]!] = totals[label[j]!]! + Math.sqrt(squaredDistance(data, pi, data, chosen[j]!, d));
    }
    const own = label[i]!;
    if (sizes[own]! < 2) continue; // a singleton scores 0
    const a = totals[own]! / (sizes[own]! - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && sizes[c]! > 0) b = Math.min(b, totals[c]! / sizes[c]!);
    const spread = Math.max(a, b);
    if (spread > 0) sum += (b - a) / spread;
  }
  return { score: sum / n, sampled, n };
}
