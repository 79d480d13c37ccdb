import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/cli/createRandom';
import { silhouette } from '../../src/cli/silhouette';

describe('silhouette', () => {
  it('matches a hand computation on four points on a line', () => {
    // Clusters {0, 1} and {4, 5}. Point 0: a = 1, b = (4 + 5) / 2 = 4.5, s = 7/9.
    // Point 1: a = 1, b = (3 + 4) / 2 = 3.5, s = 5/7. Points 4 and 5 mirror them.
    const result = silhouette([[0], [1], [4], [5]], [0, 0, 1, 1], 2);
    expect(result.score).toBeCloseTo(47 / 63, 12);
    expect(result).toMatchObject({ sampled: false, n: 4 });
  });

  it('scores a point alone in its cluster 0', () => {
    // Point 0: a = 1, b = 10, s = 0.9; point 1: a = 1, b = 9, s = 8/9; point 10 is alone: 0.
    expect(silhouette([[0], [1], [10]], [0, 0, 1], 2).score).toBeCloseTo((0.9 + 8 / 9) / 3, 12);
  });

  it('is negative when the labels are wrong', () => {
    expect(silhouette([[0], [1], [4], [5]], [0, 1, 0, 1], 2).score).toBeLessThan(0);
  });

  it('samples above sampleSize, says so, and stays close to the full score', () => {
    const random = createRandom(3);
    const points: number[][] = [];
    const labels: number[] = [];
    for (let i = 0; i < 3000; i++) {
      const c = i % 3;
      points.push([c * 4 + random() * 3, random() * 3]);
      labels.push(c);
    }
    const full = silhouette(points, labels, 3, { sampleSize: 3000 });
    const sampled = silhouette(points, labels, 3, { sampleSize: 400, seed: 5 });
    expect(full).toMatchObject({ sampled: false, n: 3000 });
    expect(sampled).toMatchObject({ sampled: true, n: 400 });
    expect(Math.abs(sampled.score - full.score)).toBeLessThan(0.03);
    expect(silhouette(points, labels, 3, { sampleSize: 400, seed: 5 }).score).toBe(sampled.score);
  });

  it('explains unusable input', () => {
    expect(() => silhouette([[0], [1]], [0, 0], 1)).toThrow(/at least 2 clusters/);
    expect(() => silhouette([[0], [1]], [0], 2)).toThrow('there are 1 assignments for 2 points');
    expect(() => silhouette([[0], [1]], [0, 3], 2)).toThrow(/assignment 2 is 3/);
  });
});
