import type { Decision } from '../types/decision';
import type { InklingError } from '../types/error';
import type { Manifest } from '../types/manifest';
import type { ProfileBucket } from '../types/profile';
import type { Signal } from '../types/signal';

/** What the engine answers after starting or ingesting: the decision (if any) and new problems. */
export interface EngineResult {
  /** The current decision, or `null` while no valid manifest is loaded. */
  decision: Decision | null;
  /** Problems found during this call; the main thread turns each into one `error` event. */
  errors: InklingError[];
  /** Where the profile lives: `indexeddb`, or `memory` when storage is unavailable. */
  storage: 'indexeddb' | 'memory';
  /** Development warnings (not errors), e.g. that no public key is configured. */
  warnings: string[];
  /** Set when the decision came from the cached manifest: call `refresh()` to revalidate it. */
  refresh?: boolean;
  /** For `ingest`: ms the engine took from receiving the batch to its answer, in its own thread (`npm run bench` reads it). */
  tookMs?: number;
}

/** How the main thread starts the engine. */
export interface EngineConfig {
  /** Absolute URL of the manifest. */
  manifestUrl: string;
  /** The segment currently shown, so hysteresis holds across page views. */
  current?: string;
  /** `true` stores the profile in IndexedDB; `false` (consent pending) keeps it in memory for this page only. */
  persist: boolean;
  /** Milliseconds before the manifest request is abandoned (default 8000). */
  manifestTimeout?: number;
  /**
   * Base64 Ed25519 public keys as configured (an array, or one string separated by spaces or
   * commas); a manifest must verify against one of them. None: signatures are not checked.
   * The engine sorts out malformed ones (an `options-invalid` error each), off the main thread.
   */
  publicKeys?: string | string[];
}

/** What the engine holds at one moment: the panel module turns it into an explanation or an export. */
export interface EngineSnapshot {
  /** The decision over the stored profile now, with its reasons; `null` while no manifest is loaded. */
  decision: Decision | null;
  /** The manifest in use, if any. */
  manifest?: Manifest;
  /** Every stored bucket. */
  buckets: ProfileBucket[];
  /** When it was taken, by the engine's clock (ms since the epoch). */
  at: number;
}

/** A batch of signals handed over in one call. */
export interface SignalBatch {
  /** The signals, oldest first. */
  signals: Signal[];
  /** Set on batches that may be replayed from the outbox; a batch with a known id is applied once only. */
  id?: string;
}

/**
 * The one protocol between the main thread and the engine (a Web Worker, or the same code
 * in-thread). Calls cross by createCaller and serveCalls (src/lib). A worker
 * announces itself with one `ENGINE_READY` message (see serveEngine), outside the protocol.
 * Everything crossing it is structured-clonable plain data.
 */
export interface EngineApi {
  /**
   * Opens storage, loads the manifest, stores `signals` (what the page recorded before the
   * engine was ready, so they need no call of their own) and decides. With a trusted cached
   * manifest it answers from the cache at once and sets `refresh`; otherwise it fetches first.
   */
  start(config: EngineConfig, signals?: Signal[]): Promise<EngineResult>;
  /** Revalidates the manifest with the server (conditional request) and decides again. */
  refresh(): Promise<EngineResult>;
  /** Stores a batch of signals and decides again. */
  ingest(batch: SignalBatch): Promise<EngineResult>;
  /** Switches between IndexedDB and memory; turning it on moves this page's in-memory profile into IndexedDB. */
  setPersist(persist: boolean): Promise<EngineResult>;
  /** Deletes everything stored, in IndexedDB (the database itself) and in memory. */
  forget(): Promise<void>;
  /** Deletes every bucket of `topic` and decides again. */
  blockTopic(topic: string): Promise<EngineResult>;
  /** What the engine holds, for `explain()` and `export()` (which the panel module words). */
  inspect(): Promise<EngineSnapshot>;
}

/** Every call of the protocol, by name: what `createCaller` can call (a record, so none is missed). */
const CALLS: Record<keyof EngineApi, 0> = { start: 0, refresh: 0, ingest: 0, setPersist: 0, forget: 0, blockTopic: 0, inspect: 0 };
export const ENGINE_CALLS = Object.keys(CALLS) as (keyof EngineApi)[];
