/** The signals a feature can read. `custom:<name>` covers `sdk.track(name)`. */
export type SignalName = 'click' | 'view' | 'dwell' | 'scroll' | 'element-dwell' | 'context' | 'action' | `custom:${string}`;

/**
 * How a feature folds the matching buckets of the window into one number. Decayed means each
 * bucket weighs `0.5^(age in days / halfLifeDays)`.
 * - `sum`: decayed sum of values (e.g. seconds of dwell)
 * - `count`: decayed number of events
 * - `mean`: decayed sum ÷ decayed count (0 without events)
 * - `max`: the largest single value
 * - `rate`: decayed count ÷ decayed count of the `per` filter, e.g. clicks per view (0 when that is 0)
 * - `recency`: whole days since the last matching event (`window.days` when there is none)
 * - `activeDays`: the number of distinct days with a matching event
 * - `indicator`: 1 when there is any matching event, else 0 (for context classes such as `device`/`mobile`)
 */
export type FeatureAggregate = 'sum' | 'count' | 'mean' | 'max' | 'rate' | 'recency' | 'activeDays' | 'indicator';

/** Which buckets a feature (or a rate's denominator) reads. */
export interface BucketFilter {
  /** The signal whose buckets are read. */
  signal: SignalName;
  /** Only buckets with this topic count; omitted means every topic. */
  topic?: string;
  /** Only buckets with this action count; omitted means every action. */
  action?: string;
}

/** The transform applied to the aggregate before z-scoring. */
export type FeatureTransform = 'log1p' | 'none';

/** One dimension of the vector a profile is turned into. */
export interface FeatureSpec extends BucketFilter {
  /** Machine name, unique within the manifest (e.g. `tents_clicks`). */
  name: string;
  /** How matching buckets are combined (see `FeatureAggregate`). */
  agg: FeatureAggregate;
  /** The denominator of a `rate` (required for `rate`, not allowed otherwise). */
  per?: BucketFilter;
  /** Applied to the aggregate before standardising. */
  transform: FeatureTransform;
  /** Mean of the transformed value over the training population. */
  mean: number;
  /** Standard deviation of the transformed value over the training population; must be > 0. */
  std: number;
  /** Plain words for the panel, e.g. "tent pages clicked". */
  label: string;
  /** How much this dimension counts in the distance (default 1): `Σ weight·(x − c)²`. */
  weight?: number;
}

/** One segment: a centroid in the standardised feature space. */
export interface SegmentSpec {
  /** Stable id, used in `data-inkling-variant` (no spaces). */
  id: string;
  /** Short human label, e.g. "Weekend camper". */
  label: string;
  /** One plain sentence a visitor can read. */
  description?: string;
  /** One number per feature, in the manifest's feature order, in z-score units. */
  centroid: number[];
}

/** The server-published segment manifest (DESIGN.md section 4). */
export interface Manifest {
  /** Spec version; only `1` is understood. */
  inkling: 1;
  /** Identifier shown in decisions and in the panel. */
  id: string;
  /** ISO 8601 time the manifest was issued. */
  issued?: string;
  /** ISO 8601 time after which the manifest is not trusted as new. */
  expires?: string;
  /** The profile window: how many days are kept and the half-life of the weighting. */
  window: { days: number; halfLifeDays: number };
  /** Events in the window needed before any segment other than `default` is chosen. */
  minEvidence: number;
  /** Relative margin a new segment must win by before the decision switches (0 to 1). */
  hysteresis: number;
  /** The feature vector's dimensions, in order. */
  features: FeatureSpec[];
  /** The segments to choose between. */
  segments: SegmentSpec[];
  /** Base64 Ed25519 signature over the canonical JSON without this field. */
  signature?: string;
}
