import { decide } from '../model/decide';
import { dayNumber } from '../model/dayNumber';
import { foldSignals } from '../model/foldSignals';
import type { Decision } from '../types/decision';
import type { InklingError } from '../types/error';
import type { Manifest } from '../types/manifest';
import { createMemoryStore } from './createMemoryStore';
import { fetchManifest } from './fetchManifest';
import { createIndexedDBStore, type ProfileStore } from './profileStore';
import type { EngineApi, EngineResult } from './protocol';

/** Options for tests and for hosts with their own storage. */
export interface EngineDeps {
  /** Opens the persistent store; defaults to IndexedDB. */
  openStore?: () => Promise<ProfileStore>;
  /** The clock; defaults to `Date.now`. */
  now?: () => number;
}

/**
 * The engine: profile storage, the manifest and scoring. It runs in a Web Worker (see
 * `worker.ts`) or, when no worker can start, on the main thread behind the same protocol.
 */
export function createEngine({ openStore = createIndexedDBStore, now = Date.now }: EngineDeps = {}): EngineApi {
  let store: ProfileStore | undefined;
  let manifest: Manifest | undefined;
  let current: string | undefined;

  async function openStorage(errors: InklingError[]): Promise<ProfileStore> {
    if (store) return store;
    try {
      store = await openStore();
    } catch (e) {
      store = createMemoryStore();
      errors.push({ code: 'storage-unavailable', message: `Inkling could not open IndexedDB (${String(e)}); the profile is kept in memory for this page only` });
    }
    return store;
  }

  async function result(errors: InklingError[]): Promise<EngineResult> {
    const kind = store?.kind ?? 'memory';
    if (!manifest || !store) return { decision: null, errors, storage: kind };
    const at = now();
    const decision: Decision = decide(await store.all(), manifest, at, dayNumber(at), current);
    current = decision.segment;
    return { decision, errors, storage: kind };
  }

  return {
    ping: () => 'pong',

    async start(config) {
      const errors: InklingError[] = [];
      current = config.current;
      const [, check] = await Promise.all([openStorage(errors), fetchManifest(config.manifestUrl)]);
      if (check.ok) manifest = check.manifest;
      else errors.push(check.error);
      return result(errors);
    },

    async ingest(signals) {
      const errors: InklingError[] = [];
      const target = await openStorage(errors);
      const oldestDay = manifest ? dayNumber(now()) - manifest.window.days + 1 : undefined;
      try {
        await target.add(foldSignals(signals), oldestDay);
      } catch (e) {
        // Quota exceeded or the database went away: keep this page's signals in memory.
        store = createMemoryStore();
        await store.add(foldSignals(signals), oldestDay);
        errors.push({ code: 'storage-unavailable', message: `Inkling could not write to IndexedDB (${String(e)}); the profile is kept in memory for this page only` });
      }
      return result(errors);
    },

    async buckets() {
      return (await openStorage([])).all();
    },
  };
}
