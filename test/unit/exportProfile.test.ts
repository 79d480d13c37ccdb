import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/model/dayNumber';
import { exportProfile } from '../../src/model/exportProfile';
import type { ProfileBucket } from '../../src/types/profile';

const settings = { paused: false, personalizationOff: false, blockedTopics: [] };
const NOW = Date.UTC(2026, 10, 25, 12);
const today = dayNumber(NOW);

describe('exportProfile ("Download my data")', () => {
  it('holds every stored field of every bucket: a reader can rebuild what is kept', () => {
    const buckets: ProfileBucket[] = [
      { day: today, signal: 'click', topic: 'tents', action: 'save', count: 3, sum: 3, max: 1 },
      // Two page dwells of 4 s and 41 s: the longest is stored too (a `max` feature reads it).
      { day: today - 1, signal: 'dwell', topic: 'tents', action: '', count: 2, sum: 45, max: 41 },
      // Values whose sum equals their count still have a largest one.
      { day: today, signal: 'custom:rating', topic: '', action: '', count: 2, sum: 2, max: 1.5 },
    ];
    const exported = exportProfile(buckets, settings, 'bazaar-2026-11-20', 'camper', NOW);
    expect(exported.buckets).toEqual([
      { day: '2026-11-24', signal: 'dwell', topic: 'tents', count: 2, sum: 45, max: 41 },
      { day: '2026-11-25', signal: 'click', topic: 'tents', action: 'save', count: 3 },
      { day: '2026-11-25', signal: 'custom:rating', count: 2, max: 1.5 },
    ]);
    const rebuilt = exported.buckets.map((b) => ({ signal: b.signal, topic: b.topic ?? '', action: b.action ?? '', count: b.count, sum: b.sum ?? b.count, max: b.max ?? 1 }));
    expect(rebuilt).toEqual(
      [buckets[1]!, buckets[0]!, buckets[2]!].map(({ day: _, ...rest }) => rest),
    );
  });
});
