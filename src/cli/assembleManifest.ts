import type { Manifest, SegmentSpec } from '../types/manifest';
import { DEFAULT_HYSTERESIS, DEFAULT_MIN_EVIDENCE, DEFAULT_VALID_DAYS, DEFAULT_WINDOW, type TrainingSpec } from './trainingSpec';
import { withStats } from './withStats';


/**
 * A manifest from a spec, each feature's standardisation and segments found outside
 * `trainManifest` (streamed mini-batch k-means, Spark, BigQuery), with the same defaults, key
 * order and dates as `trainManifest`. Unsigned; the caller validates it.
 */
export function assembleManifest(input: {
  spec: TrainingSpec;
  /** Per feature, the mean of the transformed value. */
  mean: readonly number[];
  /** Per feature, its standard deviation. */
  std: readonly number[];
  segments: SegmentSpec[];
  /** Wins over the spec's id. */
  id?: string;
  now: Date;
}): Manifest {
  const { spec, mean, std, segments, now } = input;
  const features = spec.features.map((f, j) => withStats(f, mean[j]!, std[j]!));
  return {
    inkling: 1,
    id: input.id ?? spec.id ?? `inkling-${now.toISOString().slice(0, 10)}`,
    issued: now.toISOString(),
    expires: new Date(now.getTime() + (spec.validDays ?? DEFAULT_VALID_DAYS) * 86_400_000).toISOString(),
    window: spec.window ?? { ...DEFAULT_WINDOW },
    minEvidence: spec.minEvidence ?? DEFAULT_MIN_EVIDENCE,
    hysteresis: spec.hysteresis ?? DEFAULT_HYSTERESIS,
    features,
    segments,
  };
}
