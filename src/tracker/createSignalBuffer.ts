import { MAX_BUFFERED_SIGNALS } from '../constants';
import { onHidden } from '../lib/onHidden';
import { whenIdle } from '../lib/whenIdle';
import type { Signal } from '../types/signal';

/** Collects signals on the main thread and hands them over in batches. */
export interface SignalBuffer {
  /** Adds one signal; schedules an idle flush, or flushes at once when the buffer is full. */
  push(signal: Signal): void;
  /** Hands everything buffered to the sink now. */
  flush(): void;
  /** Throws away what is buffered ("delete everything"). */
  drop(): void;
  /** Stops the scheduling (buffered signals are flushed first). */
  stop(): void;
}

/**
 * A signal buffer that flushes in idle time (capped at 1 s), when it holds
 * `MAX_BUFFERED_SIGNALS`, and at once when the page is hidden or unloaded.
 */
export function createSignalBuffer(sink: (batch: Signal[], leaving: boolean, freezing: boolean) => void, max = MAX_BUFFERED_SIGNALS): SignalBuffer {
  let pending: Signal[] = [];
  let cancelIdle: (() => void) | undefined;

  // `leaving` is true when the page is being hidden or unloaded: the sink may have to make the batch survive the page.
  // `freezing` is true when it goes into the back/forward cache (`pagehide` with `persisted`).
  const flush = (leaving = false, freezing = false) => {
    cancelIdle?.();
    cancelIdle = undefined;
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    sink(batch, leaving, freezing);
  };
  // From a `pagehide` with `persisted` until the next signal, it is frozen in the cache
  // (WebKit fires `visibilitychange` after `pagehide`, so that flush must know it too).
  let frozen = false;
  const offHidden = onHidden((event) => {
    if (event.type === 'pagehide') frozen = (event as PageTransitionEvent).persisted === true;
    flush(true, frozen);
  });

  return {
    push(signal) {
      frozen = false;
      pending.push(signal);
      if (pending.length >= max) flush();
      else cancelIdle ??= whenIdle(() => flush());
    },
    flush: () => flush(),
    drop() {
      pending = [];
    },
    stop() {
      flush();
      offHidden();
    },
  };
}
