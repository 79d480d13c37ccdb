import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/cli/createRandom';
import { kmeans } from '../../src/cli/kmeans';

/** A standard normal from two uniforms (Box–Muller). */
const gaussian = (random: () => number) => () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

/** Points around each centre with unit spread, and the index of the centre each came from. */
function blobs(centres: number[][], perBlob: number, seed: number, spread = 1) {
  const normal = gaussian(createRandom(seed));
  const points: number[][] = [];
  const labels: number[] = [];
  centres.forEach((centre, b) => {
    for (let i = 0; i < perBlob; i++) {
      points.push(centre.map((c) => c + spread * normal()));
      labels.push(b);
    }
  });
  return { points, labels };
}

const squared = (a: readonly number[], b: readonly number[]) => a.reduce((s, x, i) => s + (x - b[i]!) ** 2, 0);

/** Within-cluster sum of squares of a labelling, centroids being the cluster means. */
function inertiaOf(points: number[][], labels: ArrayLike<number>, k: number): number {
  const d = points[0]!.length;
  const sums = Array.from({ length: k }, () => new Array<number>(d).fill(0));
  const counts = new Array<number>(k).fill(0);
  points.forEach((p, i) => {
    counts[labels[i]!]!++;
    p.forEach((x, j) => (sums[labels[i]!]![j]! += x));
  });
  const means = sums.map((s, c) => s.map((x) => x / Math.max(1, counts[c]!)));
  return points.reduce((total, p, i) => total + squared(p, means[labels[i]!]!), 0);
}

/**
 * The plainest reference: Lloyd's algorithm from k distinct random points, run to a fixed
 * point, the best of `restarts` runs. No k-means++, no bounds, no cleverness.
 */
function referenceKmeans(points: number[][], k: number, restarts: number, seed: number): number {
  const random = createRandom(seed);
  let best = Infinity;
  for (let r = 0; r < restarts; r++) {
    const picked = new Set<number>();
    while (picked.size < k) picked.add(Math.floor(random() * points.length));
    let centroids = [...picked].map((i) => [...points[i]!]);
    let labels: number[] = [];
    for (let iteration = 0; iteration < 1000; iteration++) {
      const next = points.map((p) => {
        let nearest = 0;
        centroids.forEach((c, j) => {
          if (squared(p, c) < squared(p, centroids[nearest]!)) nearest = j;
        });
        return nearest;
      });
      if (next.every((l, i) => l === labels[i])) break;
      labels = next;
      centroids = centroids.map((c, j) => {
        const members = points.filter((_, i) => labels[i] === j);
        return members.length === 0 ? c : c.map((_, t) => members.reduce((s, p) => s + p[t]!, 0) / members.length);
      });
    }
    best = Math.min(best, inertiaOf(points, labels, k));
  }
  return best;
}

describe('kmeans', () => {
  const three = blobs([[0, 0, 0], [12, 12, 0], [-12, 12, 6]], 100, 3);

  it('finds three well-separated blobs: each blob is one cluster', () => {
    const { assignments, centroids, inertia } = kmeans(three.points, 3, { seed: 1 });
    const clusterOfBlob = [0, 1, 2].map((b) => assignments[three.labels.indexOf(b)]);
    expect(new Set(clusterOfBlob).size).toBe(3);
    three.labels.forEach((b, i) => expect(assignments[i]).toBe(clusterOfBlob[b]));
    expect(centroids).toHaveLength(3);
    // 300 points with unit variance in 3 dimensions: about 900 around the true centres.
    expect(inertia).toBeGreaterThan(700);
    expect(inertia).toBeLessThan(1100);
  });

  it('returns centroids that are the means of their points and assignments to the nearest centroid', () => {
    const { assignments, centroids, inertia } = kmeans(three.points, 4, { seed: 2 });
    three.points.forEach((p, i) => {
      const distances = centroids.map((c) => squared(p, c));
      expect(distances[assignments[i]!]).toBe(Math.min(...distances));
    });
    expect(inertia).toBeCloseTo(inertiaOf(three.points, assignments, 4), 6);
  });

  it('is deterministic for a seed', () => {
    const data = blobs([[0, 0], [3, 1], [1, 4]], 80, 11, 1.5).points;
    const a = kmeans(data, 5, { seed: 9, restarts: 3 });
    const b = kmeans(data, 5, { seed: 9, restarts: 3 });
    expect(b.centroids).toEqual(a.centroids);
    expect(Array.from(b.assignments)).toEqual(Array.from(a.assignments));
    expect(b.inertia).toBe(a.inertia);
    expect(kmeans(data.map((p) => Float64Array.from(p)), 5, { seed: 9, restarts: 3 }).inertia).toBe(a.inertia);
  });

  it('never gets worse with more restarts', () => {
    const random = createRandom(5);
    const noise = Array.from({ length: 400 }, () => [random(), random(), random()]);
    for (const seed of [1, 2, 3, 4, 5]) {
      const one = kmeans(noise, 7, { seed, restarts: 1 }).inertia;
      const three = kmeans(noise, 7, { seed, restarts: 3 }).inertia;
      const ten = kmeans(noise, 7, { seed, restarts: 10 }).inertia;
      expect(three).toBeLessThanOrEqual(one);
      expect(ten).toBeLessThanOrEqual(three);
    }
  });

  it('reaches the true optimum on tiny data sets (checked against all 2^8 two-way splits)', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const random = createRandom(seed);
      const points = Array.from({ length: 8 }, () => [random() * 10, random() * 10]);
      let optimum = Infinity;
      for (let mask = 1; mask < 255; mask++) {
        const labels = points.map((_, i) => (mask >> i) & 1);
        optimum = Math.min(optimum, inertiaOf(points, labels, 2));
      }
      const { inertia } = kmeans(points, 2, { seed, restarts: 10 });
      expect(inertia).toBeCloseTo(optimum, 9);
    }
  });

  it('is as good as plain Lloyd with 50 random restarts (inertia within 1 %) on 2,000 points in 6-D', () => {
    const random = createRandom(2024);
    const centres = Array.from({ length: 5 }, () => Array.from({ length: 6 }, () => random() * 10 - 5));
    const { points } = blobs(centres, 400, 77, 1.5);
    const reference = referenceKmeans(points, 5, 50, 3);
    const ours = kmeans(points, 5, { seed: 1 }).inertia;
    expect(ours).toBeLessThanOrEqual(reference * 1.01);
  });

  it('accepts a flat matrix and gives the same result as arrays', () => {
    const points = three.points;
    const flat = { data: Float64Array.from(points.flat()), rows: points.length, dimensions: 3 };
    expect(kmeans(flat, 3, { seed: 4 }).inertia).toBe(kmeans(points, 3, { seed: 4 }).inertia);
  });

  it('re-seeds empty clusters: k equal to the number of identical rows still fills every cluster', () => {
    const { assignments, inertia } = kmeans([[1, 1], [1, 1], [1, 1]], 3, { seed: 1 });
    expect(new Set(assignments).size).toBe(3);
    expect(inertia).toBe(0);
    const line = kmeans([[0], [1], [2], [3]], 4, { seed: 1 });
    expect(new Set(line.assignments).size).toBe(4);
    expect(line.inertia).toBe(0);
  });

  it('puts everything in one cluster for k = 1, at the mean', () => {
    const { centroids, assignments } = kmeans([[0, 2], [2, 4], [4, 0]], 1, { seed: 1 });
    expect(centroids[0]![0]).toBeCloseTo(2, 12);
    expect(centroids[0]![1]).toBeCloseTo(2, 12);
    expect(Array.from(assignments)).toEqual([0, 0, 0]);
  });

  it('explains bad k and bad points', () => {
    const five = [[1], [2], [3], [4], [5]];
    expect(() => kmeans(five, 7, {})).toThrow('k (7) is larger than the number of rows (5)');
    expect(() => kmeans(five, 0, {})).toThrow(/k must be a whole number ≥ 1, got 0/);
    expect(() => kmeans(five, 2.5, {})).toThrow(/whole number/);
    expect(() => kmeans([], 1, {})).toThrow(/no rows/);
    expect(() => kmeans([[1, 2], [3, 4], [5]], 2, {})).toThrow('row 3 has 1 values, expected 2 like row 1');
    expect(() => kmeans([[1, 2], [3, Number.NaN]], 1, {})).toThrow('row 2, column 2: NaN is not a finite number');
    expect(() => kmeans(five, 2, { restarts: 0 })).toThrow(/restarts/);
  });
});
