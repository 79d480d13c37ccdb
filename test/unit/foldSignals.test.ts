import { describe, expect, it } from 'vitest';
import { isBucket } from '../../src/model/boundProfile';
import { bucketKey, foldSignals, MAX_SIGNAL_VALUE, mergeBucket } from '../../src/model/foldSignals';
import { MAX_NAME_LENGTH, storedName } from '../../src/model/storedName';
import type { ProfileBucket } from '../../src/types/profile';
import type { Signal } from '../../src/types/signal';

// Noon local time, so that a few minutes either way stay on the same local day.
const NOON = new Date(2026, 10, 20, 12).getTime();
const signal = (over: Partial<Signal> = {}): Signal => ({ signal: 'click', topic: 'tents', value: 1, at: NOON, ...over });
const bucket = (over: Partial<ProfileBucket> = {}): ProfileBucket => ({
  day: 100, signal: 'click', topic: 'tents', action: '', count: 1, sum: 1, max: 1, ...over,
});

describe('foldSignals', () => {
  it('folds signals of one day, signal, topic and action into a single bucket with count, sum and max', () => {
    const buckets = foldSignals([
      signal({ signal: 'dwell', value: 3 }),
      signal({ signal: 'dwell', value: 10, at: NOON + 60_000 }),
      signal({ signal: 'dwell', value: 2, at: NOON - 60_000 }),
    ]);
    expect(buckets).toHaveLength(1);
    expect(buckets[0]).toMatchObject({ signal: 'dwell', topic: 'tents', action: '', count: 3, sum: 15, max: 10 });
  });

  it('keeps separate buckets per (signal, topic) and per (signal, action): a click with an action also counts as an action', () => {
    const buckets = foldSignals([
      signal(),
      signal(),
      signal({ topic: 'bikes' }),
      signal({ signal: 'view' }),
      signal({ action: 'compare' }),
      signal({ action: 'compare' }),
    ]);
    const summary = buckets.map((b) => `${b.signal}/${b.topic}/${b.action}=${b.count}`).sort();
    expect(summary).toEqual(['action//compare=2', 'click/bikes/=1', 'click/tents/=4', 'view/tents/=1']);
  });

  it('keeps a context signal\'s kind and class together', () => {
    const buckets = foldSignals([signal({ signal: 'context', topic: 'device', action: 'mobile' })]);
    expect(buckets.map((b) => `${b.signal}/${b.topic}/${b.action}`)).toEqual(['context/device/mobile']);
  });

  it('cuts names longer than 64 characters, so a page cannot bloat the profile', () => {
    const [b] = foldSignals([signal({ topic: 'x'.repeat(500) })]);
    expect(b!.topic).toHaveLength(64);
  });

  it('stores a missing topic or action as the empty string', () => {
    const [b] = foldSignals([{ signal: 'scroll', value: 0.5, at: NOON }]);
    expect(b).toMatchObject({ signal: 'scroll', topic: '', action: '', count: 1, sum: 0.5, max: 0.5 });
  });

  it('buckets by local calendar day: one millisecond either side of local midnight is two days', () => {
    const midnight = new Date(2026, 10, 21).getTime();
    const buckets = foldSignals([signal({ at: midnight - 1 }), signal({ at: midnight }), signal({ at: midnight + 1000 })]);
    expect(buckets).toHaveLength(2);
    const [before, after] = [...buckets].sort((a, b) => a.day - b.day);
    expect(after!.day - before!.day).toBe(1);
    expect(before!.count).toBe(1);
    expect(after!.count).toBe(2);
  });

  it('skips signals whose value or time is not finite', () => {
    const buckets = foldSignals([
      signal({ value: 4 }),
      signal({ value: Number.NaN }),
      signal({ value: Number.POSITIVE_INFINITY }),
      signal({ value: Number.NEGATIVE_INFINITY }),
      signal({ at: Number.NaN }),
      signal({ at: Number.POSITIVE_INFINITY }),
      signal({ signal: 'view', value: Number.NaN }),
    ]);
    expect(buckets).toHaveLength(1);
    expect(buckets[0]).toMatchObject({ signal: 'click', count: 1, sum: 4, max: 4 });
  });

  it('clamps values to ±MAX_SIGNAL_VALUE, so two huge values leave a finite bucket the profile check keeps', () => {
    const [b] = foldSignals([signal({ value: 1e308 }), signal({ value: 1e308 }), signal({ value: -1e308 })]);
    expect(b).toMatchObject({ count: 3, sum: MAX_SIGNAL_VALUE, max: MAX_SIGNAL_VALUE });
    expect(isBucket(mergeBucket(b, b!))).toBe(true);
  });

  it('keeps the largest value even when all values are negative', () => {
    const [b] = foldSignals([signal({ value: -3 }), signal({ value: -1 }), signal({ value: -7 })]);
    expect(b).toMatchObject({ count: 3, sum: -11, max: -1 });
  });

  it('returns no buckets for an empty batch and does not modify its input', () => {
    expect(foldSignals([])).toEqual([]);
    const batch = [signal({ value: 2 }), signal({ value: 5 })];
    const copy = structuredClone(batch);
    foldSignals(batch);
    expect(batch).toEqual(copy);
  });
});

describe('storedName', () => {
  it('is the name as foldSignals stores it: cut to MAX_NAME_LENGTH, empty when missing', () => {
    const long = 'camping-and-hiking-'.repeat(5);
    expect(storedName(long)).toBe(long.slice(0, MAX_NAME_LENGTH));
    expect(storedName(long)).toBe(foldSignals([signal({ topic: long })])[0]!.topic);
    expect(storedName('tents')).toBe('tents');
    expect(storedName(undefined)).toBe('');
  });
});

describe('bucketKey', () => {
  it('orders the key as day, signal, topic, action', () => {
    expect(bucketKey(bucket({ day: 7, signal: 'view', topic: 'tents', action: 'buy' }))).toEqual([7, 'view', 'tents', 'buy']);
  });
});

describe('mergeBucket', () => {
  it('returns a copy of the delta when there is nothing to merge into', () => {
    const delta = bucket({ count: 2, sum: 5, max: 4 });
    const merged = mergeBucket(undefined, delta);
    expect(merged).toEqual(delta);
    expect(merged).not.toBe(delta);
  });

  it('adds counts and sums and keeps the larger max', () => {
    const into = bucket({ count: 3, sum: 9, max: 6 });
    expect(mergeBucket(into, bucket({ count: 2, sum: 5, max: 4 }))).toMatchObject({ count: 5, sum: 14, max: 6 });
    expect(mergeBucket(into, bucket({ count: 1, sum: 8, max: 8 }))).toMatchObject({ count: 4, sum: 17, max: 8 });
  });

  it('keeps the key of the stored bucket and does not modify either argument', () => {
    const into = bucket({ day: 42, topic: 'bikes', action: 'compare', count: 3, sum: 9, max: 6 });
    const delta = bucket({ day: 42, topic: 'bikes', action: 'compare', count: 2, sum: 5, max: 7 });
    const merged = mergeBucket(into, delta);
    expect(bucketKey(merged)).toEqual([42, 'click', 'bikes', 'compare']);
    expect(into).toMatchObject({ count: 3, sum: 9, max: 6 });
    expect(delta).toMatchObject({ count: 2, sum: 5, max: 7 });
  });

  it('agrees with folding the two batches at once', () => {
    const first = [signal({ value: 2 }), signal({ value: 9 })];
    const second = [signal({ value: 4 }), signal({ value: 1 }), signal({ value: 3 })];
    const [a] = foldSignals(first);
    const [b] = foldSignals(second);
    const [all] = foldSignals([...first, ...second]);
    expect(mergeBucket(a, b!)).toEqual(all);
  });
});
