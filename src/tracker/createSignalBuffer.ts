import { FLUSH_INTERVAL_MS, MAX_BUFFERED_SIGNALS } from '../constants';
import { listen } from '../lib/listen';
import { whenIdle } from '../lib/whenIdle';
import type { Signal } from '../types/signal';

/** Collects signals on the main thread and hands them over in batches. */
export interface SignalBuffer {
  /** Adds one signal; schedules an idle flush, or flushes at once when the buffer is full or the page is away. */
  push(signal: Signal): void;
  /** Hands everything buffered to the sink now. */
  flush(): void;
  /** Everything buffered, handed to the caller instead of the sink (counts as a flush). */
  take(): Signal[];
  /** Throws away what is buffered ("delete everything"). */
  drop(): void;
  /** Stops the scheduling (buffered signals are flushed first). */
  stop(): void;
}

/**
 * A signal buffer that flushes in idle time (capped at 1 s), but no sooner than `interval` ms
 * after its last flush, so a burst of clicks makes one batch and not one per click (each batch
 * is a round trip to the worker, an IndexedDB transaction and a decision); when it holds
 * `MAX_BUFFERED_SIGNALS`; and at once when the page is hidden or unloaded.
 *
 * While the page is away (from `visibilitychange` → hidden or `pagehide` until it is shown
 * again), what is pushed is flushed as leaving in a microtask: the signals one tracker pushes in
 * its handler (element dwell, one per topic) make one batch, not one each, so they cannot crowd
 * older batches out of the outbox, and the batch is out before the event's dispatch ends.
 * The buffer registers its handler
 * before the trackers register theirs, so their last measures (page dwell, scroll depth, element
 * dwell) arrive after its own flush; a page killed after being hidden without a `pagehide` (a
 * mobile app switch, a discarded tab) must have them in the outbox already, and an idle flush
 * would not get there.
 */
export function createSignalBuffer(
  sink: (batch: Signal[], leaving: boolean, freezing: boolean) => void,
  max = MAX_BUFFERED_SIGNALS,
  interval = FLUSH_INTERVAL_MS,
): SignalBuffer {
  let pending: Signal[] = [];
  let cancelIdle: (() => void) | undefined;
  let flushedAt = -Infinity;

  /** Idle time, once `interval` has passed since the last flush. */
  const schedule = (): (() => void) => {
    const wait = flushedAt + interval - performance.now();
    if (!(wait > 0)) return whenIdle(() => flush());
    let cancel = () => clearTimeout(timer);
    const timer = setTimeout(() => (cancel = whenIdle(() => flush())), wait);
    return () => cancel();
  };

  /** Empties the buffer and cancels its scheduled flush; `restart` starts the interval again. */
  const take = (restart = true) => {
    cancelIdle?.();
    cancelIdle = undefined;
    if (restart) flushedAt = performance.now();
    const batch = pending;
    pending = [];
    return batch;
  };
  // `leaving` is true when the page is being hidden or unloaded: the sink may have to make the batch survive the page.
  // `freezing` is true when it goes into the back/forward cache (`pagehide` with `persisted`).
  const flush = (leaving = false, freezing = false) => {
    const batch = take(!leaving && pending.length > 0);
    if (batch.length > 0) sink(batch, leaving, freezing);
  };
  // Away from hidden or `pagehide` until shown again (`visibilitychange` → visible, a bfcache
  // `pageshow`, a prerender's activation); frozen from a `pagehide` with `persisted` until then
  // (WebKit fires `visibilitychange` after `pagehide`, so that flush must know it too).
  let away = false;
  let frozen = false;
  let flushQueued = false;
  const offAway = listen(window, 'visibilitychange pagehide pageshow prerenderingchange', (event) => {
    const { type } = event;
    if (type === 'pagehide') frozen = (event as PageTransitionEvent).persisted === true;
    away = type === 'pagehide' || (type === 'visibilitychange' && document.visibilityState === 'hidden');
    if (away) flush(true, frozen);
    else frozen = false;
  });

  return {
    push(signal) {
      pending.push(signal);
      if (away) {
        if (flushQueued) return;
        flushQueued = true;
        queueMicrotask(() => {
          flushQueued = false;
          flush(true, frozen);
        });
      } else if (pending.length >= max) flush();
      else cancelIdle ??= schedule();
    },
    flush: () => flush(),
    take: () => take(),
    drop() {
      pending = [];
    },
    stop() {
      flush();
      offAway();
    },
  };
}
