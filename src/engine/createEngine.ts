import { PROFILE_LIMITS } from '../constants';
import type { ProfileLimits } from '../model/boundProfile';
import { dayNumber } from '../model/dayNumber';
import { decide } from '../model/decide';
import { foldSignals } from '../model/foldSignals';
import type { InklingError } from '../types/error';
import type { Manifest } from '../types/manifest';
import { createMemoryStore } from './createMemoryStore';
import { fetchManifest } from './fetchManifest';
import { createIndexedDBStore, type ProfileStore } from './profileStore';
import type { EngineApi, EngineResult } from './protocol';

/** Days kept before any manifest has said how many. */
const DEFAULT_WINDOW_DAYS = 90;

/** Options for tests and for hosts with their own storage. */
export interface EngineDeps {
  /** Opens the persistent store; defaults to IndexedDB. */
  openStore?: () => Promise<ProfileStore>;
  /** The clock; defaults to `Date.now`. */
  now?: () => number;
}

const storageError = (what: string, e: unknown): InklingError => ({
  code: 'storage-unavailable',
  message: `Inkling could not ${what} IndexedDB (${String(e)}); the profile is kept in memory for this page only`,
});

/**
 * The engine: profile storage, the manifest and scoring. It runs in a Web Worker (see
 * `worker.ts`) or, when no worker can start, on the main thread behind the same protocol.
 */
export function createEngine({ openStore = createIndexedDBStore, now = Date.now }: EngineDeps = {}): EngineApi {
  let store: ProfileStore = createMemoryStore();
  let persistent: ProfileStore | undefined;
  let manifest: Manifest | undefined;
  let current: string | undefined;

  /** Opens IndexedDB once; on failure the caller stays in memory and reports. */
  async function openPersistent(errors: InklingError[]): Promise<ProfileStore | undefined> {
    try {
      return (persistent ??= await openStore());
    } catch (e) {
      errors.push(storageError('open', e));
      return undefined;
    }
  }

  function limits(): ProfileLimits {
    const today = dayNumber(now());
    return { ...PROFILE_LIMITS, today, oldestDay: today - (manifest?.window.days ?? DEFAULT_WINDOW_DAYS) + 1 };
  }

  async function result(errors: InklingError[]): Promise<EngineResult> {
    if (!manifest) return { decision: null, errors, storage: store.kind };
    const at = now();
    const decision = decide(await store.all(), manifest, at, dayNumber(at), current);
    current = decision.segment;
    return { decision, errors, storage: store.kind };
  }

  async function setPersist(persist: boolean, errors: InklingError[]): Promise<void> {
    if (!persist) {
      if (store.kind !== 'memory') store = createMemoryStore();
      return;
    }
    if (store.kind !== 'memory') return;
    const target = await openPersistent(errors);
    if (!target) return;
    const pending = await store.all();
    try {
      if (pending.length > 0) await target.add(pending, limits());
      store = target;
    } catch (e) {
      errors.push(storageError('write to', e));
    }
  }

  return {
    ping: () => 'pong',

    async start(config) {
      const errors: InklingError[] = [];
      current = config.current;
      const [, check] = await Promise.all([setPersist(config.persist, errors), fetchManifest(config.manifestUrl)]);
      if (check.ok) manifest = check.manifest;
      else errors.push(check.error);
      return result(errors);
    },

    async ingest({ signals, id }) {
      const errors: InklingError[] = [];
      const deltas = foldSignals(signals);
      try {
        await store.add(deltas, limits(), id);
      } catch (e) {
        // Quota exceeded, or the database went away: keep this page's signals in memory.
        errors.push(storageError('write to', e));
        store = createMemoryStore();
        await store.add(deltas, limits(), id);
      }
      return result(errors);
    },

    async setPersist(persist) {
      const errors: InklingError[] = [];
      await setPersist(persist, errors);
      return result(errors);
    },

    async forget() {
      await store.clear();
      const stored = await openPersistent([]);
      if (stored && stored !== store) await stored.clear();
      current = undefined;
    },

    async buckets() {
      return store.all();
    },
  };
}
