import { describe, expect, it } from 'vitest';
import { validateManifest } from '../../src/model/validateManifest';
import type { Manifest } from '../../src/types/manifest';

/** A valid manifest with three features and two segments, fresh for every test. */
const valid = (): Manifest => ({
  inkling: 1,
  id: 'bazaar-2026-11-20',
  issued: '2026-11-20T00:00:00Z',
  expires: '2026-12-20T00:00:00Z',
  window: { days: 30, halfLifeDays: 7 },
  minEvidence: 5,
  hysteresis: 0.1,
  features: [
    { name: 'product_views', signal: 'view', topic: 'product', agg: 'sum', transform: 'log1p', mean: 2.91, std: 1.07, label: 'product pages viewed' },
    { name: 'compare_clicks', signal: 'click', action: 'compare', agg: 'count', transform: 'none', mean: 0.4, std: 0.9, label: 'comparisons' },
    { name: 'longest_dwell', signal: 'dwell', agg: 'max', transform: 'log1p', mean: 3, std: 1, label: 'longest read' },
  ],
  segments: [
    { id: 'researcher', label: 'Careful researcher', description: 'Reads a lot before buying.', centroid: [1.2, 0.8, 1.5] },
    { id: 'quick-buyer', label: 'Quick buyer', centroid: [-0.5, -0.3, -1] },
  ],
  signature: 'c2lnbmF0dXJl',
});

/** Validates a copy of the valid manifest after `change`, and returns the failure. */
function rejected(change: (m: Manifest & Record<string, unknown>) => void) {
  const m = valid() as Manifest & Record<string, unknown>;
  change(m);
  const result = validateManifest(m);
  if (result.ok) throw new Error('expected the manifest to be rejected');
  return result;
}

describe('validateManifest accepts', () => {
  it('a valid manifest, returning it unchanged', () => {
    const m = valid();
    const result = validateManifest(m);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.manifest).toEqual(valid());
  });

  it('a valid manifest that went through JSON', () => {
    expect(validateManifest(JSON.parse(JSON.stringify(valid()))).ok).toBe(true);
  });

  it('optional fields left out, hysteresis 0 and minEvidence 0', () => {
    const m: Manifest = { ...valid(), hysteresis: 0, minEvidence: 0 };
    delete m.issued;
    delete m.expires;
    delete m.signature;
    delete m.segments[0]!.description;
    expect(validateManifest(m).ok).toBe(true);
  });

  it('hysteresis just below 1', () => {
    expect(validateManifest({ ...valid(), hysteresis: 0.99 }).ok).toBe(true);
  });
});

describe('validateManifest rejects', () => {
  it('anything that is not an object', () => {
    for (const input of [null, undefined, 'manifest', 42, [valid()]]) {
      const result = validateManifest(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('manifest-invalid');
    }
  });

  it('an unknown spec version with code manifest-version', () => {
    for (const version of [2, 0, '1', undefined]) {
      const result = rejected((m) => (m.inkling = version as 1));
      expect(result.error.code).toBe('manifest-version');
      expect(result.error.message).toContain('version 1');
    }
  });

  it('a centroid of the wrong length with code manifest-dimensions and the exact path', () => {
    const result = rejected((m) => (m.segments[1]!.centroid = [1, 2]));
    expect(result.error.code).toBe('manifest-dimensions');
    expect(result.error.message).toContain('segments[1].centroid has 2 numbers, expected 3');
  });

  it('a centroid that is too long, too', () => {
    const result = rejected((m) => (m.segments[0]!.centroid = [1, 2, 3, 4]));
    expect(result.error.code).toBe('manifest-dimensions');
    expect(result.error.message).toContain('segments[0].centroid has 4 numbers, expected 3');
  });

  it('a std of 0 or below with code manifest-invalid', () => {
    let result = rejected((m) => (m.features[0]!.std = 0));
    expect(result.error.code).toBe('manifest-invalid');
    expect(result.error.message).toContain('features[0].std must be > 0');
    result = rejected((m) => (m.features[2]!.std = -1));
    expect(result.error.message).toContain('features[2].std must be > 0');
  });

  it('non-finite numbers that JSON cannot carry but objects can', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      const result = rejected((m) => (m.segments[0]!.centroid = [1, bad, 3]));
      expect(result.error.code).toBe('manifest-invalid');
      expect(result.error.message).toContain('segments[0].centroid[1]');
    }
    expect(rejected((m) => (m.features[1]!.mean = Number.NaN)).error.message).toContain('features[1].mean');
    expect(rejected((m) => (m.features[1]!.std = Number.POSITIVE_INFINITY)).error.message).toContain('features[1].std');
    expect(rejected((m) => (m.window.halfLifeDays = Number.POSITIVE_INFINITY)).error.message).toContain('window.halfLifeDays');
    expect(rejected((m) => (m.hysteresis = Number.NaN)).error.message).toContain('hysteresis');
    expect(rejected((m) => (m.minEvidence = Number.NaN)).error.message).toContain('minEvidence');
  });

  it('a centroid entry that is not a number', () => {
    const result = rejected((m) => ((m.segments[1]!.centroid as unknown[])[2] = '1'));
    expect(result.error.message).toContain('segments[1].centroid[2]');
  });

  it('duplicate feature names', () => {
    const result = rejected((m) => (m.features[2]!.name = 'product_views'));
    expect(result.error.code).toBe('manifest-invalid');
    expect(result.error.message).toContain('features[2].name "product_views" is used twice');
  });

  it('duplicate segment ids', () => {
    const result = rejected((m) => (m.segments[1]!.id = 'researcher'));
    expect(result.error.code).toBe('manifest-invalid');
    expect(result.error.message).toContain('segments[1].id "researcher" is used twice');
  });

  it('empty or missing features, as manifest-invalid and without bogus centroid-length complaints', () => {
    const empty = rejected((m) => (m.features = []));
    expect(empty.error.code).toBe('manifest-invalid');
    expect(empty.problems).toEqual(['features must be a non-empty array']);
    expect(rejected((m) => delete (m as Record<string, unknown>).features).problems).toEqual(['features must be a non-empty array']);
  });

  it('more features or segments than the caps allow (endless data)', () => {
    const many = rejected((m) => (m.features = Array.from({ length: 65 }, (_, i) => ({ ...m.features[0]!, name: `f${i}` }))));
    expect(many.error.code).toBe('manifest-invalid');
    expect(many.error.message).toContain('features has 65 entries, at most 64 are allowed');
    const crowd = rejected((m) => (m.segments = Array.from({ length: 33 }, (_, i) => ({ ...m.segments[0]!, id: `s${i}` }))));
    expect(crowd.error.message).toContain('segments has 33 entries, at most 32 are allowed');
  });

  it('empty or missing segments', () => {
    let result = rejected((m) => (m.segments = []));
    expect(result.error.code).toBe('manifest-invalid');
    expect(result.error.message).toContain('segments must be a non-empty array');
    result = rejected((m) => delete (m as Record<string, unknown>).segments);
    expect(result.error.message).toContain('segments must be a non-empty array');
  });

  it('an unknown aggregate or transform', () => {
    let result = rejected((m) => (m.features[0]!.agg = 'median' as 'sum'));
    expect(result.error.code).toBe('manifest-invalid');
    expect(result.error.message).toContain('features[0].agg');
    result = rejected((m) => (m.features[1]!.transform = 'sqrt' as 'none'));
    expect(result.error.message).toContain('features[1].transform');
    result = rejected((m) => delete (m.features[2] as Partial<Manifest['features'][number]>).agg);
    expect(result.error.message).toContain('features[2].agg');
  });

  it('hysteresis of 1 or more, or below 0', () => {
    for (const hysteresis of [1, 1.5, -0.1]) {
      const result = rejected((m) => (m.hysteresis = hysteresis));
      expect(result.error.code).toBe('manifest-invalid');
      expect(result.error.message).toContain('hysteresis must be ≥ 0 and < 1');
    }
  });

  it('a segment id of "default", with spaces, or empty', () => {
    for (const id of ['default', 'weekend camper', 'tab\tbed', '']) {
      const result = rejected((m) => (m.segments[1]!.id = id));
      expect(result.error.code).toBe('manifest-invalid');
      expect(result.error.message).toContain('segments[1].id must be a non-empty string without spaces');
    }
  });

  it('a bad window, id, minEvidence, signal or label', () => {
    expect(rejected((m) => (m.window.days = 0)).error.message).toContain('window.days');
    expect(rejected((m) => (m.window.days = 7.5)).error.message).toContain('window.days');
    expect(rejected((m) => (m.window.halfLifeDays = 0)).error.message).toContain('window.halfLifeDays');
    expect(rejected((m) => delete (m as Record<string, unknown>).window).error.message).toContain('window must be an object');
    expect(rejected((m) => (m.id = '')).error.message).toContain('id must be a non-empty string');
    expect(rejected((m) => (m.minEvidence = -1)).error.message).toContain('minEvidence');
    expect(rejected((m) => (m.features[0]!.signal = '' as 'view')).error.message).toContain('features[0].signal');
    expect(rejected((m) => ((m.segments[0] as { label: unknown }).label = 3)).error.message).toContain('segments[0].label');
  });

  it('lists every problem it found, not only the first', () => {
    const result = rejected((m) => {
      m.features[0]!.std = 0;
      m.segments[1]!.id = 'default';
      m.hysteresis = 2;
    });
    expect(result.problems).toHaveLength(3);
    for (const path of ['features[0].std', 'segments[1].id', 'hysteresis']) {
      expect(result.problems.some((p) => p.startsWith(path)), path).toBe(true);
      expect(result.error.message).toContain(path);
    }
  });

  it('reports a dimension mismatch before other problems, but keeps them', () => {
    const result = rejected((m) => {
      m.segments[0]!.centroid = [1];
      m.features[1]!.std = 0;
    });
    expect(result.error.code).toBe('manifest-dimensions');
    expect(result.problems[0]).toBe('segments[0].centroid has 1 numbers, expected 3');
    expect(result.problems).toContain('features[1].std must be > 0');
  });
});

describe('validateManifest: aggregates, weights, dates and signature', () => {
  it('accepts every aggregate, a rate with its denominator, and weights', () => {
    const m = valid();
    m.features = [
      ...['sum', 'count', 'mean', 'max', 'recency', 'activeDays', 'indicator'].map((agg, i) => ({ ...m.features[0]!, name: `f${i}`, agg: agg as 'sum', weight: i / 2 })),
      { ...m.features[0]!, name: 'clicks_per_view', signal: 'click', agg: 'rate', per: { signal: 'view' } },
    ];
    m.segments = m.segments.map((s) => ({ ...s, centroid: m.features.map(() => 0) }));
    expect(validateManifest(m).ok).toBe(true);
  });

  it('a rate without its denominator, or a denominator on another aggregate', () => {
    expect(rejected((m) => (m.features[0]!.agg = 'rate')).problems).toContain('features[0].per must be an object: the denominator of a rate');
    expect(rejected((m) => ((m.features[0]!.agg = 'rate'), (m.features[0]!.per = { signal: '' as 'view' }))).problems).toContain('features[0].per.signal must be a non-empty string');
    expect(rejected((m) => (m.features[1]!.per = { signal: 'view' })).problems).toContain('features[1].per is only allowed with agg "rate"');
  });

  it('a negative or non-finite weight', () => {
    expect(rejected((m) => (m.features[2]!.weight = -1)).problems).toEqual(['features[2].weight must be a number ≥ 0']);
    expect(rejected((m) => (m.features[2]!.weight = Number.NaN)).problems).toEqual(['features[2].weight must be a number ≥ 0']);
  });

  it('dates that are not ISO 8601, or expire before they are issued', () => {
    expect(rejected((m) => (m.expires = 'next tuesday')).problems).toEqual(['expires must be an ISO 8601 date']);
    expect(rejected((m) => (m.expires = '2026-11-01T00:00:00Z')).problems).toEqual(['expires must be after issued']);
  });

  it('a signature that is not standard base64', () => {
    expect(rejected((m) => (m.signature = 'not base64!')).problems).toEqual(['signature must be standard base64']);
    expect(rejected((m) => (m.signature = 42 as unknown as string)).problems).toEqual(['signature must be standard base64']);
  });

  it('a window longer than a year', () => {
    expect(rejected((m) => (m.window.days = 400)).problems).toEqual(['window.days must be a whole number from 1 to 365']);
  });
});
