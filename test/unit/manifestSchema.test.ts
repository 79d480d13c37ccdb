import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import marketplace from '../../examples/marketplace/manifest.json';
import schema from '../../src/model/manifest.schema.json';
import { validateManifest } from '../../src/model/validateManifest';
import { demoManifest } from '../support/demoManifest';

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const bySchema = ajv.compile(schema);

// The published schema and the validator the SDK runs must agree.
describe('manifest.schema.json and validateManifest agree', () => {
  const valid = {
    'the marketplace demo manifest': marketplace,
    'the test manifest': demoManifest(),
    'a rate with weights': demoManifest({
      features: [{ name: 'cpv', signal: 'click', agg: 'rate', per: { signal: 'view' }, transform: 'none', mean: 1, std: 1, label: 'clicks per view', weight: 2 }],
      segments: [{ id: 'a', label: 'A', centroid: [1] }],
    }),
  };
  it.each(Object.entries(valid))('both accept %s', (_, m) => {
    expect(bySchema(m), JSON.stringify(bySchema.errors)).toBe(true);
    expect(validateManifest(m).ok).toBe(true);
  });

  const broken: Record<string, (m: Record<string, any>) => void> = {
    'an unknown version': (m) => (m.inkling = 2),
    'no id': (m) => delete m.id,
    'std 0': (m) => (m.features[0].std = 0),
    'an unknown aggregate': (m) => (m.features[0].agg = 'median'),
    'a rate without per': (m) => (m.features[0].agg = 'rate'),
    'per without a rate': (m) => (m.features[0].per = { signal: 'view' }),
    'a segment called default': (m) => (m.segments[0].id = 'default'),
    'a segment id with a space': (m) => (m.segments[0].id = 'two words'),
    'hysteresis 1': (m) => (m.hysteresis = 1),
    'a window of 400 days': (m) => (m.window.days = 400),
    'a bad date': (m) => (m.expires = 'soon'),
    'a signature that is not base64': (m) => (m.signature = '***'),
    'too many segments': (m) => (m.segments = Array.from({ length: 33 }, (_, i) => ({ ...m.segments[0], id: `s${i}` }))),
    'a negative weight': (m) => (m.features[0].weight = -1),
  };
  it.each(Object.entries(broken))('both reject %s', (_, change) => {
    const m = structuredClone(demoManifest()) as Record<string, any>;
    change(m);
    expect(bySchema(m)).toBe(false);
    expect(validateManifest(m).ok).toBe(false);
  });
});
