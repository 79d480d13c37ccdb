/** Stable codes of the `error` event; sites may switch on them. */
export type InklingErrorCode =
  /** The manifest could not be fetched (network failure, HTTP error status). */
  | 'manifest-fetch'
  /** The manifest server did not answer in time. */
  | 'manifest-timeout'
  /** The manifest is larger than 1 MB. */
  | 'manifest-too-large'
  /** A public key is configured and the manifest is unsigned, or its signature matches no key. */
  | 'manifest-signature'
  /** The manifest is past its `expires` time: it is never trusted as new. */
  | 'manifest-expired'
  /** The manifest was issued before the one already trusted (a rollback). */
  | 'manifest-rollback'
  /** The manifest response was not JSON. */
  | 'manifest-parse'
  /** The manifest declares a spec version this SDK does not understand. */
  | 'manifest-version'
  /** A segment's centroid does not have one number per feature. */
  | 'manifest-dimensions'
  /** The manifest is JSON of the right version but breaks another rule of the spec. */
  | 'manifest-invalid'
  /** IndexedDB could not be used; the profile lives in memory for this page only. */
  | 'storage-unavailable'
  /** The Web Worker could not start, and the engine runs on the main thread; or it died, and another took over. */
  | 'worker-unavailable'
  /** The visitor panel could not be loaded (blocked by CSP, missing file). */
  | 'panel-unavailable'
  /** `init()` was called with options it cannot use (e.g. no manifest URL). */
  | 'options-invalid'
  /** Anything else that went wrong inside the SDK. */
  | 'internal';

/** The payload of the `error` event. */
export interface InklingError {
  /** Stable machine-readable code. */
  code: InklingErrorCode;
  /** One clear sentence for developers, with the path of the offending field where there is one. */
  message: string;
}
