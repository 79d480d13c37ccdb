import { describe, expect, it } from 'vitest';
import { bucketsToDrop, isBucket, type ProfileLimits } from '../../src/model/boundProfile';
import type { ProfileBucket } from '../../src/types/profile';

const limits = (over: Partial<ProfileLimits> = {}): ProfileLimits => ({
  today: 100,
  oldestDay: 71,
  maxTopics: 3,
  maxActions: 2,
  maxCustomSignals: 2,
  contextDays: 1,
  maxBuckets: 50,
  ...over,
});
const b = (day: number, signal: string, topic = '', action = '', count = 1): ProfileBucket => ({ day, signal, topic, action, count, sum: count, max: 1 });
const names = (dropped: unknown[]) => (dropped as ProfileBucket[]).map((x) => `${x.day}/${x.signal}/${x.topic}/${x.action}`).sort();

describe('bucketsToDrop', () => {
  it('drops days outside the window and context older than today', () => {
    const rows = [b(70, 'click', 't'), b(71, 'click', 't'), b(99, 'context', 'hour', '9'), b(100, 'context', 'hour', '9')];
    expect(names(bucketsToDrop(rows, limits()))).toEqual(['70/click/t/', '99/context/hour/9']);
  });

  it('drops days more than one ahead of today, which a clock that ran ahead wrote, before they outrank real days', () => {
    const rows = [b(101, 'click', 'tomorrow'), b(102, 'click', 'ahead'), b(900, 'view', 'future'), b(99, 'click', 'a'), b(98, 'click', 'b'), b(97, 'click', 'c')];
    // Without the check, 'ahead' and 'future' would take two of the three topic places from b and c.
    expect(names(bucketsToDrop(rows, limits()))).toEqual(['102/click/ahead/', '900/view/future/', '97/click/c/']);
  });

  it('evicts whole topics over the cap, least recently seen first, then least used', () => {
    const rows = [b(90, 'click', 'old'), b(95, 'view', 'old'), b(99, 'click', 'a', '', 1), b(99, 'click', 'b', '', 5), b(100, 'click', 'new'), b(98, 'click', 'older')];
    // Four topics over a cap of 3… plus 'older': keep new (100), b (99, more used), a (99)
    expect(names(bucketsToDrop(rows, limits()))).toEqual(['90/click/old/', '95/view/old/', '98/click/older/']);
  });

  it('caps actions and custom signal names the same way, and leaves context kinds alone', () => {
    const rows = [
      b(100, 'action', '', 'cart'), b(99, 'action', '', 'save'), b(98, 'action', '', 'share'),
      b(100, 'custom:a'), b(100, 'custom:b'), b(97, 'custom:c'),
      b(100, 'context', 'device', 'mobile'), b(100, 'context', 'referrer', 'search'), b(100, 'context', 'hour', '8'), b(100, 'context', 'hour', '9'),
    ];
    expect(names(bucketsToDrop(rows, limits()))).toEqual(['97/custom:c//', '98/action//share']);
  });

  it('drops the oldest buckets over the total cap', () => {
    const rows = [b(95, 'view', 't', '', 9), b(96, 'view', 't'), b(97, 'click', 't', '', 1), b(97, 'scroll', 't', '', 3)];
    expect(names(bucketsToDrop(rows, limits({ maxBuckets: 2 })))).toEqual(['95/view/t/', '96/view/t/']);
  });

  it('drops corrupt records', () => {
    const corrupt = [{ day: 100, signal: 'click', topic: 't', action: '', count: 'many', sum: 1, max: 1 }, null, { day: 1.5 }];
    const dropped = bucketsToDrop([...corrupt, b(100, 'click', 't')], limits());
    expect(dropped).toEqual(corrupt);
    expect(isBucket(b(100, 'click', 't'))).toBe(true);
    expect(isBucket({ ...b(100, 'click'), sum: Number.NaN })).toBe(false);
  });
});
