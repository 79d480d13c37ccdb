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
export function createSignalBuffer(sink: (batch: Signal[], leaving: boolean) => void, max = MAX_BUFFERED_SIGNALS): SignalBuffer {
  let pending: Signal[] = [];
  let cancelIdle: (() => void) | undefined;

  // `leaving` is true when the page is being hidden or unloaded: the sink may have to make the batch survive the page.
  const flush = (leaving = false) => {
    cancelIdle?.();
    cancelIdle = undefined;
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    sink(batch, leaving);
  };
  const offHidden = onHidden(() => flush(true));

  return {
    push(signal) {
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
