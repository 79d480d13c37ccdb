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
