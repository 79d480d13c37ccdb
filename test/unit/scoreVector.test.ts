import { describe, expect, it } from 'vitest';
import { scoreVector } from '../../src/model/scoreVector';
import type { Manifest } from '../../src/types/manifest';

/** Small seeded PRNG (mulberry32), so the random cases are the same on every run. */
function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A manifest with one feature per centroid dimension; segment ids are s0, s1, … */
function manifest(centroids: number[][], hysteresis = 0): Manifest {
  const dims = centroids[0]?.length ?? 0;
  return {
    inkling: 1, id: 'm', window: { days: 30, halfLifeDays: 7 }, minEvidence: 0, hysteresis,
    features: Array.from({ length: dims }, (_, i) => ({
      name: `f${i}`, signal: 'click' as const, agg: 'sum' as const, transform: 'none' as const, mean: 0, std: 1, label: `feature ${i}`,
    })),
    segments: centroids.map((centroid, i) => ({ id: `s${i}`, label: `Segment ${i}`, centroid })),
  };
}

// ---- Independent reference: plain loops, nothing shared with src. ----
function refDistance(z: number[], c: number[]): number {
  let total = 0;
  for (let i = 0; i < z.length; i++) total += (z[i]! - c[i]!) * (z[i]! - c[i]!);
  return total;
}
function refNearest(z: number[], centroids: number[][]): number {
  let best = 0;
  for (let i = 1; i < centroids.length; i++) if (refDistance(z, centroids[i]!) < refDistance(z, centroids[best]!)) best = i;
  return best;
}

function randomCase(rand: () => number) {
  const dims = 1 + Math.floor(rand() * 6);
  const count = 1 + Math.floor(rand() * 5);
  const value = () => (rand() * 2 - 1) * 3;
  const centroids = Array.from({ length: count }, () => Array.from({ length: dims }, value));
  const z = Array.from({ length: dims }, value);
  return { z, centroids };
}

describe('scoreVector against a brute-force reference', () => {
  it('picks the nearest centroid for 500 random vectors and manifests', () => {
    const rand = mulberry32(20261120);
    const chosen: string[] = [];
    const expected: string[] = [];
    let worstDistanceError = 0;
    for (let n = 0; n < 500; n++) {
      const { z, centroids } = randomCase(rand);
      const score = scoreVector(z, manifest(centroids));
      chosen.push(score.segment);
      expected.push(`s${refNearest(z, centroids)}`);
      expect(Object.keys(score.distances)).toHaveLength(centroids.length);
      for (let i = 0; i < centroids.length; i++) {
        const error = Math.abs(score.distances[`s${i}`]! - refDistance(z, centroids[i]!));
        worstDistanceError = Math.max(worstDistanceError, error);
      }
    }
    expect(chosen).toEqual(expected);
    expect(worstDistanceError).toBeLessThan(1e-9);
    expect(new Set(expected).size).toBeGreaterThan(3); // the cases really do vary
  });

  it('gives a confidence of 1 - best/runnerUp, in [0, 1], for 500 random cases', () => {
    const rand = mulberry32(7);
    for (let n = 0; n < 500; n++) {
      const { z, centroids } = randomCase(rand);
      const score = scoreVector(z, manifest(centroids));
      const sorted = centroids.map((c) => refDistance(z, c)).sort((a, b) => a - b);
      const expected = sorted.length === 1 ? 1 : 1 - sorted[0]! / sorted[1]!;
      expect(score.confidence, `case ${n}`).toBeCloseTo(expected, 9);
      expect(score.confidence).toBeGreaterThanOrEqual(0);
      expect(score.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('follows the hysteresis rule for 500 random cases with a random current segment', () => {
    const rand = mulberry32(99);
    for (let n = 0; n < 500; n++) {
      const { z, centroids } = randomCase(rand);
      const hysteresis = rand() * 0.9;
      const current = Math.floor(rand() * centroids.length);
      const best = refNearest(z, centroids);
      const switches = refDistance(z, centroids[best]!) < (1 - hysteresis) * refDistance(z, centroids[current]!);
      const expected = best === current || switches ? best : current;
      expect(scoreVector(z, manifest(centroids, hysteresis), `s${current}`).segment, `case ${n}`).toBe(`s${expected}`);
    }
  });
});

describe('scoreVector hysteresis', () => {
  // One dimension: a at 0, b at 10.
  const line = manifest([[0], [10]], 0.2);

  it('switches when the new distance is below (1 - hysteresis) × the current one', () => {
    // d(a) = 20.25, d(b) = 30.25; 20.25 < 0.8 × 30.25 = 24.2
    expect(scoreVector([4.5], line, 's1').segment).toBe('s0');
  });

  it('keeps the current segment while the nearer one does not win by the margin', () => {
    // d(a) = 24.01, d(b) = 26.01; 24.01 ≥ 0.8 × 26.01 = 20.808
    expect(scoreVector([4.9], line, 's1').segment).toBe('s1');
    // The same vector with no current segment goes to the nearest.
    expect(scoreVector([4.9], line).segment).toBe('s0');
  });

  it('keeps the current segment when the nearer one is exactly at the margin', () => {
    // d(a) = 2, d(b) = 4, hysteresis 0.5: 2 is not below 0.5 × 4.
    const m = manifest([[1, 1], [2, 0]], 0.5);
    expect(scoreVector([0, 0], m, 's1').segment).toBe('s1');
    // d(a) = 1.81 is below 2: switch.
    expect(scoreVector([0, 0], manifest([[1, 0.9], [2, 0]], 0.5), 's1').segment).toBe('s0');
  });

  it('with hysteresis 0, switches to any strictly nearer segment but keeps the current one on a tie', () => {
    const m = manifest([[1], [-1]], 0);
    expect(scoreVector([0.01], m, 's1').segment).toBe('s0');
    expect(scoreVector([0], m, 's1').segment).toBe('s1');
    expect(scoreVector([0], m, 's0').segment).toBe('s0');
  });

  it('ignores a current segment the manifest does not have', () => {
    expect(scoreVector([4.9], line, 'gone').segment).toBe('s0');
    expect(scoreVector([4.9], line, 'default').segment).toBe('s0');
  });

  it('never reports a confidence below 0 while holding a farther segment', () => {
    const score = scoreVector([4.9], line, 's1');
    expect(score.confidence).toBe(0);
  });
});

describe('scoreVector confidence', () => {
  it('is 1 - best/runnerUp', () => {
    // d(a) = 1, d(b) = 4, d(c) = 9
    expect(scoreVector([0], manifest([[1], [2], [3]])).confidence).toBeCloseTo(0.75, 12);
  });

  it('is 0 on a tie', () => {
    expect(scoreVector([0], manifest([[1], [-1]])).confidence).toBe(0);
    expect(scoreVector([0, 0], manifest([[3, 4], [5, 0], [9, 9]])).confidence).toBe(0);
  });

  it('is 1 on the centroid', () => {
    const score = scoreVector([2, -1], manifest([[0, 0], [2, -1]]));
    expect(score.segment).toBe('s1');
    expect(score.confidence).toBe(1);
  });

  it('is 1 with a single segment, wherever the vector is', () => {
    expect(scoreVector([40, -7], manifest([[0, 0]])).confidence).toBe(1);
  });

  it('is 0 when two segments share a centroid the vector sits on', () => {
    expect(scoreVector([1], manifest([[1], [1]])).confidence).toBe(0);
  });
});

describe('scoreVector reasons', () => {
  it('has one contribution per feature, adding up to d(runnerUp) - d(chosen), strongest first (500 random cases)', () => {
    const rand = mulberry32(424242);
    let checked = 0;
    for (let n = 0; n < 500; n++) {
      const { z, centroids } = randomCase(rand);
      if (centroids.length < 2) continue;
      const score = scoreVector(z, manifest(centroids));
      const sorted = centroids.map((c) => refDistance(z, c)).sort((a, b) => a - b);
      const total = score.reasons.reduce((sum, r) => sum + r.contribution, 0);
      expect(score.reasons).toHaveLength(z.length);
      expect(total, `case ${n}`).toBeCloseTo(sorted[1]! - sorted[0]!, 9);
      for (let i = 1; i < score.reasons.length; i++) {
        expect(score.reasons[i - 1]!.contribution).toBeGreaterThanOrEqual(score.reasons[i]!.contribution);
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('names each feature with its label and z value and computes its pull', () => {
    // chosen a = [0, 0, 0], runner-up b = [4, 0, -1]; z = [1, 5, 0]
    // f0: (1-4)² - 1² = 8; f1: 5² - 5² = 0; f2: (0+1)² - 0² = 1
    const score = scoreVector([1, 5, 0], manifest([[0, 0, 0], [4, 0, -1], [50, 50, 50]]));
    expect(score.segment).toBe('s0');
    expect(score.reasons).toEqual([
      { feature: 'f0', label: 'feature 0', z: 1, contribution: 8 },
      { feature: 'f2', label: 'feature 2', z: 0, contribution: 1 },
      { feature: 'f1', label: 'feature 1', z: 5, contribution: 0 },
    ]);
  });

  it('reports a feature that pulls towards the runner-up with a negative contribution', () => {
    // chosen a = [0, 0], runner-up b = [3, 2]; z = [0, 1.5]: f0 = 9 - 0 = 9, f1 = 0.25 - 2.25 = -2
    const score = scoreVector([0, 1.5], manifest([[0, 0], [3, 2]]));
    expect(score.segment).toBe('s0');
    expect(score.reasons.map((r) => [r.feature, r.contribution])).toEqual([['f0', 9], ['f1', -2]]);
  });
});
