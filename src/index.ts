export { init } from './init';
export { validateManifest, MANIFEST_VERSION } from './model/validateManifest';
export type { Decision, DecisionReason } from './types/decision';
export type { InklingError, InklingErrorCode } from './types/error';
export type { Consent, Inkling, InklingEvents, TrackOptions } from './types/instance';
export type { FeatureAggregate, FeatureSpec, FeatureTransform, Manifest, SegmentSpec, SignalName } from './types/manifest';
export type { InitOptions } from './types/options';
