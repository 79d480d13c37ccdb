import type { Manifest } from '../../src/types/manifest';

/** A small valid manifest: two topics, two segments, evidence after 3 events. */
export function demoManifest(overrides: Partial<Manifest> = {}): Manifest {
  return {
    inkling: 1,
    id: 'test-manifest',
    window: { days: 30, halfLifeDays: 7 },
    minEvidence: 3,
    hysteresis: 0,
    features: [
      { name: 'tents', signal: 'click', topic: 'tents', agg: 'count', transform: 'log1p', mean: 0.3, std: 0.6, label: 'clicks on tents' },
      { name: 'bikes', signal: 'click', topic: 'bikes', agg: 'count', transform: 'log1p', mean: 0.3, std: 0.6, label: 'clicks on bikes' },
    ],
    segments: [
      { id: 'camper', label: 'Camper', centroid: [2, -0.5] },
      { id: 'cyclist', label: 'Cyclist', centroid: [-0.5, 2] },
    ],
    ...overrides,
  };
}
