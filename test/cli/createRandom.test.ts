import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/cli/createRandom';

describe('createRandom', () => {
  it('gives the same sequence for the same seed, and a different one for another seed', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const first = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(first);
    expect(Array.from({ length: 5 }, c)).not.toEqual(first);
  });

  it('pins the documented first value, so a seed means the same thing on every machine', () => {
    expect(createRandom(42)()).toBe(0.6011037519201636);
  });

  it('is uniform in [0, 1)', () => {
    const random = createRandom(7);
    const values = Array.from({ length: 20_000 }, random);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    expect(mean).toBeCloseTo(0.5, 2);
    const deciles = new Array(10).fill(0);
    for (const v of values) deciles[Math.floor(v * 10)]++;
    for (const count of deciles) expect(Math.abs(count - 2000)).toBeLessThan(200);
  });

  it('rejects a seed that is not a finite number', () => {
    expect(() => createRandom(Number.NaN)).toThrow(/seed/);
  });
});
