import { kmeans, toMatrix, type KmeansOptions, type PointInput, type PointMatrix } from './kmeans';
import { silhouette } from './silhouette';

/** Tuning for `sweepK`: k-means options plus the silhouette's sample size. */
export interface SweepKOptions extends KmeansOptions {
  /** Points the silhouette is computed on at most (default 2000). */
  sampleSize?: number;
}

/** One k of the sweep. */
export interface SweepPoint {
  /** Number of clusters. */
  k: number;
  /** Sum of squared distances to the nearest centroid: always falls as k grows. */
  inertia: number;
  /** Mean silhouette (−1 to 1, higher is better); `null` where it is undefined (k = 1, or a sample holding one cluster). */
  silhouette: number | null;
}

/** A sweep over k with a recommendation. */
export interface SweepResult {
  /** One entry per k, in increasing k. */
  results: SweepPoint[];
  /** The recommended k. */
  recommended: number;
  /** One sentence saying why. */
  reason: string;
  /** Inertia at k = 1 (the total sum of squares about the mean): the scale of the elbow rule. */
  totalInertia: number;
}

/** One more cluster explaining less than this fraction of the total sum of squares marks the elbow. */
const ELBOW_DROP = 0.1;
/** Silhouettes closer than this count as a tie, which the smaller k wins. */
const TIE = 1e-6;

const round = (x: number): string => x.toFixed(2);

/**
 * The elbow: the first k after which one more cluster lowers inertia by less than 10 % of the
 * total sum of squares (the "variance explained" rule), or undefined when every step still
 * explains more. Without `totalInertia` the first k's inertia is the scale.
 */
export function findElbow(results: readonly SweepPoint[], totalInertia = results[0]?.inertia ?? 0): number | undefined {
  for (let i = 0; i + 1 < results.length; i++) {
    const here = results[i]!;
    if (here.inertia - results[i + 1]!.inertia < ELBOW_DROP * totalInertia || here.inertia === 0) return here.k;
  }
  return undefined;
}

/**
 * Picks k from a sweep: the highest silhouette (a tie goes to the smaller k), with a sentence
 * that also names the elbow of the inertia curve so a person can weigh both.
 */
export function recommend(results: readonly SweepPoint[], totalInertia?: number): { recommended: number; reason: string } {
  const scored = results.filter((r): r is SweepPoint & { silhouette: number } => r.silhouette !== null);
  const elbow = findElbow(results, totalInertia);
  if (scored.length === 0) {
    const only = results[0]!.k;
    return { recommended: only, reason: `only k = ${only} was tried, where the silhouette is undefined, so there was nothing to compare.` };
  }
  let best = scored[0]!;
  for (const r of scored) if (r.silhouette > best.silhouette + TIE) best = r;
  const { k, silhouette: score } = best;
  const lead = `k = ${k} has the highest silhouette (${round(score)}${score >= 0.5 ? ', well separated' : score >= 0.25 ? ', some overlap' : ', weak structure'})`;
  const elbowPart =
    elbow === undefined
      ? `the inertia curve shows no clear elbow (each extra segment still explains ${ELBOW_DROP * 100} % or more of the variance)`
      : elbow === k
        ? `it is also the elbow, beyond which each extra segment explains less than ${ELBOW_DROP * 100} % of the variance`
        : `the elbow (beyond which each extra segment explains less than ${ELBOW_DROP * 100} % of the variance) is at k = ${elbow}, so compare the two in the report`;
  return { recommended: k, reason: `${lead}, and ${elbowPart}.` };
}

/** Squared distances to the mean, summed: the inertia of a single cluster. */
function sumOfSquares({ data, rows, dimensions: d }: PointMatrix): number {
  const mean = new Float64Array(d);
  for (let i = 0; i < rows * d; i++) mean[i % d] = mean[i % d]! + data[i]! / rows;
  let total = 0;
  for (let i = 0; i < rows * d; i++) total += (data[i]! - mean[i % d]!) ** 2;
  return total;
}

/** The silhouette is undefined when the sample holds a single cluster: that k gets no score. */
function scoreOrNull(score: () => number): number | null {
  try {
    return score();
  } catch {
    return null;
  }
}

/**
 * Runs k-means for each k and measures inertia and silhouette, then recommends a k.
 * Every k uses the same seed, and the silhouette the same sample, so the numbers compare.
 *
 * @example
 * const { results, recommended, reason } = sweepK(points, [2, 3, 4, 5, 6], { seed: 1 });
 */
export function sweepK(points: PointInput, ks: readonly number[], options: SweepKOptions = {}): SweepResult {
  const { sampleSize, ...kmeansOptions } = options;
  if (ks.length === 0) throw new Error('sweepK needs at least one k');
  for (const k of ks) if (!Number.isInteger(k) || k < 1) throw new Error(`k must be a whole number ≥ 1, got ${k}`);
  const m = toMatrix(points);
  const totalInertia = sumOfSquares(m);
  const results = [...new Set(ks)]
    .sort((a, b) => a - b)
    .map((k): SweepPoint => {
      const run = kmeans(m, k, kmeansOptions);
      return { k, inertia: run.inertia, silhouette: k === 1 ? null : scoreOrNull(() => silhouette(m, run.assignments, k, { sampleSize, seed: kmeansOptions.seed }).score) };
    });
  return { results, ...recommend(results, totalInertia), totalInertia };
}

/**
 * Standardised points in the space the SDK's `scoreVector` measures in: each dimension scaled
 * by √weight (weight 1 when a feature has none), so a sweep's inertia and silhouette are of the
 * distances the browser uses. Returns new arrays.
 */
export function scaleByWeight(points: readonly (readonly number[])[], features: readonly { weight?: number }[]): number[][] {
  const scale = features.map((f) => Math.sqrt(f.weight ?? 1));
  return points.map((row) => row.map((x, j) => x * scale[j]!));
}
