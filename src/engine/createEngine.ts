import { PROFILE_LIMITS } from '../constants';
import { deleteProfileDB } from '../lib/deleteProfileDB';
import { parsePublicKeys } from '../lib/parsePublicKeys';
import type { ProfileLimits } from '../model/boundProfile';
import type { ProfileBucket } from '../types/profile';
import { dayNumber } from '../model/dayNumber';
import { decide } from '../model/decide';
import { foldSignals } from '../model/foldSignals';
import { storedName } from '../model/storedName';
import { manifestError, validateManifest } from '../model/validateManifest';
import type { CachedManifest } from '../types/cachedManifest';
import type { InklingError } from '../types/error';
import type { Manifest } from '../types/manifest';
import type { Signal } from '../types/signal';
import { createMemoryStore } from './createMemoryStore';
import { fetchManifest } from './fetchManifest';
import { verifyManifest } from './verifyManifest';
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

const NO_KEY_WARNING =
  'Inkling: no public key is configured, so the manifest signature is not checked. Set data-key (or the publicKey option) in production.';

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
  let lastGood: CachedManifest | undefined;
  let current: string | undefined;
  let manifestUrl = '';
  let publicKeys: string[] = [];
  let manifestTimeout: number | undefined;
  let reopenAfterForget = false;

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

  /**
   * Gives up on a store that failed (quota, an aborted transaction, a database upgraded by a
   * newer release): reports it and keeps the profile in memory for this page, starting from
   * whatever the failing store still returns, so the stored history keeps counting.
   */
  async function fallBack(what: string, e: unknown, errors: InklingError[]): Promise<void> {
    errors.push(storageError(what, e));
    const kept = await store.all().catch(() => []);
    store = createMemoryStore();
    if (kept.length > 0) await store.add(kept, limits());
  }

  /** Every stored bucket; when the store cannot be read, falls back to memory. */
  async function readAll(errors: InklingError[]): Promise<ProfileBucket[]> {
    try {
      return await store.all();
    } catch (e) {
      await fallBack('read', e, errors);
      return store.all();
    }
  }

  /** The answer to a call: the decision over `buckets` (read from the store when not given). */
  async function result(errors: InklingError[], refresh?: boolean, buckets?: ProfileBucket[]): Promise<EngineResult> {
    const warnings = publicKeys.length === 0 && manifest ? [NO_KEY_WARNING] : [];
    if (!manifest) return { decision: null, errors, warnings, storage: store.kind };
    const profile = buckets ?? (await readAll(errors));
    const at = now();
    const decision = decide(profile, manifest, at, dayNumber(at), current);
    current = decision.segment;
    return { decision, errors, warnings, storage: store.kind, ...(refresh && { refresh }) };
  }

  /**
   * Whether a checked manifest may be trusted (TUF's threats, DESIGN.md section 4): its
   * signature (tampering), `expires` (freeze: a fresh copy must not be expired) and `issued`
   * (rollback: never older than the one already trusted; once that one is dated, an undated
   * candidate is refused too, or removing `issued` would get round the check).
   */
  async function distrust(candidate: Manifest, fresh: boolean): Promise<InklingError | undefined> {
    if (publicKeys.length > 0) {
      const verdict = await verifyManifest(candidate, publicKeys);
      if (!verdict.ok) return manifestError('manifest-signature', [`${manifestUrl}: ${verdict.reason}`]);
    }
    if (!fresh) return undefined;
    if (candidate.expires && Date.parse(candidate.expires) <= now()) return manifestError('manifest-expired', [`${manifestUrl} expired at ${candidate.expires}`]);
    const trusted = lastGood?.manifest.issued;
    if (trusted && !candidate.issued) return manifestError('manifest-rollback', [`${manifestUrl} has no issued date, and the trusted one was issued ${trusted}`]);
    if (trusted && candidate.issued && Date.parse(candidate.issued) < Date.parse(trusted)) {
      return manifestError('manifest-rollback', [`${manifestUrl} was issued ${candidate.issued}, before the trusted one (${trusted})`]);
    }
    return undefined;
  }

  /** Fetches (conditionally) and, when it can be trusted, adopts and caches a new manifest. */
  async function refresh(errors: InklingError[]): Promise<void> {
    const fetched = await fetchManifest(manifestUrl, lastGood?.etag, manifestTimeout);
    if ('notModified' in fetched) return;
    if (!fetched.ok) return void errors.push(fetched.error);
    const problem = await distrust(fetched.manifest, true);
    if (problem) return void errors.push(problem);
    manifest = fetched.manifest;
    lastGood = { url: manifestUrl, manifest, etag: fetched.etag, storedAt: now() };
    // The cache only serves offline use and conditional requests; failing to write it is harmless.
    await store.putManifest(lastGood).catch(() => undefined);
  }

  async function setPersist(persist: boolean, errors: InklingError[]): Promise<void> {
    reopenAfterForget = false;
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

  /** Stores `signals` (once per batch `id`); resolves with every bucket kept afterwards. */
  async function record(signals: Signal[], errors: InklingError[], id?: string): Promise<ProfileBucket[]> {
    // After "delete everything" the database is reopened only when there is something to keep.
    if (reopenAfterForget) await setPersist(true, errors);
    const deltas = foldSignals(signals);
    try {
      return (await store.add(deltas, limits(), id)).buckets;
    } catch (e) {
      // Quota exceeded, or the database went away: keep this page's signals in memory.
      await fallBack('write to', e, errors);
      return (await store.add(deltas, limits(), id)).buckets;
    }
  }

  return {
    async start(config, signals = []) {
      const errors: InklingError[] = [];
      current = config.current;
      manifestUrl = config.manifestUrl;
      const { keys, malformed } = parsePublicKeys(config.publicKeys);
      publicKeys = keys;
      for (const key of malformed) errors.push({ code: 'options-invalid', message: `Inkling public key ${JSON.stringify(key)} is not a raw 32-byte Ed25519 key in standard base64` });
      manifestTimeout = config.manifestTimeout;
      await setPersist(config.persist, errors);
      const stored = await store.getManifest(manifestUrl).catch(() => undefined);
      // Re-checked: another release (a newer spec version, say) may have cached it under the same URL.
      const cached = stored && validateManifest(stored.manifest).ok ? stored : undefined;
      // Re-verified, because the configured keys may have changed since it was stored.
      const fromCache = !!cached && !(await distrust(cached.manifest, false));
      if (fromCache) {
        lastGood = cached;
        manifest = cached.manifest;
      } else await refresh(errors);
      // Stored once the manifest is known, as its window bounds what is kept.
      return result(errors, fromCache, signals.length > 0 ? await record(signals, errors) : undefined);
    },

    async refresh() {
      const errors: InklingError[] = [];
      await refresh(errors);
      return result(errors);
    },

    async ingest({ signals, id }) {
      const began = performance.now();
      const errors: InklingError[] = [];
      const buckets = await record(signals, errors, id);
      return { ...(await result(errors, undefined, buckets)), tookMs: performance.now() - began };
    },

    async setPersist(persist) {
      const errors: InklingError[] = [];
      await setPersist(persist, errors);
      return result(errors);
    },

    async forget() {
      const was = store;
      reopenAfterForget = was.kind === 'indexeddb';
      store = createMemoryStore();
      persistent = undefined;
      current = undefined;
      lastGood = undefined;
      // Emptied first, as a tab of an old release may block the deletion (see deleteProfileDB).
      // Neither failure (storage blocked, a database upgraded by a newer release) may stop the
      // other step or reject: "delete everything" does all it can, and the page carries on.
      await was.clear().catch(() => undefined);
      await deleteProfileDB().catch(() => undefined);
    },

    async blockTopic(topic) {
      const errors: InklingError[] = [];
      // Stored names are cut (see storedName): a longer name must find what it was stored as.
      const name = storedName(topic);
      const drop = (await readAll(errors)).filter((b) => b.topic === name && b.signal !== 'context');
      try {
        await store.remove(drop);
      } catch (e) {
        await fallBack('write to', e, errors);
        await store.remove(drop);
      }
      return result(errors);
    },

    async inspect() {
      const at = now();
      const buckets = await store.all();
      return { decision: manifest ? decide(buckets, manifest, at, dayNumber(at), current) : null, manifest, buckets, at };
    },
  };
}
