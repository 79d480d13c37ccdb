import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/cli/createRandom';
import { describeCentroid, standardizeRows, trainManifest } from '../../src/cli/trainManifest';
import type { TrainingSpec } from '../../src/cli/trainingSpec';
import { standardize } from '../../src/model/computeFeatures';
import { scoreVector } from '../../src/model/scoreVector';
import { validateManifest } from '../../src/model/validateManifest';

const gaussian = (random: () => number) => () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

const spec: TrainingSpec = {
  id: 'shop-test',
  features: [
    { name: 'product_views', signal: 'view', topic: 'product', agg: 'sum', transform: 'log1p', label: 'product pages viewed' },
    { name: 'exit_rate', signal: 'click', agg: 'rate', per: { signal: 'view' }, transform: 'none', label: 'exit rate' },
    { name: 'cart_adds', signal: 'action', action: 'add-to-cart', agg: 'count', transform: 'log1p', label: 'cart adds' },
    { name: 'dwell', signal: 'dwell', agg: 'mean', transform: 'none', label: 'seconds per page' },
  ],
};

/**
 * Three kinds of visitors with raw (untransformed) values: 150 browsers, 100 researchers who
 * read many product pages, 50 buyers who add to cart. Counts are whole numbers, as in a shop.
 */
function visitors(seed = 1): { rows: Record<string, number>[]; kinds: number[] } {
  const random = createRandom(seed);
  const normal = gaussian(random);
  const count = (mean: number) => Math.max(0, Math.round(mean * Math.exp(0.3 * normal())));
  const kinds = [...new Array(150).fill(0), ...new Array(100).fill(1), ...new Array(50).fill(2)] as number[];
  const rows = kinds.map((kind) => ({
    product_views: count([2, 40, 10][kind]!),
    exit_rate: Math.min(1, Math.max(0, [0.7, 0.2, 0.1][kind]! + 0.05 * normal())),
    cart_adds: count([0.2, 0.5, 6][kind]!),
    dwell: [20, 90, 45][kind]! + 5 * normal(),
  }));
  return { rows, kinds };
}

const NOW = new Date('2026-11-20T00:00:00Z');

describe('trainManifest', () => {
  const { rows, kinds } = visitors();
  const trained = trainManifest(rows, spec, { k: 3, seed: 1, now: NOW });
  const { manifest, sizes, assignments } = trained;

  it('writes a manifest that passes validateManifest, with the defaults and the dates filled in', () => {
    expect(validateManifest(manifest).ok).toBe(true);
    expect(manifest).toMatchObject({
      inkling: 1,
      id: 'shop-test',
      issued: '2026-11-20T00:00:00.000Z',
      expires: '2026-12-20T00:00:00.000Z',
      window: { days: 30, halfLifeDays: 7 },
      minEvidence: 5,
      hysteresis: 0.1,
    });
    expect(manifest.signature).toBeUndefined();
    expect(manifest.features.map((f) => f.name)).toEqual(spec.features.map((f) => f.name));
    expect(manifest.features[1]!.per).toEqual({ signal: 'view' });
  });

  it('expires after the spec\'s validDays (30 by default)', () => {
    const { rows } = visitors();
    const year = trainManifest(rows, { ...spec, validDays: 365 }, { k: 3, seed: 1, now: NOW }).manifest;
    expect(year.expires).toBe('2027-11-20T00:00:00.000Z');
    expect(trainManifest(rows, spec, { k: 3, seed: 1, now: NOW }).manifest.expires).toBe('2026-12-20T00:00:00.000Z');
  });

  it('finds the three kinds of visitor and orders segments by size, largest first', () => {
    expect(manifest.segments.map((s) => s.id)).toEqual(['segment-1', 'segment-2', 'segment-3']);
    expect(sizes).toEqual([150, 100, 50]);
    kinds.forEach((kind, i) => expect(assignments[i]).toBe(kind));
  });

  it('learns each feature mean and std as the population statistics of the transformed values', () => {
    spec.features.forEach((f, j) => {
      const values = rows.map((r) => (f.transform === 'log1p' ? Math.log1p(r[f.name]!) : r[f.name]!));
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      const std = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
      expect(manifest.features[j]!.mean).toBeCloseTo(mean, 12);
      expect(manifest.features[j]!.std).toBeCloseTo(std, 12);
    });
  });

  it('assigns every training row to the segment the browser will pick (standardize + scoreVector)', () => {
    rows.forEach((row, i) => {
      const z = manifest.features.map((f) => standardize(f, row[f.name]!));
      expect(scoreVector(z, manifest).segment).toBe(manifest.segments[assignments[i]!]!.id);
    });
  });

  it('keeps that promise with feature weights, clustering in the weighted space', () => {
    const weighted: TrainingSpec = { ...spec, features: spec.features.map((f, j) => ({ ...f, weight: [2, 1, 0.5, 0][j]! })) };
    const result = trainManifest(rows, weighted, { k: 4, seed: 3, now: NOW });
    expect(result.manifest.features.map((f) => f.weight)).toEqual([2, 1, 0.5, 0]);
    rows.forEach((row, i) => {
      const z = result.manifest.features.map((f) => standardize(f, row[f.name]!));
      expect(scoreVector(z, result.manifest).segment).toBe(result.manifest.segments[result.assignments[i]!]!.id);
    });
  });

  it('centroids are the means of their rows in z units', () => {
    manifest.segments.forEach((segment, s) => {
      const members = rows.filter((_, i) => assignments[i] === s);
      manifest.features.forEach((f, j) => {
        const mean = members.reduce((sum, row) => sum + standardize(f, row[f.name]!), 0) / members.length;
        expect(segment.centroid[j]).toBeCloseTo(mean, 12);
      });
    });
  });

  it('suggests labels from the most distinctive features', () => {
    const researchers = manifest.segments[1]!;
    expect(researchers.label).toMatch(/^High (product pages viewed|seconds per page), (high|low) /);
    expect(researchers.description).toMatch(/above average/);
    expect(researchers.description).toMatch(/\.$/);
    const buyers = manifest.segments[2]!;
    expect(buyers.label).toMatch(/^High cart adds/);
  });

  it('is deterministic for a seed, and lets options override the id', () => {
    const again = trainManifest(rows, spec, { k: 3, seed: 1, now: NOW });
    expect(again.manifest).toEqual(manifest);
    expect(trainManifest(rows, { ...spec, id: undefined }, { k: 3, now: NOW }).manifest.id).toBe('inkling-2026-11-20');
    expect(trainManifest(rows, spec, { k: 3, id: 'override', now: NOW }).manifest.id).toBe('override');
  });

  it('keeps the spec window, minEvidence and hysteresis', () => {
    const custom = trainManifest(rows, { ...spec, window: { days: 14, halfLifeDays: 3 }, minEvidence: 2, hysteresis: 0.2 }, { k: 2, now: NOW });
    expect(custom.manifest).toMatchObject({ window: { days: 14, halfLifeDays: 3 }, minEvidence: 2, hysteresis: 0.2 });
  });

  it('names a constant feature', () => {
    const flat = rows.map((r) => ({ ...r, exit_rate: 0.5 }));
    expect(() => trainManifest(flat, spec, { k: 3 })).toThrow('features[1] "exit_rate" is constant (std 0): drop it or add data');
  });

  it('names the row and column of a bad cell', () => {
    const bad = rows.map((r) => ({ ...r }));
    (bad[4] as Record<string, unknown>).cart_adds = 'abc';
    expect(() => trainManifest(bad, spec, { k: 3 })).toThrow('row 5, column "cart_adds": "abc" is not a finite number');
    const missing = rows.map((r) => ({ ...r }));
    delete (missing[9] as Record<string, unknown>).dwell;
    expect(() => trainManifest(missing, spec, { k: 3 })).toThrow('row 10: column "dwell" is missing');
    const infinite = rows.map((r) => ({ ...r }));
    infinite[2]!.dwell = Infinity;
    expect(() => trainManifest(infinite, spec, { k: 3 })).toThrow('row 3, column "dwell": Infinity is not a finite number');
    const negative = rows.map((r) => ({ ...r }));
    negative[0]!.product_views = -3;
    expect(() => trainManifest(negative, spec, { k: 3 })).toThrow(/row 1, column "product_views": log1p needs a value of 0 or more/);
    // Inside log1p's own domain, but the SDK reads it as 0: trained as log1p(-0.5) it would disagree.
    negative[0]!.product_views = -0.5;
    expect(() => trainManifest(negative, spec, { k: 3 })).toThrow('row 1, column "product_views": log1p needs a value of 0 or more (the SDK reads less as 0), got -0.5');
  });

  it('refuses more segments than rows', () => {
    expect(() => trainManifest(rows.slice(0, 5), spec, { k: 7 })).toThrow('k (7) is larger than the number of rows (5)');
  });

  it('throws when the result would not be a valid manifest', () => {
    expect(() => trainManifest(rows, { ...spec, hysteresis: 2 }, { k: 2 })).toThrow(/hysteresis must be ≥ 0 and < 1/);
  });
});

describe('standardizeRows', () => {
  it('produces exactly what the browser computes with standardize()', () => {
    const { rows } = visitors(2);
    const { features, z } = standardizeRows(rows, spec.features);
    rows.forEach((row, i) => features.forEach((f, j) => expect(z.data[i * z.dimensions + j]).toBe(standardize(f, row[f.name]!))));
  });
});

describe('describeCentroid', () => {
  it('names the strongest features with their direction', () => {
    const features = [{ name: 'a', label: 'product pages viewed' }, { name: 'b', label: 'exit rate' }, { name: 'c', label: 'cart adds' }, { name: 'd', label: '' }];
    expect(describeCentroid([1.8, -1.2, 0.4, 0.1], features)).toEqual({
      label: 'High product pages viewed, low exit rate',
      description: 'Product pages viewed far above average, exit rate below average and cart adds slightly above average.',
    });
    expect(describeCentroid([0, 0, 0, 0.1], features).label).toBe('Close to average');
    expect(describeCentroid([0, 0, 0, -2], features).label).toBe('Low d');
  });
});
