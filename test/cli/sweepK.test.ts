import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/cli/createRandom';
import { findElbow, recommend, sweepK } from '../../src/cli/sweepK';

const gaussian = (random: () => number) => () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

function threeBlobs(): number[][] {
  const normal = gaussian(createRandom(8));
  return [[0, 0], [10, 0], [5, 9]].flatMap((c) => Array.from({ length: 120 }, () => c.map((x) => x + normal())));
}

describe('sweepK', () => {
  it('recommends 3 for three blobs, giving the silhouette as the reason', () => {
    const sweep = sweepK(threeBlobs(), [6, 2, 3, 4, 5, 3], { seed: 1, restarts: 4 });
    expect(sweep.recommended).toBe(3);
    expect(sweep.reason).toMatch(/silhouette/);
    expect(sweep.reason).toMatch(/elbow/);
    expect(sweep.results.map((r) => r.k)).toEqual([2, 3, 4, 5, 6]);
    for (let i = 1; i < sweep.results.length; i++) expect(sweep.results[i]!.inertia).toBeLessThan(sweep.results[i - 1]!.inertia);
    expect(sweep.reason).toMatch(/also the elbow/);
    expect(sweep.totalInertia).toBeGreaterThan(sweep.results[0]!.inertia);
    const best = sweep.results.find((r) => r.k === 3)!;
    expect(best.silhouette).toBeGreaterThan(0.7);
  });

  it('has no silhouette for k = 1', () => {
    const sweep = sweepK(threeBlobs(), [1, 2, 3], { seed: 1, restarts: 2 });
    expect(sweep.results[0]).toMatchObject({ k: 1, silhouette: null });
    expect(sweep.recommended).toBe(3);
  });

  it('rejects an empty or invalid list of k', () => {
    expect(() => sweepK([[1], [2]], [])).toThrow(/at least one k/);
    expect(() => sweepK([[1], [2]], [0])).toThrow(/whole number/);
  });
});

describe('recommend', () => {
  it('breaks a silhouette tie in favour of the smaller k', () => {
    const pick = recommend([
      { k: 2, inertia: 100, silhouette: 0.4 },
      { k: 3, inertia: 60, silhouette: 0.6 },
      { k: 4, inertia: 50, silhouette: 0.6 },
    ]);
    expect(pick.recommended).toBe(3);
  });

  it('names a different elbow when it disagrees with the silhouette', () => {
    const pick = recommend([
      { k: 2, inertia: 100, silhouette: 0.3 },
      { k: 3, inertia: 95, silhouette: 0.2 },
      { k: 4, inertia: 50, silhouette: 0.1 },
    ]);
    expect(pick.recommended).toBe(2);
    expect(pick.reason).toMatch(/also the elbow/);
    expect(recommend([
      { k: 2, inertia: 100, silhouette: 0.2 },
      { k: 3, inertia: 95, silhouette: 0.5 },
      { k: 4, inertia: 50, silhouette: 0.1 },
    ]).reason).toMatch(/is at k = 2/);
  });

  it('finds the elbow where one more cluster explains less than 10 % of the total', () => {
    const curve = [{ k: 2, inertia: 100, silhouette: 0 }, { k: 3, inertia: 50, silhouette: 0 }, { k: 4, inertia: 42, silhouette: 0 }];
    expect(findElbow(curve)).toBe(3);
    // Measured against a total of 400 (k = 1), the drop of 8 from k = 3 to 4 is 2 %; against 60 it is 13 %.
    expect(findElbow(curve, 400)).toBe(3);
    expect(findElbow(curve, 60)).toBeUndefined();
    expect(findElbow(curve.slice(0, 2))).toBeUndefined();
  });
});
