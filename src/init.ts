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
import { applyDecision } from './variants/applyDecision';
import { installVariantStyle } from './variants/installVariantStyle';

const describe = (e: unknown) => (e instanceof Error ? e.message : String(e));
const batchId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

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

  // One `error` event and one console warning per distinct problem, never an exception.
  const report = (error: InklingError) => {
    const key = `${error.code}:${error.message}`;
    if (reported.has(key)) return;
    reported.add(key);
    console.warn(error.message);
    emitter.emit('error', error);
  };
  const show = (next: Decision | null) => {
    const changed = next?.segment !== decision?.segment;
    decision = next;
    if (!changed) return;
    applyDecision(next?.segment ?? 'default');
    if (next) emitter.emit('segmentchange', next);
  };
  const warned = new Set<string>();
  const onResult = (result: EngineResult) => {
    result.errors.forEach(report);
    for (const warning of result.warnings) {
      if (warned.has(warning)) continue;
      warned.add(warning);
      console.warn(warning);
    }
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
  });

  if (!options || typeof options.manifest !== 'string' || options.manifest === '') {
    report({ code: 'options-invalid', message: 'Inkling needs a manifest URL: init({ manifest: "/inkling/manifest.json" })' });
    return inert();
  }
  if (!['granted', 'pending', 'denied'].includes(consent)) {
    report({ code: 'options-invalid', message: `Inkling consent must be granted, pending or denied, not ${JSON.stringify(consent)}; using pending` });
    consent = 'pending';
  }
  // Global Privacy Control / Do-Not-Track: nothing is recorded and the default content stays.
  if (options.respectOptOut !== false && hasOptOutSignal()) return inert();

  const { keys: publicKeys, malformed } = parsePublicKeys(options.publicKey);
  for (const key of malformed) report({ code: 'options-invalid', message: `Inkling public key ${JSON.stringify(key)} is not a raw 32-byte Ed25519 key in standard base64` });

  installVariantStyle();
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
    stopTracking ??= startTracking(buffer.push);
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
    emitter.emit('ready', decision);
    return decision;
  });

  return {
    segment: () => decision,
    on: emitter.on,
    track(name, { topic, value = 1 } = {}) {
      if (!stopped && consent !== 'denied' && typeof name === 'string' && name) buffer.push({ signal: `custom:${name}`, topic, value, at: Date.now() });
    },
    consent(next) {
      if (stopped || next === consent || !['granted', 'pending', 'denied'].includes(next)) return;
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
      stopped = true;
      void queue.then(() => connection).then((c) => c.close(), () => undefined);
    },
  };
}
