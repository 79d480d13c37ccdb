import type { FeatureSpec } from '../types/manifest';

/**
 * A spec's feature with what training learnt (mean and std of the transformed value), in the
 * manifest's key order; keys the spec does not know are dropped.
 */
export function withStats(f: Omit<FeatureSpec, 'mean' | 'std'>, mean: number, std: number): FeatureSpec {
  const { name, signal, topic, action, agg, per, transform, label, weight } = f;
  return {
    name,
    signal,
    ...(topic !== undefined && { topic }),
    ...(action !== undefined && { action }),
    agg,
    ...(per !== undefined && { per }),
    transform,
    mean,
    std,
    label,
    ...(weight !== undefined && { weight }),
  };
}
