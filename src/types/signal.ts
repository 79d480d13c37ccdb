/**
 * The built-in signal names.
 * - `click`: one click; topic = nearest `data-inkling-topic`, action = nearest `data-inkling-action`.
 * - `view`: one page view (including single-page-app route changes); topic = the page topic.
 * - `scroll`: the deepest point reached in a page view, 0 to 1; topic = the page topic.
 * - `dwell`: seconds of visible, active time on a page; topic = the page topic.
 * - `element-dwell`: seconds a `[data-inkling-topic]` element was at least half in view; topic = its topic.
 * - `context`: one per page load; topic = the class kind (`device`, `referrer`, `hour`), action = the class.
 * - `custom:<name>`: from `sdk.track(name)`.
 */
export type BuiltInSignal = 'click' | 'view' | 'scroll' | 'dwell' | 'element-dwell' | 'context';

/** One observation made on the main thread, as it crosses to the engine. */
export interface Signal {
  /** Signal name: `click`, `view`, … or `custom:<name>`. */
  signal: string;
  /** The topic it is attributed to (nearest `data-inkling-topic`), if any. */
  topic?: string;
  /** The action it names (`data-inkling-action`), if any. */
  action?: string;
  /** A numeric value (seconds of dwell, scroll depth); counts use 1. */
  value: number;
  /** When it happened, in epoch milliseconds. */
  at: number;
}
