import { describe, expect, it } from 'vitest';
import { decayWeight } from '../../src/model/decayWeight';

describe('decayWeight', () => {
  it('weighs today fully and halves once per half-life', () => {
    expect(decayWeight(0, 7)).toBe(1);
    expect(decayWeight(7, 7)).toBeCloseTo(0.5, 12);
    expect(decayWeight(14, 7)).toBeCloseTo(0.25, 12);
    expect(decayWeight(21, 7)).toBeCloseTo(0.125, 12);
  });

  it('decays smoothly between half-lives (0.5^(age/halfLife))', () => {
    expect(decayWeight(1, 2)).toBeCloseTo(Math.SQRT1_2, 12);
    expect(decayWeight(3, 7)).toBeCloseTo(0.7429971445684742, 12);
  });

  it('is strictly decreasing with age and stays positive', () => {
    let previous = decayWeight(0, 5);
    for (let age = 1; age <= 60; age++) {
      const w = decayWeight(age, 5);
      expect(w).toBeLessThan(previous);
      expect(w).toBeGreaterThan(0);
      previous = w;
    }
  });

  it('decays more slowly with a longer half-life', () => {
    expect(decayWeight(10, 30)).toBeGreaterThan(decayWeight(10, 7));
  });

  it('means no decay when the half-life is 0, negative or not a number', () => {
    expect(decayWeight(10, 0)).toBe(1);
    expect(decayWeight(10, -3)).toBe(1);
    expect(decayWeight(10, Number.NaN)).toBe(1);
  });

  it('never weighs a bucket from the future above 1', () => {
    expect(decayWeight(-1, 7)).toBe(1);
    expect(decayWeight(-30, 7)).toBe(1);
  });
});
