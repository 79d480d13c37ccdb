import type { FeatureSpec, Manifest } from '../types/manifest';

/** The default profile window of a trained manifest: 30 days, halving every 7. */
export const DEFAULT_WINDOW: Manifest['window'] = { days: 30, halfLifeDays: 7 };
/** The default `minEvidence` of a trained manifest. */
export const DEFAULT_MIN_EVIDENCE = 5;
/** The default `hysteresis` of a trained manifest. */
export const DEFAULT_HYSTERESIS = 0.1;

/**
 * What `inkling train` is told about the features (spec.json): everything a manifest says
 * except what training learns, i.e. each feature's `mean`/`std` and the segments.
 */
export interface TrainingSpec {
  /** The manifest id; the `--id` option wins, and without either one is made from the date. */
  id?: string;
  /** The profile window written to the manifest (default 30 days, half-life 7 days). */
  window?: { days: number; halfLifeDays: number };
  /** Events needed before a visitor gets a segment other than `default` (default 5). */
  minEvidence?: number;
  /** Relative margin a new segment must win by before the decision switches (default 0.1). */
  hysteresis?: number;
  /** How many days after `issued` the manifest expires (default 30): after that browsers refuse a fresh copy of it. */
  validDays?: number;
  /** The vector's dimensions, in order, as in the manifest but without `mean` and `std`; a `weight` is kept. */
  features: Omit<FeatureSpec, 'mean' | 'std'>[];
}

/** A trained manifest is trusted as new for this many days unless the spec says otherwise. */
export const DEFAULT_VALID_DAYS = 30;

/** The longest `validDays` a spec may ask for (100 years): beyond some, `expires` is no date at all. */
export const MAX_VALID_DAYS = 36_500;
