import { ENGINE_READY, ENGINE_READY_PREFIX, WORKER_START_TIMEOUT_MS } from '../constants';
import { createCaller, type Remote } from '../lib/createCaller';
import { serveCalls } from '../lib/serveCalls';
import { ENGINE_CALLS, type EngineApi } from './protocol';

/** A connected engine and where it runs. */
export interface EngineConnection {
  /** The engine, called across a message port whether it is in a worker or in-thread. */
  engine: Remote<EngineApi>;
  /** `worker`, or `in-thread` when no worker could start. */
  mode: 'worker' | 'in-thread';
  /** Why the worker could not be used, when `mode` is `in-thread`. */
  fallbackReason?: string;
  /** Stops the worker (or closes the in-thread channel). */
  close(): void;
  /**
   * Rejects when `close()` is called. A call in flight then never gets its answer (the worker
   * is gone), so callers race it against this instead of waiting for ever.
   */
  closed: Promise<never>;
}

/** The `closed` promise of a connection and the function that closes it (for `reason`). */
function whenClosed(stop: () => void): { closed: Promise<never>; close(reason?: Error): void } {
  let reject: (reason: Error) => void = () => {};
  const closed = new Promise<never>((_, no) => (reject = no));
  closed.catch(() => undefined); // nobody may be racing it
  return {
    closed,
    close(reason = new Error('the engine was stopped')) {
      stop();
      reject(reason);
    },
  };
}

/**
 * Resolves when the worker posts `ENGINE_READY` (serveEngine); rejects on its `error` event or
 * after `timeoutMs`. Waiting for the worker to speak first costs the page no round trip.
 */
function whenReady(worker: Worker, timeoutMs: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the worker did not answer within ${timeoutMs} ms`)), timeoutMs);
    // Its first message: serveEngine sends nothing before it.
    worker.addEventListener(
      'message',
      ({ data }) => {
        const other = typeof data === 'string' && data.startsWith(ENGINE_READY_PREFIX) && data !== ENGINE_READY;
        if (data !== ENGINE_READY && !other) return;
        clearTimeout(timer);
        if (other) reject(new Error(`the worker is from another release of Inkling (it speaks ${data}, this page ${ENGINE_READY})`));
        else resolve();
      },
      { once: true },
    );
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      clearTimeout(timer);
      reject(new Error(`the worker failed to start (${e.message || 'error event'})`));
    });
  });
}

/**
 * Starts the engine in a Web Worker and falls back to running it in-thread, over a
 * MessageChannel, when the worker cannot be built, errors, or stays silent (a Blob worker
 * blocked by CSP `worker-src` neither throws nor errors: it just never answers).
 *
 * A worker that dies later (killed for memory, say) is found out the same way, within about
 * three `timeoutMs` of a call it leaves unanswered (see createCaller): the connection closes,
 * its waiting calls reject, and `onLost` hears why, so the caller can connect again.
 */
export async function connectEngine(
  createWorker: (() => Worker) | null,
  timeoutMs = WORKER_START_TIMEOUT_MS,
  onLost?: (reason: Error) => void,
): Promise<EngineConnection> {
  let reason = 'Web Workers are not available';
  if (createWorker && typeof Worker !== 'undefined') {
    let worker: Worker | undefined;
    try {
      worker = createWorker();
      await whenReady(worker, timeoutMs);
      const started = worker;
      let open = true;
      const closing = whenClosed(() => {
        open = false;
        started.terminate();
      });
      const lost = (e: Error) => {
        // After close() (destroy, the back/forward cache), the silence is ours.
        if (!open) return;
        // With the same reason as the calls it left, whichever a caller racing both hears first.
        closing.close(e);
        onLost?.(e);
      };
      return { engine: createCaller<EngineApi>(worker, ENGINE_CALLS, timeoutMs, lost), mode: 'worker', ...closing };
    } catch (e) {
      worker?.terminate();
      reason = e instanceof Error ? e.message : String(e);
    }
  }
  const { createEngine } = await import('./createEngine');
  const { port1, port2 } = new MessageChannel();
  serveCalls(createEngine(), port1);
  return {
    engine: createCaller<EngineApi>(port2, ENGINE_CALLS),
    mode: 'in-thread',
    fallbackReason: reason,
    ...whenClosed(() => {
      port1.close();
      port2.close();
    }),
  };
}
