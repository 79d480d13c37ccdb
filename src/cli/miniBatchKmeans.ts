import { createRandom } from './createRandom';
import { kmeans, nearestCentroid } from './kmeans';

/** Rows arriving in chunks (e.g. from a file reader), synchronously or not. */
export type Batches = AsyncIterable<readonly (readonly number[])[]> | Iterable<readonly (readonly number[])[]>;

/** The rows, or a function that reads them again from the start (needed for more than one epoch). */
export type BatchSource = Batches | (() => Batches);

/** Tuning for `miniBatchKmeans`; every field is optional. */
export interface MiniBatchKmeansOptions {
  /** Seed of the random generator (default 1): the same seed and input give the same centroids. */
  seed?: number;
  /** Rows per update step (default 1024, like scikit-learn's `MiniBatchKMeans`). */
  batchSize?: number;
  /** Passes over the input (default 3 with a re-reading function, 1 otherwise). */
  epochs?: number;
  /** Rows the k-means++ start is computed from (default `max(3 × batchSize, 10 × k)`). */
  initSize?: number;
  /** k-means runs on the initial rows; the best one seeds the centroids (default 3). */
  restarts?: number;
}

/** What mini-batch k-means learnt. */
export interface MiniBatchKmeansResult {
  /** `k` centroids, in the rows' space. */
  centroids: number[][];
  /** Rows read per epoch. */
  rows: number;
  /** Passes made over the input. */
  epochs: number;
}

/** Inertia and cluster sizes of streamed rows against fixed centroids. */
export interface StreamedClusters {
  /** Sum of squared distances of the rows to their nearest centroid. */
  inertia: number;
  /** Rows nearest to each centroid. */
  sizes: number[];
  /** Rows read. */
  rows: number;
}

/** Calls `onRow` for every row of every batch, checking widths and numbers (rows count from 1). */
async function eachRow(batches: Batches, dimensions: number | undefined, onRow: (row: readonly number[], index: number) => void): Promise<number> {
  let index = 0;
  let width = dimensions;
  for await (const batch of batches) {
    for (const row of batch) {
      width ??= row.length;
      if (row.length !== width) throw new Error(`row ${index + 1} has ${row.length} values, expected ${width}`);
      for (let j = 0; j < width; j++) {
        if (!Number.isFinite(row[j])) throw new Error(`row ${index + 1}, column ${j + 1}: ${String(row[j])} is not a finite number`);
      }
      onRow(row, index++);
    }
  }
  return index;
}

/**
 * k-means for inputs too large for memory (Sculley 2010, "Web-scale k-means clustering"): the
 * centroids start from k-means++ on a sample, then each mini-batch is assigned to the current
 * centroids and every row pulls its centroid towards it with the per-centroid learning rate
 * `1 / (rows it has absorbed so far)`, so a centroid is the running mean of what it saw.
 *
 * With a re-reading function the sample is a uniform reservoir over the whole first pass;
 * with a one-shot iterable it is the first `initSize` rows, so an input sorted by kind
 * should be shuffled first. Rows are used in input order. Memory: one batch plus the sample.
 *
 * @example
 * const { centroids } = await miniBatchKmeans(() => readRowsInChunks('visitors.csv'), 8, { seed: 1 });
 * const { inertia, sizes } = await measureClusters(() => readRowsInChunks('visitors.csv'), centroids);
 */
export async function miniBatchKmeans(source: BatchSource, k: number, options: MiniBatchKmeansOptions = {}): Promise<MiniBatchKmeansResult> {
  const rereadable = typeof source === 'function';
  const read = (): Batches => (typeof source === 'function' ? source() : source);
  const { seed = 1, batchSize = 1024, epochs = rereadable ? 3 : 1, restarts = 3 } = options;
  const initSize = options.initSize ?? Math.max(3 * batchSize, 10 * k);
  if (!Number.isInteger(k) || k < 1) throw new Error(`k must be a whole number ≥ 1, got ${k}`);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`batchSize must be a whole number ≥ 1, got ${batchSize}`);
  if (!Number.isInteger(epochs) || epochs < 1) throw new Error(`epochs must be a whole number ≥ 1, got ${epochs}`);
  if (!Number.isInteger(initSize) || initSize < k) throw new Error(`initSize must be a whole number ≥ k (${k}), got ${initSize}`);
  if (epochs > 1 && !rereadable) throw new Error('more than one epoch needs a function that reads the input again from the start');

  const random = createRandom(seed);
  const sample: (readonly number[])[] = [];
  let dimensions: number | undefined;
  let rows = 0;
  // With a one-shot input the first rows are both the sample and the start of epoch 1.
  let firstRows: Batches | undefined;
  if (rereadable) {
    rows = await eachRow(read(), undefined, (row, i) => {
      dimensions ??= row.length;
      if (i < initSize) sample.push(row.slice());
      else {
        const slot = Math.floor(random() * (i + 1));
        if (slot < initSize) sample[slot] = row.slice();
      }
    });
  } else {
    const iterator = Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
    const head: (readonly number[])[][] = [];
    while (sample.length < initSize) {
      const next = await iterator.next();
      if (next.done) break;
      const batch = next.value.map((row) => row.slice());
      head.push(batch);
      for (const row of batch) if (sample.length < initSize) sample.push(row);
    }
    firstRows = (async function* () {
      yield* head;
      while (true) {
        const next = await iterator.next();
        if (next.done) return;
        yield next.value;
      }
    })();
  }
  if (sample.length === 0) throw new Error('there are no rows to cluster');
  // initSize ≥ k, so a sample smaller than k holds every row there is.
  if (k > sample.length) throw new Error(`k (${k}) is larger than the number of rows (${sample.length})`);
  const d = (dimensions ??= sample[0]!.length);

  const centroids = new Float64Array(k * d);
  const start = kmeans(sample, k, { seed: Math.floor(random() * 2 ** 32), restarts });
  start.centroids.forEach((c, j) => centroids.set(c, j * d));
  const counts = new Float64Array(k);
  const batch = new Float64Array(batchSize * d);
  const nearest = new Int32Array(batchSize);
  let filled = 0;

  /** Sculley's step: assign the whole batch first, then move each row's centroid towards it. */
  const step = () => {
    for (let i = 0; i < filled; i++) nearest[i] = nearestCentroid(batch, i, centroids, k, d);
    for (let i = 0; i < filled; i++) {
      const c = nearest[i]!;
      const count = (counts[c] = counts[c]! + 1);
      for (let t = 0; t < d; t++) {
        const at = c * d + t;
        centroids[at] = centroids[at]! + (batch[i * d + t]! - centroids[at]!) / count;
      }
    }
    filled = 0;
  };

  for (let epoch = 0; epoch < epochs; epoch++) {
    const seen = await eachRow(epoch === 0 && firstRows ? firstRows : read(), d, (row) => {
      batch.set(row, filled * d);
      if (++filled === batchSize) step();
    });
    if (filled > 0) step();
    if (epoch > 0 && seen !== rows) throw new Error(`epoch ${epoch + 1} read ${seen} rows, the first pass read ${rows}: the input changed`);
    rows = seen;
  }
  return { centroids: Array.from({ length: k }, (_, c) => Array.from(centroids.subarray(c * d, c * d + d))), rows, epochs };
}

/**
 * A streaming pass that measures fixed centroids: inertia (sum of squared distances to the
 * nearest centroid) and how many rows each centroid is nearest to.
 *
 * @example
 * const { inertia, sizes } = await measureClusters(rowsInChunks, centroids);
 */
export async function measureClusters(source: BatchSource, centroids: readonly (readonly number[])[]): Promise<StreamedClusters> {
  const k = centroids.length;
  const d = centroids[0]?.length ?? 0;
  if (k === 0) throw new Error('there are no centroids to measure against');
  const flat = new Float64Array(k * d);
  centroids.forEach((c, j) => {
    if (c.length !== d) throw new Error(`centroid ${j + 1} has ${c.length} values, expected ${d}`);
    flat.set(c, j * d);
  });
  const sizes = new Array<number>(k).fill(0);
  const row = new Float64Array(d);
  const distance = new Float64Array(1);
  let inertia = 0;
  const rows = await eachRow(typeof source === 'function' ? source() : source, d, (values) => {
    row.set(values);
    sizes[nearestCentroid(row, 0, flat, k, d, distance)]!++;
    inertia += distance[0]!;
  });
  return { inertia, sizes, rows };
}
