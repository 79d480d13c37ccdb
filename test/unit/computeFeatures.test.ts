import { describe, expect, it } from 'vitest';
import { bucketsInWindow, computeFeatures } from '../../src/model/computeFeatures';
import type { FeatureSpec, Manifest } from '../../src/types/manifest';
import type { ProfileBucket } from '../../src/types/profile';

const TODAY = 20_412;

/** A feature with no transform and a unit z-score, so `z` equals `raw` unless a test says otherwise. */
const feature = (over: Partial<FeatureSpec> = {}): FeatureSpec => ({
  name: 'f', signal: 'click', agg: 'sum', transform: 'none', mean: 0, std: 1, label: 'f', ...over,
});
const manifest = (features: FeatureSpec[], window = { days: 30, halfLifeDays: 7 }): Manifest => ({
  inkling: 1, id: 'm', window, minEvidence: 0, hysteresis: 0, features,
  segments: [{ id: 'only', label: 'Only', centroid: features.map(() => 0) }],
});
const bucket = (over: Partial<ProfileBucket> = {}): ProfileBucket => ({
  day: TODAY, signal: 'click', topic: '', action: '', count: 1, sum: 1, max: 1, ...over,
});
const rawOf = (f: FeatureSpec, buckets: ProfileBucket[], m = manifest([f])): number => computeFeatures(buckets, m, TODAY).raw[0]!;

describe('computeFeatures aggregates', () => {
  const buckets = [
    bucket({ topic: 'a', count: 2, sum: 7, max: 5 }),
    bucket({ topic: 'b', count: 3, sum: 4, max: 2 }),
  ];

  it('sums values with agg "sum"', () => {
    expect(rawOf(feature({ agg: 'sum' }), buckets)).toBe(11);
  });

  it('counts events with agg "count"', () => {
    expect(rawOf(feature({ agg: 'count' }), buckets)).toBe(5);
  });

  it('takes the largest single value with agg "max"', () => {
    expect(rawOf(feature({ agg: 'max' }), buckets)).toBe(5);
  });

  it('does not decay "max": an old maximum still counts in full', () => {
    const old = [bucket({ day: TODAY - 14, max: 9 }), bucket({ max: 3 })];
    expect(rawOf(feature({ agg: 'max' }), old)).toBe(9);
  });

  it('is 0 for every aggregate when nothing matches', () => {
    for (const agg of ['sum', 'count', 'max'] as const) expect(rawOf(feature({ agg, signal: 'view' }), buckets)).toBe(0);
  });

  it('computes one value per feature, in manifest order', () => {
    const m = manifest([feature({ name: 'c', agg: 'count' }), feature({ name: 's', agg: 'sum' }), feature({ name: 'x', agg: 'max' })]);
    expect(computeFeatures(buckets, m, TODAY).raw).toEqual([5, 11, 5]);
  });
});

describe('computeFeatures filters', () => {
  const buckets = [
    bucket({ signal: 'click', topic: 'tents', action: '', sum: 1 }),
    bucket({ signal: 'click', topic: 'tents', action: 'compare', sum: 10 }),
    bucket({ signal: 'click', topic: 'bikes', action: 'compare', sum: 100 }),
    bucket({ signal: 'click', topic: '', action: '', sum: 1000 }),
    bucket({ signal: 'view', topic: 'tents', action: '', sum: 10_000 }),
  ];

  it('reads only buckets of its own signal', () => {
    expect(rawOf(feature({ signal: 'view' }), buckets)).toBe(10_000);
    expect(rawOf(feature({ signal: 'click' }), buckets)).toBe(1111);
  });

  it('reads only buckets of its topic when it names one', () => {
    expect(rawOf(feature({ topic: 'tents' }), buckets)).toBe(11);
    expect(rawOf(feature({ topic: 'bikes' }), buckets)).toBe(100);
  });

  it('reads only buckets of its action when it names one', () => {
    expect(rawOf(feature({ action: 'compare' }), buckets)).toBe(110);
  });

  it('combines topic and action filters', () => {
    expect(rawOf(feature({ topic: 'tents', action: 'compare' }), buckets)).toBe(10);
    expect(rawOf(feature({ topic: 'bikes', action: '' }), buckets)).toBe(0);
  });

  it('treats an empty-string topic as "no topic", not as "any topic"', () => {
    expect(rawOf(feature({ topic: '' }), buckets)).toBe(1000);
  });

  it('reads custom signals by their full name', () => {
    const custom = [bucket({ signal: 'custom:compare', sum: 4 }), bucket({ signal: 'custom:share', sum: 9 })];
    expect(rawOf(feature({ signal: 'custom:compare' }), custom)).toBe(4);
  });
});

describe('computeFeatures decay and window', () => {
  it('weighs sums and counts by the half-life: 1 today, 1/2 one half-life ago, 1/4 two', () => {
    const buckets = [
      bucket({ day: TODAY, count: 1, sum: 8 }),
      bucket({ day: TODAY - 7, count: 2, sum: 8 }),
      bucket({ day: TODAY - 14, count: 4, sum: 8 }),
    ];
    expect(rawOf(feature({ agg: 'sum' }), buckets)).toBeCloseTo(8 + 4 + 2, 12);
    expect(rawOf(feature({ agg: 'count' }), buckets)).toBeCloseTo(1 + 1 + 1, 12);
  });

  it("uses the manifest's half-life", () => {
    const buckets = [bucket({ day: TODAY - 2, sum: 8 })];
    const f = feature();
    expect(rawOf(f, buckets, manifest([f], { days: 30, halfLifeDays: 1 }))).toBeCloseTo(2, 12);
    expect(rawOf(f, buckets, manifest([f], { days: 30, halfLifeDays: 2 }))).toBeCloseTo(4, 12);
  });

  it('keeps the last `days` days including today, and drops anything older', () => {
    const f = feature({ agg: 'count' });
    const m = manifest([f], { days: 30, halfLifeDays: 1e9 }); // no practical decay
    expect(rawOf(f, [bucket({ day: TODAY - 29 })], m)).toBeCloseTo(1, 6);
    expect(rawOf(f, [bucket({ day: TODAY - 30 })], m)).toBe(0);
    expect(rawOf(f, [bucket({ day: TODAY - 400 })], m)).toBe(0);
  });

  it('drops buckets dated after today (clock moved back)', () => {
    const f = feature({ agg: 'count' });
    expect(rawOf(f, [bucket({ day: TODAY + 1, count: 5 }), bucket({ count: 2 })])).toBe(2);
    expect(rawOf(feature({ agg: 'max' }), [bucket({ day: TODAY + 1, max: 50 }), bucket({ max: 2 })])).toBe(2);
  });

  it('bucketsInWindow keeps exactly the buckets from today - days + 1 to today', () => {
    const all = [-1, 0, 1, 9, 10, 11].map((age) => bucket({ day: TODAY - age }));
    const kept = bucketsInWindow(all, manifest([feature()], { days: 10, halfLifeDays: 7 }), TODAY);
    expect(kept.map((b) => TODAY - b.day)).toEqual([0, 1, 9]);
  });
});

describe('computeFeatures transform and z-score', () => {
  const buckets = [bucket({ sum: 7 })];

  it('applies log1p before standardising', () => {
    const { raw, z } = computeFeatures(buckets, manifest([feature({ transform: 'log1p' })]), TODAY);
    expect(raw[0]).toBe(7);
    expect(z[0]).toBeCloseTo(Math.log(8), 12);
  });

  it('leaves the value alone with transform "none"', () => {
    expect(computeFeatures(buckets, manifest([feature({ transform: 'none' })]), TODAY).z[0]).toBe(7);
  });

  it("z-scores with the feature's mean and std", () => {
    const m = manifest([feature({ mean: 3, std: 2 }), feature({ name: 'g', transform: 'log1p', mean: 1, std: 0.5 })]);
    const { z } = computeFeatures(buckets, m, TODAY);
    expect(z[0]).toBeCloseTo((7 - 3) / 2, 12);
    expect(z[1]).toBeCloseTo((Math.log(8) - 1) / 0.5, 12);
  });

  it('reads a negative aggregate as 0 under log1p (a sum of negative track() values), so z stays finite', () => {
    const m = manifest([feature({ transform: 'log1p', mean: 0.3, std: 0.6 })]);
    const { raw, z } = computeFeatures([bucket({ sum: -5 })], m, TODAY);
    expect(raw[0]).toBe(-5);
    expect(z[0]).toBeCloseTo(-0.5, 12);
  });

  it('counts a standardised value that is not finite as 0 (the average visitor), not NaN or Infinity', () => {
    // Two stored sums near Number.MAX_VALUE add up to Infinity.
    const huge = [bucket({ topic: 'a', sum: 1e308 }), bucket({ topic: 'b', sum: 1e308 })];
    const { raw, z } = computeFeatures(huge, manifest([feature()]), TODAY);
    expect(raw[0]).toBe(Infinity);
    expect(z[0]).toBe(0);
  });

  it('maps an empty profile to -mean/std (log1p(0) = 0)', () => {
    const m = manifest([feature({ transform: 'log1p', mean: 0.3, std: 0.6 }), feature({ name: 'g', mean: 2, std: 4 })]);
    const { raw, z } = computeFeatures([], m, TODAY);
    expect(raw).toEqual([0, 0]);
    expect(z[0]).toBeCloseTo(-0.5, 12);
    expect(z[1]).toBeCloseTo(-0.5, 12);
  });
});
