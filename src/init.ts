import { connectEngine } from './engine/connectEngine';
import { createWorkerFor } from './engine/createWorkerFor';
import { defaultWorkerUrl } from './engine/defaultWorkerUrl';
import type { EngineApi, EngineResult } from './engine/protocol';
import { createEmitter } from './lib/createEmitter';
import { hasOptOutSignal } from './lib/hasOptOutSignal';
import { parsePublicKeys } from './lib/parsePublicKeys';
import { createOutbox } from './tracker/createOutbox';
import { createSignalBuffer } from './tracker/createSignalBuffer';
import { startTracking } from './tracker/startTracking';
import type { Decision } from './types/decision';
import type { InklingError } from './types/error';
import type { Consent, Inkling, InklingEvents } from './types/instance';
import type { InitOptions } from './types/options';
import type { Signal } from './types/signal';
import { createVariantController, type VariantController } from './variants/createVariantController';
import { readDecisionCache, writeDecisionCache } from './variants/decisionCache';
import { installVariantStyle } from './variants/installVariantStyle';

const describe = (e: unknown) => (e instanceof Error ? e.message : String(e));
const batchId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
const CONSENTS: readonly unknown[] = ['granted', 'pending', 'denied'];
/** The instance methods a queued command may call. */
const COMMANDS: readonly unknown[] = ['on', 'track', 'consent', 'destroy'];

/**
 * Starts Inkling on this page: tracking, the engine (in a Web Worker when it can start) and
 * the variants. Returns the instance at once and never throws; failures become `error` events.
 *
 * @example
 * import { init } from 'inkling';
 * const sdk = init({ manifest: '/inkling/manifest.json', consent: 'pending' });
 * sdk.on('segmentchange', (d) => console.log('now showing', d.segment));
 * cookieBanner.onAccept(() => sdk.consent('granted'));
 */
export function init(options: InitOptions): Inkling {
  const emitter = createEmitter<InklingEvents>();
  const reported = new Set<string>();
  const outbox = createOutbox();
  let decision: Decision | null = null;
  let consent: Consent = options?.consent ?? 'granted';
  let stopped = false;
  let stopTracking: (() => void) | undefined;
  let variants: VariantController | undefined;
  let knownManifest: string | undefined;

  // One `error` event and one console warning per distinct problem, never an exception.
  const report = (error: InklingError) => {
    const key = `${error.code}:${error.message}`;
    if (reported.has(key)) return;
    reported.add(key);
    console.warn(error.message);
    emitter.emit('error', error);
  };
  const warned = new Set<string>();
  const warnOnce = (warning: string) => {
    if (warned.has(warning)) return;
    warned.add(warning);
    console.warn(warning);
  };
  const show = (next: Decision | null) => {
    const changed = next?.segment !== decision?.segment;
    decision = next;
    if (consent === 'granted' || !next) writeDecisionCache(next);
    if (next && next.manifestId !== knownManifest) {
      knownManifest = next.manifestId;
      variants?.setKnownSegments(Object.keys(next.distances));
    }
    if (!changed) return;
    variants?.show(next?.segment ?? 'default', next ? (options.applyOn ?? 'next-view') : 'immediate');
    if (next) emitter.emit('segmentchange', next);
  };
  const onResult = (result: EngineResult) => {
    result.errors.forEach(report);
    result.warnings.forEach(warnOnce);
    // Results may cross (a manifest refresh runs beside ingests): never go back to an older decision.
    if (result.decision && !stopped && consent !== 'denied' && result.decision.decidedAt >= (decision?.decidedAt ?? 0)) show(result.decision);
  };
  const inert = (): Inkling => ({
    segment: () => null,
    on: emitter.on,
    track() {},
    consent() {},
    ready: Promise.resolve(null).then((d) => (emitter.emit('ready', d), d)),
    destroy() {},
    push() {},
  });

  if (!options || typeof options.manifest !== 'string' || options.manifest === '') {
    report({ code: 'options-invalid', message: 'Inkling needs a manifest URL: init({ manifest: "/inkling/manifest.json" })' });
    return inert();
  }
  if (!CONSENTS.includes(consent)) {
    report({ code: 'options-invalid', message: `Inkling consent must be granted, pending or denied, not ${JSON.stringify(consent)}; using pending` });
    consent = 'pending';
  }
  // Global Privacy Control / Do-Not-Track: nothing is recorded and the default content stays.
  if (options.respectOptOut !== false && hasOptOutSignal()) return inert();

  const { keys: publicKeys, malformed } = parsePublicKeys(options.publicKey);
  for (const key of malformed) report({ code: 'options-invalid', message: `Inkling public key ${JSON.stringify(key)} is not a raw 32-byte Ed25519 key in standard base64` });

  // Before any slot is painted: the cached decision from the last page, or the default.
  installVariantStyle(options.nonce);
  decision = consent === 'denied' ? null : readDecisionCache();
  variants = createVariantController(decision?.segment ?? 'default', warnOnce);
  const workerUrl = options.workerUrl === undefined ? defaultWorkerUrl() : options.workerUrl;
  const connection = connectEngine(workerUrl === false ? null : () => createWorkerFor(String(workerUrl)), options.workerTimeout);

  // Calls into the engine run one after another, so decisions arrive in the order they were asked for.
  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = (what: string, call: (engine: EngineApi) => Promise<EngineResult | void>) => {
    const next = queue
      .then(() => connection)
      .then(({ engine }) => call(engine as unknown as EngineApi))
      .then((result) => result && onResult(result))
      .catch((e) => report({ code: 'internal', message: `Inkling could not ${what}: ${describe(e)}` }));
    queue = next;
    return next;
  };

  const buffer = createSignalBuffer((signals: Signal[], leaving: boolean) => {
    if (consent === 'granted' && leaving) {
      // The page may be closing: keep the batch until the engine confirms it (see createOutbox).
      const batch = { id: batchId(), signals };
      outbox.save(batch);
      void enqueue('record activity', (engine) => engine.ingest(batch).then((r) => (outbox.remove(batch.id), r)));
    } else void enqueue('record activity', (engine) => engine.ingest({ signals }));
  });
  const track = () => {
    stopTracking ??= startTracking(buffer.push, () => variants?.newView());
  };

  void connection.then(({ mode, fallbackReason }) => {
    if (mode === 'in-thread' && workerUrl !== false) report({ code: 'worker-unavailable', message: `Inkling runs its engine on the main thread: ${fallbackReason}` });
  });
  const manifestUrl = new URL(options.manifest, location.href).href;
  const start = () => {
    void enqueue('start', async (engine) => {
      const result = await engine.start({ manifestUrl, persist: consent === 'granted', publicKeys, manifestTimeout: options.manifestTimeout, current: decision?.segment });
      // Answered from the cached manifest: revalidate it beside the queue, so a slow server delays nothing.
      if (result.refresh) void engine.refresh().then(onResult, (e) => report({ code: 'internal', message: `Inkling could not refresh the manifest: ${describe(e)}` }));
      return result;
    });
    // Batches that were sent as an earlier page closed, which its worker may not have stored.
    if (consent === 'granted') for (const batch of outbox.all()) void enqueue('record activity', (engine) => engine.ingest(batch).then((r) => (outbox.remove(batch.id), r)));
    track();
  };
  if (consent === 'denied') void enqueue('delete the profile', (engine) => engine.forget().then(() => outbox.clear()));
  else start();
  const ready = queue.then(() => {
    // The engine has answered (or cannot): slots held by data-inkling-wait show what they have.
    variants?.release();
    emitter.emit('ready', decision);
    return decision;
  });

  const sdk: Inkling = {
    segment: () => decision,
    on: emitter.on,
    track(name, { topic, value = 1 } = {}) {
      if (!stopped && consent !== 'denied' && typeof name === 'string' && name) buffer.push({ signal: `custom:${name}`, topic, value, at: Date.now() });
    },
    consent(next) {
      if (stopped || next === consent || !CONSENTS.includes(next)) return;
      const was = consent;
      consent = next;
      if (next === 'denied') {
        stopTracking?.();
        stopTracking = undefined;
        buffer.flush();
        outbox.clear();
        show(null);
        void enqueue('delete the profile', (engine) => engine.forget());
        return;
      }
      if (was === 'denied') start();
      else void enqueue('store the profile', (engine) => engine.setPersist(next === 'granted'));
    },
    ready,
    destroy() {
      if (stopped) return;
      stopTracking?.();
      buffer.stop();
      variants?.stop();
      stopped = true;
      void queue.then(() => connection).then((c) => c.close(), () => undefined);
    },
    push(command) {
      const [name, ...args] = Array.isArray(command) ? command : [];
      if (!COMMANDS.includes(name)) return report({ code: 'options-invalid', message: `Inkling has no command ${JSON.stringify(name)}` });
      try {
        (sdk[name as 'track'] as (...a: unknown[]) => void)(...args);
      } catch (e) {
        report({ code: 'options-invalid', message: `Inkling command ${String(name)} failed: ${describe(e)}` });
      }
    },
  };
  return sdk;
}
