import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/cli/createRandom';
import { kmeans } from '../../src/cli/kmeans';
import { measureClusters, miniBatchKmeans } from '../../src/cli/miniBatchKmeans';

const gaussian = (random: () => number) => () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

/** Three blobs of 1,000 points in 4-D, shuffled so the stream is not sorted by blob. */
function shuffledBlobs(seed: number): number[][] {
  const random = createRandom(seed);
  const normal = gaussian(random);
  const centres = [[0, 0, 0, 0], [8, 8, 0, 2], [-8, 6, 4, -2]];
  const points = centres.flatMap((c) => Array.from({ length: 1000 }, () => c.map((x) => x + normal())));
  for (let i = points.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [points[i], points[j]] = [points[j]!, points[i]!];
  }
  return points;
}

/** The points as an async stream of chunks, the way a file reader delivers them. */
function chunks(points: number[][], size: number): () => AsyncIterable<number[][]> {
  return async function* () {
    for (let i = 0; i < points.length; i += size) yield points.slice(i, i + size);
  };
}

describe('miniBatchKmeans', () => {
  const points = shuffledBlobs(1);
  const full = kmeans(points, 3, { seed: 1 });

  it('gets within 5 % of full k-means inertia on three blobs, re-reading the input per epoch', async () => {
    const { centroids, rows, epochs } = await miniBatchKmeans(chunks(points, 250), 3, { seed: 1, batchSize: 100 });
    expect(rows).toBe(3000);
    expect(epochs).toBe(3);
    const { inertia, sizes, rows: measured } = await measureClusters(chunks(points, 250), centroids);
    expect(measured).toBe(3000);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(3000);
    expect([...sizes].sort()).toEqual([1000, 1000, 1000]);
    expect(inertia).toBeLessThanOrEqual(full.inertia * 1.05);
  });

  it('works in one pass over a one-shot iterable (synchronous too)', async () => {
    const once = (function* () {
      for (let i = 0; i < points.length; i += 500) yield points.slice(i, i + 500);
    })();
    const { centroids, epochs } = await miniBatchKmeans(once, 3, { seed: 2, batchSize: 64 });
    expect(epochs).toBe(1);
    const { inertia } = await measureClusters([points], centroids);
    expect(inertia).toBeLessThanOrEqual(full.inertia * 1.05);
  });

  it('is deterministic for a seed', async () => {
    const a = await miniBatchKmeans(chunks(points, 300), 3, { seed: 7, batchSize: 128, epochs: 2 });
    const b = await miniBatchKmeans(chunks(points, 300), 3, { seed: 7, batchSize: 128, epochs: 2 });
    expect(b.centroids).toEqual(a.centroids);
  });

  it('explains what it cannot do', async () => {
    await expect(miniBatchKmeans([points], 3, { epochs: 2 })).rejects.toThrow(/re.*reads the input|reads the input again/);
    await expect(miniBatchKmeans(chunks([[1], [2]], 1), 5, {})).rejects.toThrow('k (5) is larger than the number of rows (2)');
    await expect(miniBatchKmeans(chunks([], 1), 1, {})).rejects.toThrow(/no rows/);
    await expect(miniBatchKmeans(chunks([[1, 2], [3]], 1), 1, {})).rejects.toThrow('row 2 has 1 values, expected 2');
    await expect(measureClusters([[[1, 2]]], [[0, 0, 0]])).rejects.toThrow('row 1 has 2 values, expected 3');
  });
});
