import { standardize } from '../model/computeFeatures';
import { validateManifest } from '../model/validateManifest';
import type { FeatureSpec, Manifest, SegmentSpec } from '../types/manifest';
import { kmeans, type PointMatrix } from './kmeans';
import { DEFAULT_HYSTERESIS, DEFAULT_MIN_EVIDENCE, DEFAULT_VALID_DAYS, DEFAULT_WINDOW, type TrainingSpec } from './trainingSpec';
import { withStats } from './withStats';

/** Options of `trainManifest`. */
export interface TrainManifestOptions {
  /** Number of segments. */
  k: number;
  /** Random seed (default 1): the same rows, spec and seed give the same manifest. */
  seed?: number;
  /** k-means++ restarts, the best kept (default 10). */
  restarts?: number;
  /** The manifest id; wins over the spec's. */
  id?: string;
  /** The time written as `issued` (default: now); `expires` is 30 days later. */
  now?: Date;
}

/** A trained, unsigned manifest and how the rows fell into it. */
export interface TrainedManifest {
  /** The manifest, valid by `validateManifest`, not yet signed. */
  manifest: Manifest;
  /** Rows per segment, in the manifest's segment order (largest first). */
  sizes: number[];
  /** For each row, the index of its segment in `manifest.segments`: what the SDK's `scoreVector` picks. */
  assignments: Int32Array;
  /** Each row standardised with the manifest's features (the vectors that were clustered, before any weighting). */
  z: PointMatrix;
}

/** The rows standardised by the statistics learnt from them. */
export interface StandardizedRows {
  /** The spec's features with the learnt `mean` and `std`. */
  features: FeatureSpec[];
  /** Each row after `standardize()`: the browser's own computation. */
  z: PointMatrix;
}

const DAY_MS = 86_400_000;

const transformOf = (transform: FeatureSpec['transform'], x: number): number => (transform === 'log1p' ? Math.log1p(x) : x);


/**
 * Learns each feature's standardisation from the rows and applies it: per feature, the raw
 * value is transformed (`log1p`/`none`), the population mean and std of the transformed values
 * are computed, then every value goes through the SDK's own `standardize()`, so training sees
 * exactly the numbers the browser will compute. Rows count from 1 in errors.
 */
export function standardizeRows(rows: readonly Readonly<Record<string, number>>[], features: readonly Omit<FeatureSpec, 'mean' | 'std'>[]): StandardizedRows {
  const n = rows.length;
  const d = features.length;
  if (d === 0) throw new Error('the spec has no features');
  if (n === 0) throw new Error('there are no rows to train on');
  // Raw values first (one flat array), standardised in place at the end.
  const data = new Float64Array(n * d);
  rows.forEach((row, i) => {
    features.forEach((f, j) => {
      const value: unknown = row[f.name];
      if (value === undefined || value === null) throw new Error(`row ${i + 1}: column "${f.name}" is missing`);
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`row ${i + 1}, column "${f.name}": ${typeof value === 'string' ? JSON.stringify(value) : String(value)} is not a finite number`);
      // The SDK reads a negative aggregate as 0 before log1p: a centroid trained on log1p of a
      // negative value would sit where no visitor can be.
      if (f.transform === 'log1p' && value < 0) throw new Error(`row ${i + 1}, column "${f.name}": log1p needs a value of 0 or more (the SDK reads less as 0), got ${value}`);
      data[i * d + j] = value;
    });
  });

  const learnt = features.map((f, j) => {
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      const t = transformOf(f.transform, data[i * d + j]!);
      sum += t;
      min = Math.min(min, t);
      max = Math.max(max, t);
    }
    if (min === max) throw new Error(`features[${j}] "${f.name}" is constant (std 0): drop it or add data`);
    const mean = sum / n;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const diff = transformOf(f.transform, data[i * d + j]!) - mean;
      squares += diff * diff;
    }
    return withStats(f, mean, Math.sqrt(squares / n));
  });
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) data[i * d + j] = standardize(learnt[j]!, data[i * d + j]!);
  return { features: learnt, z: { data, rows: n, dimensions: d } };
}

/** Capitalises the first letter. */
const sentence = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Below this |z| a centroid is "close to average" on a feature and it is not named. */
const NOTABLE = 0.25;

/**
 * A suggested label and description for a centroid, from its most distinctive features
 * (largest |z|): e.g. "High product pages viewed, low exit rate" and "Product pages viewed far
 * above average, exit rate below average and cart adds slightly above average."
 */
export function describeCentroid(centroid: readonly number[], features: readonly Pick<FeatureSpec, 'name' | 'label'>[]): { label: string; description: string } {
  const top = centroid
    .map((z, j) => ({ z, words: features[j]?.label || features[j]?.name || `feature ${j + 1}` }))
    .filter((f) => Math.abs(f.z) >= NOTABLE)
    .sort((a, b) => Math.abs(b.z) - Math.abs(a.z));
  if (top.length === 0) return { label: 'Close to average', description: 'Close to the average visitor on every feature.' };
  const label = sentence(top.slice(0, 2).map((f) => `${f.z > 0 ? 'high' : 'low'} ${f.words}`).join(', '));
  const phrases = top.slice(0, 3).map(({ z, words }) => {
    const size = Math.abs(z) >= 1.5 ? 'far ' : Math.abs(z) >= 0.75 ? '' : 'slightly ';
    return `${words} ${size}${z > 0 ? 'above' : 'below'} average`;
  });
  const list = phrases.length > 1 ? `${phrases.slice(0, -1).join(', ')} and ${phrases[phrases.length - 1]}` : phrases[0]!;
  return { label, description: `${sentence(list)}.` };
}

/**
 * Trains a segment manifest from rows of raw feature values (one object per visitor, keyed by
 * feature name): standardise with the SDK's own maths (`standardizeRows`), cluster with
 * k-means (in the space the SDK scores in: each dimension scaled by √weight), then order the
 * segments by size, largest first, as `segment-1…segment-k` with suggested labels. Every row's
 * assignment is recomputed the way the SDK's `scoreVector` does it, so the sizes are what the
 * browser will see. The result is checked with `validateManifest`.
 *
 * @example
 * const { manifest, sizes } = trainManifest(rows, spec, { k: 4, seed: 1 });
 */
export function trainManifest(rows: readonly Readonly<Record<string, number>>[], spec: TrainingSpec, options: TrainManifestOptions): TrainedManifest {
  const { k, seed = 1, restarts = 10, now = new Date() } = options;
  if (!Number.isInteger(k) || k < 1) throw new Error(`k must be a whole number ≥ 1, got ${k}`);
  if (k > rows.length) throw new Error(`k (${k}) is larger than the number of rows (${rows.length})`);
  if (!Array.isArray(spec.features)) throw new Error('the spec needs a "features" array');
  const { features, z } = standardizeRows(rows, spec.features);
  const { data, rows: n, dimensions: d } = z;

  // scoreVector measures Σ weight·(x − c)², the plain distance after scaling by √weight.
  const weights = features.map((f) => f.weight ?? 1);
  const weighted = weights.some((w) => w !== 1);
  const space = weighted ? { data: data.map((x, i) => x * Math.sqrt(weights[i % d]!)), rows: n, dimensions: d } : z;
  const clusters = kmeans(space, k, { seed, restarts }).assignments;

  // Centroids in z units: the mean of each cluster's standardised rows.
  const sums = new Float64Array(k * d);
  const counts = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const c = clusters[i]!;
    counts[c] = counts[c]! + 1;
    for (let j = 0; j < d; j++) sums[c * d + j] = sums[c * d + j]! + data[i * d + j]!;
  }
  const order = Array.from({ length: k }, (_, c) => c).sort((a, b) => counts[b]! - counts[a]! || a - b);
  const centroids = order.map((c) => Array.from({ length: d }, (_, j) => (counts[c]! > 0 ? sums[c * d + j]! / counts[c]! : 0)));

  const segments: SegmentSpec[] = centroids.map((centroid, s) => ({ id: `segment-${s + 1}`, ...describeCentroid(centroid, features), centroid }));
  const manifest: Manifest = {
    inkling: 1,
    id: options.id ?? spec.id ?? `inkling-${now.toISOString().slice(0, 10)}`,
    issued: now.toISOString(),
    expires: new Date(now.getTime() + (spec.validDays ?? DEFAULT_VALID_DAYS) * DAY_MS).toISOString(),
    window: spec.window ?? { ...DEFAULT_WINDOW },
    minEvidence: spec.minEvidence ?? DEFAULT_MIN_EVIDENCE,
    hysteresis: spec.hysteresis ?? DEFAULT_HYSTERESIS,
    features,
    segments,
  };
  const check = validateManifest(manifest);
  if (!check.ok) throw new Error(`the trained manifest is invalid: ${check.problems.join('; ')}`);

  // The SDK's choice for each row, with scoreVector's arithmetic and tie rule (first in order).
  const assignments = new Int32Array(n);
  const sizes = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) {
    let best = 0;
    let bestDistance = Infinity;
    for (let s = 0; s < k; s++) {
      const centroid = centroids[s]!;
      let sum = 0;
      for (let j = 0; j < d; j++) {
        const diff = data[i * d + j]! - centroid[j]!;
        sum += weights[j]! * diff * diff;
      }
      if (sum < bestDistance) {
        bestDistance = sum;
        best = s;
      }
    }
    assignments[i] = best;
    sizes[best]!++;
  }
  return { manifest, sizes, assignments, z };
}
