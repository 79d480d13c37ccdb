import { connectEngine } from './engine/connectEngine';
import { createWorkerFor } from './engine/createWorkerFor';
import { defaultWorkerUrl } from './engine/defaultWorkerUrl';
import type { EngineResult } from './engine/protocol';
import { createEmitter } from './lib/createEmitter';
import { createSignalBuffer } from './tracker/createSignalBuffer';
import { trackClicks } from './tracker/trackClicks';
import type { Decision } from './types/decision';
import type { InklingError } from './types/error';
import type { Inkling, InklingEvents } from './types/instance';
import type { InitOptions } from './types/options';
import type { Signal } from './types/signal';
import { applyDecision } from './variants/applyDecision';
import { installVariantStyle } from './variants/installVariantStyle';

const describe = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Starts Inkling on this page: tracking, the engine (in a Web Worker when it can start) and
 * the variants. Returns the instance at once and never throws; failures become `error` events.
 *
 * @example
 * import { init } from 'inkling';
 * const sdk = init({ manifest: '/inkling/manifest.json' });
 * sdk.on('segmentchange', (d) => console.log('now showing', d.segment));
 * await sdk.ready;
 */
export function init(options: InitOptions): Inkling {
  const emitter = createEmitter<InklingEvents>();
  const reported = new Set<string>();
  let decision: Decision | null = null;
  let stopped = false;

  // One `error` event and one console warning per distinct problem, never an exception.
  const report = (error: InklingError) => {
    const key = `${error.code}:${error.message}`;
    if (reported.has(key)) return;
    reported.add(key);
    console.warn(error.message);
    emitter.emit('error', error);
  };
  const show = (next: Decision) => {
    const changed = next.segment !== decision?.segment;
    decision = next;
    if (!changed) return;
    applyDecision(next.segment);
    emitter.emit('segmentchange', next);
  };
  const onResult = (result: EngineResult) => {
    result.errors.forEach(report);
    if (result.decision && !stopped) show(result.decision);
  };

  if (!options || typeof options.manifest !== 'string' || options.manifest === '') {
    report({ code: 'options-invalid', message: 'Inkling needs a manifest URL: init({ manifest: "/inkling/manifest.json" })' });
    return { segment: () => null, on: emitter.on, track() {}, ready: Promise.resolve(null), destroy() {} };
  }

  installVariantStyle();
  const workerUrl = options.workerUrl === undefined ? defaultWorkerUrl() : options.workerUrl;
  const connection = connectEngine(workerUrl === false ? null : () => createWorkerFor(String(workerUrl)), options.workerTimeout);

  // Calls into the engine run one after another, so decisions arrive in the order they were asked for.
  let queue: Promise<unknown> = connection.then(async ({ engine, mode, fallbackReason }) => {
    if (mode === 'in-thread' && workerUrl !== false) {
      report({ code: 'worker-unavailable', message: `Inkling runs its engine on the main thread: ${fallbackReason}` });
    }
    onResult(await engine.start({ manifestUrl: new URL(options.manifest, location.href).href }));
  });
  const ready = queue
    .catch((e) => report({ code: 'internal', message: `Inkling could not start: ${describe(e)}` }))
    .then(() => {
      emitter.emit('ready', decision);
      return decision;
    });

  const buffer = createSignalBuffer((batch: Signal[]) => {
    queue = queue
      .then(() => connection)
      .then(({ engine }) => engine.ingest(batch))
      .then(onResult)
      .catch((e) => report({ code: 'internal', message: `Inkling could not record activity: ${describe(e)}` }));
  });
  const stopClicks = trackClicks(buffer.push);

  return {
    segment: () => decision,
    on: emitter.on,
    track(name, { topic, value = 1 } = {}) {
      if (!stopped && typeof name === 'string' && name) buffer.push({ signal: `custom:${name}`, topic, value, at: Date.now() });
    },
    ready,
    destroy() {
      if (stopped) return;
      stopped = true;
      stopClicks();
      buffer.stop();
      void queue.then(() => connection).then((c) => c.close(), () => undefined);
    },
  };
}
