import type { Decision } from './decision';
import type { InklingError } from './error';
import type { Explanation } from './explanation';
import type { ProfileExport } from './profileExport';
import type { Settings } from './settings';

/** Events an Inkling instance emits, with their payloads. */
export interface InklingEvents extends Record<string, unknown> {
  /** The decided segment changed; also fires for the engine's first decision, even when it confirms the cached one. */
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
  /**
   * The current decision. Until the engine answers, the one cached from the visitor's last page
   * (`cached: true`), or `null` when there is none; `null` while personalization is off. Synchronous.
   */
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
  /** Why the visitor sees what they see, in plain words, and what is stored. */
  explain(): Promise<Explanation>;
  /** Everything kept about the visitor, as readable JSON ("Download my data"). */
  export(): Promise<ProfileExport>;
  /** Deletes everything Inkling keeps (IndexedDB and localStorage), resets the visitor's choices, and tells other open tabs. */
  forget(): Promise<void>;
  /** Stops recording new activity (kept across pages until `resume()`). */
  pause(): void;
  /** Records activity again. */
  resume(): void;
  /** Never tracks `topic` again, deletes its data and decides again. */
  blockTopic(topic: string): Promise<void>;
  /** `false` turns personalization off (default content, no segment) across pages; `true` turns it back on. */
  personalize(on: boolean): void;
  /** The visitor's current choices. */
  settings(): Settings;
  /** Opens the "why am I seeing this" panel (loaded on first use), about `slot` when given. */
  openPanel(slot?: Element): Promise<void>;
  /**
   * Runs a queued command, `['method', ...args]`, as `window.inkling.push(…)` did before the
   * script loaded: `(window.inkling = window.inkling || []).push(['on', 'segmentchange', fn])`.
   */
  push(command: readonly unknown[]): void;
}
