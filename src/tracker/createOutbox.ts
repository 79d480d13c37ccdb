import { OUTBOX_KEY } from '../constants';
import type { SignalBatch } from '../engine/protocol';

/** Batches handed over as the page is hidden or closed, kept until the engine confirms them. */
export interface Outbox {
  /** Keeps a batch (synchronously, so it survives the tab closing right now). */
  save(batch: Required<SignalBatch>): void;
  /** Forgets a batch the engine has stored. */
  remove(id: string): void;
  /** Every batch not yet confirmed, oldest first. */
  all(): Required<SignalBatch>[];
  /** Forgets everything. */
  clear(): void;
}

/** Batches kept at most; an outbox this full means the engine has not been answering. */
const MAX_BATCHES = 20;

/**
 * An outbox in localStorage. A worker may be stopped with its page before it has written a
 * batch that was sent on `pagehide`; the next page replays what is left, and the engine applies
 * each batch id once only, so nothing is lost and nothing counts twice. Storage failures
 * (private mode, quota, blocked storage) make it a no-op: the batch is still sent as usual.
 */
export function createOutbox(storage: () => Storage = () => localStorage): Outbox {
  const read = (): Required<SignalBatch>[] => {
    try {
      const parsed: unknown = JSON.parse(storage().getItem(OUTBOX_KEY) ?? '[]');
      return Array.isArray(parsed) ? parsed.filter((b) => b && typeof b.id === 'string' && Array.isArray(b.signals)) : [];
    } catch {
      return [];
    }
  };
  const write = (batches: Required<SignalBatch>[]) => {
    try {
      if (batches.length === 0) storage().removeItem(OUTBOX_KEY);
      else storage().setItem(OUTBOX_KEY, JSON.stringify(batches.slice(-MAX_BATCHES)));
    } catch {
      // Nothing to do: the batch was sent to the engine anyway.
    }
  };
  return {
    save: (batch) => write([...read(), batch]),
    remove: (id) => write(read().filter((b) => b.id !== id)),
    all: read,
    clear: () => write([]),
  };
}
