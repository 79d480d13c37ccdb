/** Stable codes of the `error` event; sites may switch on them. */
export type InklingErrorCode =
  /** The manifest could not be fetched (network failure, HTTP error status, time-out). */
  | 'manifest-fetch'
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
  /** The Web Worker could not start; the engine runs on the main thread instead. */
  | 'worker-unavailable'
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
