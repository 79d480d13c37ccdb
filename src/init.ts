import { ATTR_EXPLAIN, ATTR_SLOT, FORGET_KEY, MAX_BUFFERED_SIGNALS, SETTINGS_KEY, WHY_CLASS } from './constants';
import { connectEngine, type EngineConnection } from './engine/connectEngine';
import { createWorkerFor } from './engine/createWorkerFor';
import type { EngineApi, EngineResult } from './engine/protocol';
import { createEmitter } from './lib/createEmitter';
import { createSettingsStore } from './lib/createSettingsStore';
import { deleteEverything } from './lib/deleteEverything';
import { deleteProfileDB } from './lib/deleteProfileDB';
import { hasOptOutSignal } from './lib/hasOptOutSignal';
import { listen } from './lib/listen';
import { pageUrl } from './lib/pageUrl';
import { siblingUrl } from './lib/siblingUrl';
import { whenActivated } from './lib/whenActivated';
import { dayNumber } from './model/dayNumber';
import { storedName } from './model/storedName';
import { loadPanel } from './panel/loadPanel';
import { createOutbox } from './tracker/createOutbox';
import { createSignalBuffer } from './tracker/createSignalBuffer';
import { startTracking } from './tracker/startTracking';
import type { Decision } from './types/decision';
import type { InklingError } from './types/error';
import type { Consent, Inkling, InklingEvents } from './types/instance';
import type { InitOptions } from './types/options';
import type { Settings } from './types/settings';
import type { Signal } from './types/signal';
import { createVariantController } from './variants/createVariantController';
import { readDecisionCache, writeDecisionCache } from './variants/decisionCache';
import { installVariantStyle } from './variants/installVariantStyle';

const describe = (e: unknown) => (e instanceof Error ? e.message : String(e));
const batchId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
const CONSENTS: readonly unknown[] = ['granted', 'pending', 'denied'];
/**
 * Where the page's running instance is kept, for every copy of the SDK on the page (the script
 * tag and the ESM build share it): a second `init()`, from a duplicated tag or a hot reload,
 * returns it instead of tracking, and counting, everything twice.
 */
const RUNNING = Symbol.for('inkling:running');
const registry = globalThis as { [RUNNING]?: Inkling };
/** The instance methods a queued command may call. */
const COMMANDS: readonly unknown[] = ['on', 'track', 'consent', 'destroy', 'pause', 'resume', 'personalize', 'openPanel'];

/**
 * Starts Inkling on this page: tracking, the engine (in a Web Worker when it can start) and
 * the variants. Returns the instance at once (the running one, if the page has one) and never
 * throws; failures become `error` events.
 *
 * @example
 * import { init } from 'inkling';
 * const sdk = init({ manifest: '/inkling/manifest.json', consent: 'pending' });
 * sdk.on('segmentchange', (d) => console.log('now showing', d.segment));
 * cookieBanner.onAccept(() => sdk.consent('granted'));
 */
export function init(options: InitOptions): Inkling {
  const running = registry[RUNNING];
  if (running) {
    console.warn('Inkling is already running on this page: init() returns that instance');
    return running;
  }
  const emitter = createEmitter<InklingEvents>();
  const reported = new Set<string>();
  const warned = new Set<string>();
  const outbox = createOutbox();
  let settings = createSettingsStore();
  let decision: Decision | null = null;
  let consent: Consent = options?.consent ?? 'granted';
  let stopped = false;
  // From beforeunload (or pagehide) to pageshow: the browser cancels the page's requests (WebKit
  // reports those as "Load failed", before pagehide), and nobody would see a warning anyway.
  let unloading = false;
  let stopTracking: (() => void) | undefined;

  // One `error` event and one console warning per distinct problem (`cause`: one engine that
  // cannot answer is one problem, whichever calls it fails), never an exception. The event comes
  // in a microtask, so listeners added right after `init()`, or by queued commands, hear what
  // went wrong while it started.
  const report = (error: InklingError, cause = error.message) => {
    const key = `${error.code}:${cause}`;
    if (reported.has(key) || unloading) return;
    reported.add(key);
    console.warn(error.message);
    queueMicrotask(() => emitter.emit('error', error));
  };
  const warnOnce = (warning: string) => {
    if (warned.has(warning)) return;
    warned.add(warning);
    console.warn(warning);
  };
  const on: Inkling['on'] = (type, fn) => {
    if (typeof fn === 'function') return emitter.on(type, fn);
    report({ code: 'options-invalid', message: `Inkling on(${JSON.stringify(type)}) needs a function, not ${typeof fn}` });
    return () => {};
  };
  /** Runs one queued command (`push`) on `sdk`. */
  const dispatch = (sdk: Inkling, command: unknown) => {
    const [name, ...args] = Array.isArray(command) ? command : [];
    if (!COMMANDS.includes(name)) return report({ code: 'options-invalid', message: `Inkling has no command ${JSON.stringify(name)}` });
    try {
      (sdk[name as 'track'] as (...a: unknown[]) => void)(...args);
    } catch (e) {
      report({ code: 'options-invalid', message: `Inkling command ${String(name)} failed: ${describe(e)}` });
    }
  };
  const panelUrl = options?.panelUrl ?? siblingUrl('inkling-panel.js');
  // The panel module also words explanations and exports: `explain()` and `export()` load it too.
  const panel = () =>
    loadPanel(panelUrl).catch((e) => {
      report({ code: 'panel-unavailable', message: `Inkling could not load its panel from ${panelUrl}: ${describe(e)}` });
      throw e;
    });
  const openPanel = (sdk: Inkling, slot?: Element) =>
    panel()
      .then((p) => p.openPanel(sdk, { slot, opener: document.activeElement, strings: options?.panelStrings, nonce: options?.nonce }))
      .catch(() => undefined);
  /** What an instance that records nothing explains (opt-out signal, consent denied). */
  const explainNothing = (note: string) => panel().then((p) => ({ ...p.explainDecision(null, undefined, [], settings.get(), 0), note }));
  /** What the engine holds, with the panel module to word it. */
  const inspect = () => Promise.all([ask((engine) => engine.inspect()), panel()]);
  // "Why am I seeing this?": any [data-inkling-explain] element, and the "why?" button of a slot.
  const listenForPanel = (sdk: Inkling) =>
    listen(document, 'click', (event) => {
      const target = (event.target as Element | null)?.closest?.(`[${ATTR_EXPLAIN}], .${WHY_CLASS}`);
      if (target) void openPanel(sdk, target.classList.contains(WHY_CLASS) ? (target.closest(`[${ATTR_SLOT}]`) ?? undefined) : undefined);
    });

  /**
   * An instance that records nothing and shows the default content, but still explains and
   * deletes. One the visitor's opt-out signal made is the page's running instance (a second
   * `init()` returns it); one made by bad options is not, so corrected options can start Inkling.
   */
  const inert = (note: string, running: boolean): Inkling => {
    const sdk: Inkling = {
      segment: () => null,
      on,
      track() {},
      consent() {},
      ready: Promise.resolve(null).then((d) => (emitter.emit('ready', d), d)),
      destroy() {
        stopListening();
        if (registry[RUNNING] === sdk) delete registry[RUNNING];
      },
      push: (command) => dispatch(sdk, command),
      explain: () => explainNothing(note),
      export: () => panel().then((p) => p.exportProfile([], settings.get(), null, null, Date.now())),
      async forget() {
        settings.clear();
        await deleteEverything();
      },
      pause() {},
      resume() {},
      blockTopic: async () => {},
      personalize() {},
      settings: () => settings.get(),
      openPanel: (slot) => openPanel(sdk, slot),
    };
    const stopListening = listenForPanel(sdk);
    if (running) registry[RUNNING] = sdk;
    return sdk;
  };

  if (!options || typeof options.manifest !== 'string' || options.manifest === '') {
    report({ code: 'options-invalid', message: 'Inkling needs a manifest URL: data-manifest="/inkling/manifest.json" on its script tag, or init({ manifest: "/inkling/manifest.json" })' });
    return inert('Inkling is not configured on this site', false);
  }
  let manifestUrl: string;
  try {
    manifestUrl = pageUrl(options.manifest).href;
  } catch {
    report({ code: 'options-invalid', message: `Inkling cannot read its manifest URL ${JSON.stringify(options.manifest)}` });
    return inert('Inkling is not configured on this site', false);
  }
  if (!CONSENTS.includes(consent)) {
    report({ code: 'options-invalid', message: `Inkling consent must be granted, pending or denied, not ${JSON.stringify(consent)}; using pending` });
    consent = 'pending';
  }
  // Global Privacy Control / Do-Not-Track: nothing is recorded and the default content stays.
  if (options.respectOptOut !== false && hasOptOutSignal()) return inert('your browser asks sites not to track you, so nothing is recorded', true);

  const off = () => settings.get().personalizationOff;
  // Before any slot is painted: the cached decision from the last page, or the default.
  installVariantStyle(options.nonce);
  decision = consent === 'denied' || off() ? null : readDecisionCache();
  // The development checks of `debug` come with the panel module; other pages neither load nor run them.
  const checker = options.debug ? panel().then((p) => p.createMarkupChecker(warnOnce), () => undefined) : undefined;
  const variants = createVariantController(decision?.segment ?? 'default', checker && ((slot, list) => void checker.then((c) => c?.check(slot, list))));
  let knownManifest: string | undefined;
  let cacheWrittenAt = 0;

  const show = (next: Decision | null) => {
    // The engine's first answer replaces the cached decision (segment id only) even when the segment is the same.
    const changed = next?.segment !== decision?.segment || decision?.cached === true;
    decision = next;
    if (checker && next && next.manifestId !== knownManifest) {
      knownManifest = next.manifestId;
      const ids = Object.keys(next.distances);
      void checker.then((c) => c?.setKnownSegments(ids));
    }
    if (off()) return;
    // localStorage is written when the segment changes, and refreshed at most hourly to keep it from expiring.
    if ((consent === 'granted' && (changed || (next?.decidedAt ?? 0) - cacheWrittenAt > 3_600_000)) || !next) {
      writeDecisionCache(next);
      cacheWrittenAt = next?.decidedAt ?? 0;
    }
    if (!changed) return;
    variants.show(next?.segment ?? 'default', next ? (options.applyOn ?? 'next-view') : 'immediate');
    if (next) emitter.emit('segmentchange', next);
  };
  const onResult = (result: EngineResult) => {
    result.errors.forEach((error) => report(error));
    result.warnings.forEach(warnOnce);
    // Results may cross (a manifest refresh runs beside ingests): never go back to an older decision.
    // The cached one never holds the engine's off: it was dated on an earlier page, maybe by a
    // clock that ran ahead and has since been put right.
    const { decision: next } = result;
    if (next && !stopped && consent !== 'denied' && (decision?.cached || next.decidedAt >= (decision?.decidedAt ?? 0))) show(next);
  };

  const workerUrl = options.workerUrl === undefined ? siblingUrl('inkling-worker.js') : options.workerUrl;
  // A worker that stops answering after it started (killed for memory, say) is replaced once;
  // when the new one stops too, the engine runs in-thread. The new engine starts as on a return
  // from the back/forward cache (reconnect), and is sent the calls the dead one left (see enqueue).
  let losses = 0;
  let lost: Error | undefined;
  const connect = (): Promise<EngineConnection> =>
    connectEngine(workerUrl === false || losses > 1 ? null : () => createWorkerFor(String(workerUrl)), options.workerTimeout, (e) => {
      if (stopped) return;
      losses++;
      lost = e;
      report({ code: 'worker-unavailable', message: `Inkling: ${describe(e)}; ${losses > 1 ? 'it runs on the main thread now' : 'a new worker starts'}` }, `lost ${losses}`);
      reconnect();
    });
  let connection = connect();
  /** A new engine for one that is gone (died, or stopped for the back/forward cache), started afresh. */
  const reconnect = () => {
    connection = connect();
    if (consent !== 'denied') start();
  };
  void connection.then(
    ({ mode, fallbackReason }) => {
      if (mode === 'in-thread' && workerUrl !== false) report({ code: 'worker-unavailable', message: `Inkling runs its engine on the main thread: ${fallbackReason}` });
    },
    () => undefined, // no engine at all: the start call reports it
  );

  // Calls into the engine run one after another, so decisions arrive in the order they were asked for.
  let queue: Promise<unknown> = Promise.resolve();
  const ask = <T>(call: (engine: EngineApi) => Promise<T>): Promise<T> => {
    // A call in flight when its worker is stopped (into the back/forward cache) fails instead of
    // holding every later call; a batch it carried is still in the outbox, replayed on return.
    const answer = queue.then(() => connection).then(({ engine, closed }) => Promise.race([call(engine), closed]));
    queue = answer.catch(() => undefined);
    return answer;
  };
  // A call its worker left unanswered by dying (reported as it died) goes once more, to the engine
  // that replaced it: a batch is then stored (twice only if the worker died between storing it
  // and answering).
  const enqueue = (what: string, call: (engine: EngineApi) => Promise<EngineResult | void>, again = true): Promise<void> =>
    ask(call).then(
      (result) => void (result && onResult(result)),
      (e) => (e !== lost ? report({ code: 'internal', message: `Inkling could not ${what}: ${describe(e)}` }, describe(e)) : again ? enqueue(what, call, false) : undefined),
    );
  // The engine deletes what it holds; when it cannot answer (stopped by destroy(), or it never
  // started), the page deletes the stores itself.
  const forgetProfile = () => ask((engine) => engine.forget()).catch(() => deleteProfileDB().catch(() => undefined));

  const replayOutbox = () => {
    for (const batch of outbox.all()) void enqueue('record activity', (engine) => engine.ingest(batch).then((r) => (outbox.remove(batch.id), r)));
  };
  const buffer = createSignalBuffer((signals: Signal[], leaving: boolean, freezing: boolean) => {
    if (consent === 'granted' && leaving) {
      // The page may be closing: keep the batch until the engine confirms it (see createOutbox).
      const batch = { id: batchId(), signals };
      outbox.save(batch);
      // Going into the back/forward cache, the batch waits in the outbox for the next page (or this
      // one's return): WebKit freezes the worker too, and one frozen mid-transaction holds its
      // IndexedDB lock, so every later page of the site would wait for it forever.
      if (!freezing) void enqueue('record activity', (engine) => engine.ingest(batch).then((r) => (outbox.remove(batch.id), r)));
    } else void enqueue('record activity', (engine) => engine.ingest({ signals }));
  });
  // Into the back/forward cache, the worker is stopped: WebKit would freeze it with the page, and
  // a worker frozen inside an IndexedDB transaction (a batch, the manifest cache) holds its lock,
  // so every later page of the site would wait for it forever. Back from the cache, a new one starts.
  const stopReplaying = listen(window, 'beforeunload pagehide pageshow', (event) => {
    unloading = event.type !== 'pageshow';
    // Not every beforeunload unloads (a download link, a cancelled "Leave site?"): the visitor's
    // next input says the page stayed.
    if (event.type === 'beforeunload') {
      const stayed = listen(window, 'pointerdown keydown', () => {
        unloading = false;
        stayed();
      });
    }
    if (!(event as PageTransitionEvent).persisted || stopped) return;
    if (event.type === 'pagehide') {
      void connection.then((c) => c.close(), () => undefined);
      return;
    }
    reconnect();
  });
  // A page the browser prerenders may never be shown: what it records is held until the visitor
  // arrives (and dated then), and is gone with the page otherwise. The engine starts meanwhile, so
  // the decision is ready on arrival.
  let held: Signal[] | undefined = [];
  // The visitor's choices gate every signal: nothing while paused, nothing about a blocked topic.
  const record = (signal: Signal) => {
    if (held) return void (held.length < MAX_BUFFERED_SIGNALS && held.push(signal));
    const { paused, blockedTopics } = settings.get();
    if (!paused && !(signal.topic && blockedTopics.includes(storedName(signal.topic)))) buffer.push(signal);
  };
  const stopWaiting = whenActivated(() => {
    const signals = held ?? [];
    const at = Date.now();
    held = undefined;
    signals.forEach((signal) => record({ ...signal, at }));
  });
  const track = (fresh = true) => {
    stopTracking ??= startTracking(record, () => variants.newView(), fresh);
  };

  const start = () => {
    // Not sent again when its worker dies: the engine that replaces it starts afresh.
    void enqueue('start', async (engine) => {
      // What was recorded while the engine started (the page's context, often its view) goes with
      // the start call: one round trip and one decision instead of two.
      const config = { manifestUrl, persist: consent === 'granted', publicKeys: options.publicKey, manifestTimeout: options.manifestTimeout, current: decision?.segment };
      const result = await engine.start(config, buffer.take());
      // Answered from the cached manifest: revalidate it beside the queue, so a slow server delays nothing.
      if (result.refresh) void engine.refresh().then(onResult, (e) => e !== lost && report({ code: 'internal', message: `Inkling could not refresh the manifest: ${describe(e)}` }));
      return result;
    }, false);
    // Batches that were sent as an earlier page closed, which its worker may not have stored.
    if (consent === 'granted') replayOutbox();
    track();
  };
  if (consent === 'denied') void forgetProfile().then(() => outbox.clear());
  else start();
  const ready = queue.then(() => {
    // The engine has answered (or cannot): slots held by data-inkling-wait show what they have.
    variants.release();
    emitter.emit('ready', decision);
    return decision;
  });

  // Trackers hold measures in progress (dwell, scroll depth): they are restarted, not flushed.
  const resetHere = (restart: boolean) => {
    stopTracking?.();
    stopTracking = undefined;
    if (held) held = [];
    buffer.drop();
    outbox.clear();
    writeDecisionCache(null);
    decision = null;
    variants.show('default', 'immediate');
    if (restart) track(false);
  };
  const changeSettings = (change: Partial<Settings>) => settings.set({ ...settings.get(), ...change });
  /** Shows the decision again (and says so) or the default content, as the visitor's choice is now. */
  const applyPersonalization = (on: boolean) => {
    writeDecisionCache(on && consent === 'granted' ? decision : null);
    variants.show(on ? (decision?.segment ?? 'default') : 'default', 'immediate');
    if (on && decision) emitter.emit('segmentchange', decision);
  };
  // Other open tabs follow "delete everything" and the visitor's choices: both are localStorage
  // writes, which raise a `storage` event in every other tab of the origin (never in this one).
  const stopFollowing = listen(window, 'storage', (event) => {
    const { key, newValue } = event as StorageEvent;
    const forgotten = key === FORGET_KEY && newValue !== null;
    if (!forgotten && key !== SETTINGS_KEY) return;
    const wasOff = off();
    settings = createSettingsStore();
    if (forgotten) {
      resetHere(consent !== 'denied' && !stopped);
      // What this tab's engine holds in memory (consent pending, or no IndexedDB) goes too.
      if (!stopped) void ask((engine) => engine.forget()).catch(() => undefined);
    } else if (off() !== wasOff) applyPersonalization(!off());
  });

  const sdk: Inkling = {
    segment: () => (off() ? null : decision),
    on,
    track(name, options) {
      const { topic, value = 1 } = options ?? {};
      if (stopped || consent === 'denied') return;
      // A bad argument would fail the whole batch on its way to the engine (a symbol cannot be
      // copied to a worker) or poison the scores (NaN): it is refused, with a warning.
      if (typeof name !== 'string' || !name || (topic !== undefined && typeof topic !== 'string') || typeof value !== 'number' || !Number.isFinite(value)) {
        return report({ code: 'options-invalid', message: `Inkling track() takes a name, a string topic and a finite number value; ignored track(${JSON.stringify(String(name))})` });
      }
      record({ signal: `custom:${name}`, topic, value, at: Date.now() });
    },
    consent(next) {
      if (next === consent || !CONSENTS.includes(next)) return;
      const was = consent;
      consent = next;
      if (next === 'denied') {
        // Also after destroy(): a visitor's "no" deletes what was stored.
        resetHere(false);
        void forgetProfile();
        return;
      }
      if (stopped) return;
      if (was === 'denied') start();
      else void enqueue('store the profile', (engine) => engine.setPersist(next === 'granted'));
    },
    ready,
    destroy() {
      if (stopped) return;
      stopTracking?.();
      stopWaiting();
      buffer.stop();
      variants.stop();
      stopListening();
      stopReplaying();
      stopFollowing();
      stopped = true;
      if (registry[RUNNING] === sdk) delete registry[RUNNING];
      void queue.then(() => connection).then((c) => c.close(), () => undefined);
    },
    push: (command) => dispatch(sdk, command),
    explain: () =>
      consent === 'denied'
        ? explainNothing('you declined, so nothing is recorded')
        : inspect().then(([s, p]) => p.explainDecision(s.decision, s.manifest, s.buckets, settings.get(), dayNumber(s.at))),
    export: () =>
      inspect().then(([s, p]) => p.exportProfile(s.buckets, settings.get(), s.manifest?.id ?? null, off() ? null : (readDecisionCache()?.segment ?? null), s.at)),
    async forget() {
      settings.clear();
      resetHere(consent !== 'denied' && !stopped);
      await forgetProfile();
      try {
        localStorage.setItem(FORGET_KEY, String(Date.now()));
        localStorage.removeItem(FORGET_KEY);
      } catch {
        // No storage: other tabs follow on their next page load.
      }
    },
    pause: () => changeSettings({ paused: true }),
    resume: () => changeSettings({ paused: false }),
    async blockTopic(topic) {
      if (typeof topic !== 'string' || !topic) return;
      // As the profile keeps it (and the panel lists it): long names are cut.
      const name = storedName(topic);
      if (settings.get().blockedTopics.includes(name)) return;
      changeSettings({ blockedTopics: [...settings.get().blockedTopics, name] });
      // What is still buffered about it reaches the engine first, and goes with the purge.
      buffer.flush();
      await enqueue('block a topic', (engine) => engine.blockTopic(name));
    },
    personalize(on) {
      // Asked again for what already holds: nothing changes, and nothing is announced.
      if (off() === !on) return;
      changeSettings({ personalizationOff: !on });
      applyPersonalization(!!on);
    },
    settings: () => settings.get(),
    openPanel: (slot) => openPanel(sdk, slot),
  };
  const stopListening = listenForPanel(sdk);
  registry[RUNNING] = sdk;
  return sdk;
}
