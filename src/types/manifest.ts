/** The signals a feature can read. `custom:<name>` covers `sdk.track(name)`. */
export type SignalName = 'click' | 'view' | 'dwell' | 'scroll' | 'action' | `custom:${string}`;

/** How a feature folds the matching profile buckets into one number. */
export type FeatureAggregate = 'sum' | 'count' | 'max';

/** The transform applied to the aggregate before z-scoring. */
export type FeatureTransform = 'log1p' | 'none';

/** One dimension of the vector a profile is turned into. */
export interface FeatureSpec {
  /** Machine name, unique within the manifest (e.g. `tents_clicks`). */
  name: string;
  /** The signal whose buckets this feature reads. */
  signal: SignalName;
  /** Only buckets with this topic count; omitted means every topic. */
  topic?: string;
  /** Only buckets with this action count; omitted means every action. */
  action?: string;
  /** How matching buckets are combined: decayed `sum` of values, decayed `count` of events, or `max`. */
  agg: FeatureAggregate;
  /** Applied to the aggregate before standardising. */
  transform: FeatureTransform;
  /** Mean of the transformed value over the training population. */
  mean: number;
  /** Standard deviation of the transformed value over the training population; must be > 0. */
  std: number;
  /** Plain words for the panel, e.g. "tent pages clicked". */
  label: string;
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
