import type { Settings } from './settings';

/** Everything Inkling keeps about the visitor, as JSON a person can read ("Download my data"). */
export interface ProfileExport {
  /** Always `inkling-profile`. */
  format: 'inkling-profile';
  /** Export format version. */
  version: 1;
  /** ISO 8601 time of the export. */
  exportedAt: string;
  /** The manifest in use, if any. */
  manifestId: string | null;
  /** The visitor's choices. */
  settings: Settings;
  /** The last decision kept for the next page (segment only), if any. */
  cachedSegment: string | null;
  /** Every stored bucket. */
  buckets: {
    /** Local calendar day, YYYY-MM-DD. */
    day: string;
    signal: string;
    topic?: string;
    action?: string;
    /** How many events. */
    count: number;
    /** Their summed value, where it is not just the count (seconds, scroll depth). */
    sum?: number;
    /** The largest single value, where it is not 1 (the longest dwell, the deepest scroll). */
    max?: number;
  }[];
}
