/// <reference types="node" />
import { standardize } from '../model/computeFeatures';
import { scoreVector } from '../model/scoreVector';
import type { FeatureSpec, Manifest } from '../types/manifest';
import { assembleManifest } from './assembleManifest';
import { checkTrainable } from './checkTrainable';
import { collectStats } from './collectStats';
import { createRowCache } from './createRowCache';
import { nearestCentroid } from './kmeans';
import { miniBatchKmeans, type Batches } from './miniBatchKmeans';
import { streamRows } from './streamRows';
import { describeCentroid } from './trainManifest';
import type { TrainingSpec } from './trainingSpec';

/** Rows kept (a seeded uniform sample) for a sweep and the report. */
export const STREAM_SAMPLE_ROWS = 20_000;

/** What a streamed training run produced. */
export interface StreamedTraining {
  /** The unsigned manifest, segments ordered by size, largest first (as `trainManifest` orders them). */
  manifest: Manifest;
  /** Rows per segment, over the whole file. */
  sizes: number[];
  /** Rows read. */
  rows: number;
  /** The standardised sample and each row's segment index, for the report. */
  sample: { z: number[]; segment: number }[];
}

/**
 * One pass over standardised rows against centroids found in the space scaled by √weight: how
 * many rows each centroid is nearest to (with `scoreVector`'s weighted distance), and the mean z
 * of those rows. That mean is the centroid of a weight-0 dimension, which clustering cannot see.
 */
async function measureInZ(rows: AsyncIterable<Float64Array[]>, scaledCentroids: readonly (readonly number[])[], scale: readonly number[]): Promise<{ sizes: number[]; means: number[][] }> {
  const k = scaledCentroids.length;
  const d = scale.length;
  const flat = Float64Array.from(scaledCentroids.flat());
  const scaled = new Float64Array(d);
  const sizes = new Array<number>(k).fill(0);
  const sums = scaledCentroids.map(() => new Array<number>(d).fill(0));
  for await (const batch of rows) {
    for (const z of batch) {
      for (let j = 0; j < d; j++) scaled[j] = z[j]! * scale[j]!;
      const c = nearestCentroid(scaled, 0, flat, k, d);
      sizes[c]!++;
      for (let j = 0; j < d; j++) sums[c]![j]! += z[j]!;
    }
  }
  return { sizes, means: sums.map((sum, c) => sum.map((x) => (sizes[c]! > 0 ? x / sizes[c]! : 0))) };
}

/**
 * Trains without holding the data: one pass parses the file (CSV or JSON Lines), learns each
 * feature's mean and std (Welford), keeps a seeded sample and writes the rows to a binary cache
 * beside the output; mini-batch k-means and the final size count then read that cache, each
 * row standardised by the SDK's own `standardize`. `chooseK` sees the standardised sample
 * (for a sweep) and returns the k to train.
 */
export async function trainStreaming(
  path: string,
  spec: TrainingSpec,
  options: { ks: readonly number[]; chooseK(sample: number[][]): number; seed: number; restarts?: number; id?: string; now: Date; cacheDir: string },
): Promise<StreamedTraining> {
  const columns = spec.features;
  const cache = createRowCache(options.cacheDir, columns.length);
  try {
    const rows = (async function* () {
      for await (const batch of streamRows(path, columns)) {
        cache.write(batch);
        yield batch;
      }
    })();
    const stats = await collectStats(rows, columns, { sampleSize: STREAM_SAMPLE_ROWS, seed: options.seed });
    checkTrainable(stats, columns, options.ks, path);
    const features = columns.map((f, j) => ({ ...f, mean: stats.mean[j]!, std: stats.std[j]! }) as FeatureSpec);
    const toZ = (row: { [j: number]: number; length: number }) => {
      for (let j = 0; j < row.length; j++) row[j] = standardize(features[j]!, row[j]!);
    };
    const sample = stats.sample.map((row) => (toZ(row), row));
    const k = options.chooseK(sample);

    // scoreVector measures Σ weight·(z − c)²: cluster in the space scaled by √weight (as trainManifest does).
    const scale = features.map((f) => Math.sqrt(f.weight ?? 1));
    const toScaled = (row: Float64Array) => {
      toZ(row);
      for (let j = 0; j < row.length; j++) row[j] = row[j]! * scale[j]!;
    };
    // The cache yields Float64Array rows: what miniBatchKmeans reads of a row (length, index, copy) they have.
    const batches = (size: number) => () => cache.batches(size, toScaled) as unknown as Batches;
    const scaled = await miniBatchKmeans(batches(1024), k, { seed: options.seed, restarts: options.restarts });
    const { sizes, means } = await measureInZ(cache.batches(4096, toZ), scaled.centroids, scale);
    const centroids = scaled.centroids.map((c, i) => c.map((x, j) => (scale[j]! > 0 ? x / scale[j]! : means[i]![j]!)));
    const order = centroids.map((_, c) => c).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
    const segments = order.map((c, s) => ({ id: `segment-${s + 1}`, ...describeCentroid(centroids[c]!, features), centroid: centroids[c]! }));
    const manifest = assembleManifest({ spec, mean: stats.mean, std: stats.std, segments, id: options.id, now: options.now });
    const index = new Map(segments.map((s, i) => [s.id, i]));
    return {
      manifest,
      sizes: order.map((c) => sizes[c]!),
      rows: stats.rows,
      sample: sample.map((z) => ({ z, segment: index.get(scoreVector(z, manifest).segment)! })),
    };
  } finally {
    cache.remove();
  }
}
