import { describe, expect, it } from 'vitest';
import { decide } from '../../src/model/decide';
import type { ProfileBucket } from '../../src/types/profile';
import { twoFeatureManifest } from '../support/twoFeatureManifest';

const TODAY = 20_777;
const NOW = Date.UTC(2026, 10, 20, 12);

const manifest = twoFeatureManifest;
const clicks = (count: number, day = TODAY): ProfileBucket => ({ day, signal: 'click', topic: 'tents', action: '', count, sum: count, max: 1 });
const views = (count: number, day = TODAY): ProfileBucket => ({ day, signal: 'view', topic: 'books', action: '', count, sum: count, max: 1 });

describe('decide', () => {
  it('is default below minEvidence, with label, note and zero confidence', () => {
    const d = decide([clicks(4)], manifest(), NOW, TODAY);
    expect(d).toMatchObject({ segment: 'default', label: 'Default', note: 'not enough activity yet', confidence: 0 });
  });

  it('is default on an empty profile', () => {
    expect(decide([], manifest(), NOW, TODAY).segment).toBe('default');
  });

  it('picks the nearest segment with its label once evidence reaches minEvidence', () => {
    const d = decide([clicks(5)], manifest(), NOW, TODAY);
    expect(d.segment).toBe('camper');
    expect(d.label).toBe('Weekend camper');
    expect(d.note).toBeUndefined();
    expect(d.confidence).toBe(1); // exactly on the camper centroid
  });

  it('picks another segment when the profile points there', () => {
    const d = decide([views(4), clicks(1)], manifest(), NOW, TODAY);
    expect(d.segment).toBe('reader');
    expect(d.label).toBe('Bookworm');
    // d(reader) = 1 + 1 = 2, d(camper) = 16 + 16 = 32
    expect(d.distances).toEqual({ camper: 32, reader: 2 });
    expect(d.confidence).toBeCloseTo(1 - 2 / 32, 12);
  });

  it('counts events of every signal as evidence, not buckets or values', () => {
    // One bucket of 5 events is enough…
    expect(decide([views(5)], manifest(), NOW, TODAY).segment).toBe('reader');
    // …but 4 events with large values are not.
    const heavy: ProfileBucket = { ...clicks(4), sum: 400, max: 100 };
    expect(decide([heavy], manifest(), NOW, TODAY).segment).toBe('default');
  });

  it('counts as evidence only the events some feature reads (page views and context do not make a segment)', () => {
    const scrolls: ProfileBucket = { day: TODAY, signal: 'scroll', topic: '', action: '', count: 4, sum: 2, max: 1 };
    const decision = decide([scrolls, clicks(1)], manifest(), NOW, TODAY);
    expect(decision.segment).toBe('default');
    expect(decision.note).toBe('not enough activity yet');
  });

  it('counts only buckets inside the window as evidence', () => {
    const old = clicks(50, TODAY - 30);
    const future = clicks(50, TODAY + 1);
    expect(decide([old, future, clicks(4)], manifest(), NOW, TODAY).segment).toBe('default');
    expect(decide([clicks(1, TODAY - 29), clicks(4)], manifest(), NOW, TODAY).segment).toBe('camper');
  });

  it('does not decay evidence: old events in the window count in full', () => {
    expect(decide([clicks(5, TODAY - 28)], manifest(), NOW, TODAY).segment).toBe('camper');
  });

  it('decides on the nearest segment when minEvidence is 0, even with no activity', () => {
    const d = decide([], manifest({ minEvidence: 0, segments: [{ id: 'new', label: 'Newcomer', centroid: [0, 0] }] }), NOW, TODAY);
    expect(d.segment).toBe('new');
    expect(d.note).toBeUndefined();
  });

  it('gives reasons with the raw aggregate before transform and z-scoring', () => {
    const m = manifest();
    m.features[0] = { ...m.features[0]!, transform: 'log1p', mean: 1, std: 2 };
    // Decayed sum: 6 today + 4 one half-life ago × 0.5 = 8.
    const d = decide([clicks(6), clicks(4, TODAY - 7), views(3)], m, NOW, TODAY);
    const tents = d.reasons.find((r) => r.feature === 'tent_clicks');
    const books = d.reasons.find((r) => r.feature === 'book_views');
    expect(tents).toMatchObject({ label: 'tent pages clicked' });
    expect(tents!.raw).toBeCloseTo(8, 12);
    expect(tents!.z).toBeCloseTo((Math.log1p(8) - 1) / 2, 12);
    expect(books).toMatchObject({ label: 'book pages viewed', raw: 3, z: 3 });
  });

  it('keeps distances and reasons on a default decision, for explanations', () => {
    const d = decide([clicks(2)], manifest(), NOW, TODAY);
    expect(d.segment).toBe('default');
    expect(d.distances).toEqual({ camper: 9, reader: 29 });
    expect(d.reasons.map((r) => r.feature).sort()).toEqual(['book_views', 'tent_clicks']);
    expect(d.reasons.find((r) => r.feature === 'tent_clicks')!.raw).toBe(2);
  });

  it('sets manifestId, the window the reasons cover, and decidedAt', () => {
    const d = decide([clicks(5)], manifest({ id: 'shop-7', window: { days: 14, halfLifeDays: 7 } }), NOW + 1234, TODAY);
    expect(d.manifestId).toBe('shop-7');
    expect(d.windowDays).toBe(14);
    expect(d.decidedAt).toBe(NOW + 1234);
    const dflt = decide([], manifest({ id: 'shop-8' }), NOW, TODAY);
    expect(dflt.manifestId).toBe('shop-8');
    expect(dflt.decidedAt).toBe(NOW);
  });

  it('stays finite when a log1p feature reads a negative sum (negative track() values)', () => {
    const m = manifest({
      features: [
        { name: 'spend', signal: 'custom:spend', agg: 'sum', transform: 'log1p', mean: 0, std: 1, label: 'spend' },
        { name: 'book_views', signal: 'view', topic: 'books', agg: 'count', transform: 'none', mean: 0, std: 1, label: 'book pages viewed' },
      ],
    });
    const spend: ProfileBucket = { day: TODAY, signal: 'custom:spend', topic: '', action: '', count: 1, sum: -5, max: -5 };
    const d = decide([spend, views(5)], m, NOW, TODAY);
    // Without the clamp every distance is NaN and the first segment (camper) wins with confidence NaN.
    expect(d.segment).toBe('reader');
    expect(Number.isFinite(d.confidence)).toBe(true);
  });

  it('passes the current segment on to hysteresis', () => {
    // z = (3, 2): d(camper) = 4 + 4 = 8, d(reader) = 9 + 9 = 18; 8 is not below (1 - 0.6) × 18 = 7.2
    const buckets = [clicks(3), views(2)];
    const m = manifest({ hysteresis: 0.6 });
    expect(decide(buckets, m, NOW, TODAY).segment).toBe('camper');
    expect(decide(buckets, m, NOW, TODAY, 'reader').segment).toBe('reader');
  });
});
