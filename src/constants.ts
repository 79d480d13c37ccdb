/** Attribute names of the markup contract (DESIGN.md section 2). The prefix is fixed. */
export const ATTR_SLOT = 'data-inkling-slot';
export const ATTR_VARIANT = 'data-inkling-variant';
export const ATTR_TOPIC = 'data-inkling-topic';
export const ATTR_ACTION = 'data-inkling-action';

/** The variant shown when no other variant matches, and before any decision. */
export const DEFAULT_VARIANT = 'default';

/** IndexedDB database and store holding the profile (worker side only). */
export const DB_NAME = 'inkling';
export const DB_VERSION = 1;
export const BUCKET_STORE = 'buckets';

/** A buffered batch is flushed at once when it reaches this many signals. */
export const MAX_BUFFERED_SIGNALS = 50;
/** Idle flushes wait at most this long (web-vitals caps requestIdleCallback the same way). */
export const IDLE_TIMEOUT_MS = 1000;
/** A worker that has not answered a ping by then is treated as blocked (a CSP-blocked Blob worker never errors). */
export const WORKER_START_TIMEOUT_MS = 1500;
/** The manifest request is abandoned after this long. */
export const MANIFEST_TIMEOUT_MS = 8000;
/** Manifests larger than this are rejected unread (DESIGN.md section 4, "endless data"). */
export const MANIFEST_MAX_BYTES = 1_000_000;
