import type { Manifest } from '../../src/types/manifest';

/**
 * Two raw-valued features (no transform, unit z-score) so that z = raw: tent clicks and book
 * views; camper at (5, 0), reader at (0, 5). For tests that reason about exact distances.
 */
export function twoFeatureManifest(overrides: Partial<Manifest> = {}): Manifest {
  return {
    inkling: 1,
    id: 'bazaar-2026-11-20',
    window: { days: 30, halfLifeDays: 7 },
    minEvidence: 5,
    hysteresis: 0,
    features: [
      { name: 'tent_clicks', signal: 'click', topic: 'tents', agg: 'sum', transform: 'none', mean: 0, std: 1, label: 'tent pages clicked' },
      { name: 'book_views', signal: 'view', topic: 'books', agg: 'count', transform: 'none', mean: 0, std: 1, label: 'book pages viewed' },
    ],
    segments: [
      { id: 'camper', label: 'Weekend camper', centroid: [5, 0] },
      { id: 'reader', label: 'Bookworm', centroid: [0, 5] },
    ],
    ...overrides,
  };
}
