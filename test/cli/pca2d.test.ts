import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/cli/createRandom';
import { pca2d } from '../../src/cli/pca2d';

describe('pca2d', () => {
  it('finds the axes of a cross with known variances', () => {
    const pca = pca2d([[3, 0], [-3, 0], [0, 1], [0, -1]]);
    expect(pca.variances[0]).toBeCloseTo(4.5, 10);
    expect(pca.variances[1]).toBeCloseTo(0.5, 10);
    expect(pca.totalVariance).toBeCloseTo(5, 10);
    expect(Math.abs(pca.components[0][0]!)).toBeCloseTo(1, 10);
    expect(Math.abs(pca.components[1][1]!)).toBeCloseTo(1, 10);
    expect(pca.project([3, 0])[0]).toBeCloseTo(3, 10);
  });

  it('puts the first axis along a line the data follows, the second orthogonal to it', () => {
    const random = createRandom(4);
    const points = Array.from({ length: 500 }, () => {
      const t = random() * 10 - 5;
      return [t, 2 * t + (random() - 0.5) * 0.2, (random() - 0.5) * 2];
    });
    const pca = pca2d(points);
    const [u, v] = pca.components;
    expect(Math.abs((u[0]! + 2 * u[1]!) / Math.sqrt(5))).toBeGreaterThan(0.999);
    expect(Math.abs(u.reduce((s, x, i) => s + x * v[i]!, 0))).toBeLessThan(1e-9);
    expect(Math.abs(v[2]!)).toBeGreaterThan(0.99);
    expect(pca.variances[0]).toBeGreaterThan(pca.variances[1]);
    const mean = [0, 1, 2].map((j) => points.reduce((s, p) => s + p[j]!, 0) / points.length);
    const [x, y] = pca.project(mean);
    expect(Math.abs(x)).toBeLessThan(1e-9);
    expect(Math.abs(y)).toBeLessThan(1e-9);
  });

  it('copes with one dimension and with identical points', () => {
    expect(pca2d([[1], [3]]).project([3])).toEqual([1, 0]);
    const flat = pca2d([[2, 2], [2, 2]]);
    expect(flat.project([2, 2])).toEqual([0, 0]);
  });
});
