/** Attribute names of the markup contract (DESIGN.md section 2). The prefix is fixed. */
export const ATTR_SLOT = 'data-inkling-slot';
export const ATTR_VARIANT = 'data-inkling-variant';
export const ATTR_TOPIC = 'data-inkling-topic';
export const ATTR_ACTION = 'data-inkling-action';

/** The variant shown when no other variant matches, and before any decision. */
export const DEFAULT_VARIANT = 'default';

/** IndexedDB database and store holding the profile (worker side only). */
export const DB_NAME = 'inkling';
export const DB_VERSION = 3;
export const BUCKET_STORE = 'buckets';
/** Ids of replayable batches already applied (v2), so a batch replayed from the outbox counts once. */
export const BATCH_STORE = 'batches';
/** The last good manifest per URL, with its ETag (v3). */
export const MANIFEST_STORE = 'manifests';
/** Applied batch ids are remembered this many days, and at most this many. */
export const BATCH_ID_DAYS = 2;
export const MAX_BATCH_IDS = 100;
/** How long opening IndexedDB may wait (e.g. blocked by an old tab) before the profile stays in memory. */
export const DB_OPEN_TIMEOUT_MS = 3000;

/** Caps that bound the stored profile (see README, "What is stored"). */
export const PROFILE_LIMITS = { maxTopics: 32, maxActions: 16, maxCustomSignals: 16, contextDays: 1, maxBuckets: 480 } as const;

/** localStorage key of the decision cache (segment, manifest id, expiry), read before the first paint. */
export const DECISION_CACHE_KEY = 'inkling:decision';
/** A cached decision is shown for this long after it was made (a week). */
export const DECISION_CACHE_MS = 7 * 86_400_000;

/** `data-inkling-wait` may hold a slot invisible this long by default, and never longer than the maximum. */
export const ATTR_WAIT = 'data-inkling-wait';
export const ATTR_READY = 'data-inkling-ready';
export const DEFAULT_WAIT_MS = 300;
export const MAX_WAIT_MS = 1000;
/** Set on <html> to the segment the page shows, for CSS-only theming. */
export const ATTR_PAGE_SEGMENT = 'data-inkling-segment';

/** localStorage key of the visitor's own choices (pause, personalization off, blocked topics). */
export const SETTINGS_KEY = 'inkling:settings';
/**
 * localStorage key written and removed at once by "delete everything": the `storage` event it
 * raises tells other open tabs to follow (changed choices raise one on SETTINGS_KEY). Never left set.
 */
export const FORGET_KEY = 'inkling:forget';
/** How every release's worker says it is ready (the first release sent exactly this). */
export const ENGINE_READY_PREFIX = 'inkling:ready';
/**
 * The message a worker posts once its engine listens (see serveEngine), with the version of the
 * calls it answers: change it whenever EngineApi or its messages change, so a page and a worker
 * of different releases fall back in-thread at once instead of waiting on calls never answered.
 */
export const ENGINE_READY = `${ENGINE_READY_PREFIX}:2`;
/** Attributes that open the visitor panel. */
export const ATTR_EXPLAIN = 'data-inkling-explain';
export const ATTR_WHY = 'data-inkling-why';
/** The element that hosts the visitor panel's shadow root; clicks inside it are not tracked. */
export const PANEL_TAG = 'inkling-panel';
/** Dispatched on `window` when the panel opens or closes: the content behind a modal panel is not being read. */
export const PANEL_EVENT = 'inkling:panel';
/** The class of the "why?" button added to slots with `data-inkling-why`. */
export const WHY_CLASS = 'inkling-why';

/** localStorage key of the outbox: batches sent as the page was hidden, until the engine confirms them. */
export const OUTBOX_KEY = 'inkling:outbox';

/** A buffered batch is flushed at once when it reaches this many signals. */
export const MAX_BUFFERED_SIGNALS = 50;
/** Idle-time flushes come at most this often: a burst of input makes one batch (DESIGN.md: "every few s"). */
export const FLUSH_INTERVAL_MS = 2000;
/** Idle flushes wait at most this long (web-vitals caps requestIdleCallback the same way). */
export const IDLE_TIMEOUT_MS = 1000;
/** A worker that has not said it is ready by then is treated as blocked (a CSP-blocked Blob worker never errors). */
export const WORKER_START_TIMEOUT_MS = 1500;
/** The manifest request is abandoned after this long. */
export const MANIFEST_TIMEOUT_MS = 8000;
/** Manifests larger than this are rejected unread (DESIGN.md section 4, "endless data"). */
export const MANIFEST_MAX_BYTES = 1_000_000;
/** How long after the first input of a burst the trackers look at the page (scroll depth, what is in view). */
export const ACTIVITY_SETTLE_MS = 500;
/**
 * While the page keeps moving, the time between two looks at its scroll offsets doubles up to
 * this: each look costs the scrolling page script time (about half the SDK's cost per scroll step).
 */
export const ACTIVITY_POLL_MAX_MS = 1000;
/** Page and element dwell stop counting this long after the visitor's last input: they are taken to have left. */
export const DWELL_IDLE_MS = 30_000;
