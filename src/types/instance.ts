import type { Decision } from './decision';
import type { InklingError } from './error';

/** Events an Inkling instance emits, with their payloads. */
export interface InklingEvents extends Record<string, unknown> {
  /** The decided segment changed (also fires for the first decision). */
  segmentchange: Decision;
  /** The engine has started and made its first decision (or found it cannot). */
  ready: Decision | null;
  /** Something failed; the page goes on with the last good or default content. */
  error: InklingError;
}

/**
 * The visitor's consent to storing their profile on this device.
 * - `granted`: the profile is kept in IndexedDB.
 * - `pending`: signals are kept in memory for this page only; personalization still works on it.
 * - `denied`: nothing is recorded, whatever was stored is deleted, and the default content shows.
 */
export type Consent = 'granted' | 'pending' | 'denied';

/** Options of `track()`. */
export interface TrackOptions {
  /** Topic the signal is about. */
  topic?: string;
  /** Numeric value (defaults to 1). */
  value?: number;
}

/** A running Inkling instance (`window.inkling` in the script-tag build). */
export interface Inkling {
  /** The current decision, or `null` before the first one. Synchronous. */
  segment(): Decision | null;
  /** Registers a listener; returns a function that removes it. */
  on<K extends keyof InklingEvents>(type: K, fn: (payload: InklingEvents[K]) => void): () => void;
  /** Records a custom signal, e.g. `track('compare', { topic: 'tents' })`. */
  track(name: string, options?: TrackOptions): void;
  /** Changes consent: `granted` moves this page's in-memory profile into storage, `denied` deletes everything. */
  consent(state: Consent): void;
  /** Resolves once the engine has made its first decision (or failed to). Never rejects. */
  ready: Promise<Decision | null>;
  /** Stops tracking and the engine. The page keeps whatever content is showing. */
  destroy(): void;
  /**
   * Runs a queued command, `['method', ...args]`, as `window.inkling.push(…)` did before the
   * script loaded: `(window.inkling = window.inkling || []).push(['on', 'segmentchange', fn])`.
   */
  push(command: readonly unknown[]): void;
}
