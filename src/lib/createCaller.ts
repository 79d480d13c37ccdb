/** The view of an API whose calls cross a message port: every method answers with a promise. */
export type Remote<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never };

/** A call as it crosses the port (see serveCalls). */
export interface CallMessage {
  /** Numbers the call, so its answer finds it. */
  id: number;
  /** The method's name. */
  call: string;
  /** Its arguments, structured-cloned. */
  args: unknown[];
}

/** The answer to a call: `value`, or `error` (the message of what the method threw). */
export interface AnswerMessage {
  id: number;
  value?: unknown;
  error?: string;
}

/** The side of a MessagePort, Worker or worker global that calls and answers use. */
export interface CallPort {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  /** MessagePorts deliver nothing to `addEventListener` listeners until started. */
  start?(): void;
}

/**
 * Calls `names` of an API served across `port` by `serveCalls`. Arguments and answers are
 * structured-cloned, a throw on the other side rejects with its message, and messages that are
 * not answers (a worker's own announcements) are left alone. Only plain data crosses: no
 * callbacks, no transfer, which is all the engine's protocol needs (comlink, which this
 * replaces, did more and weighed 1.5 KB gzip of the script tag).
 *
 * With `silentMs`, a side that dies (a worker killed for memory) does not leave calls waiting
 * for ever: while calls wait, the other side must say something every `silentMs`. When it has
 * not, it is sent an empty call, which `serveCalls` answers at once even while other calls wait
 * on the network (an unknown call is answered with an error); when that goes unanswered too,
 * every waiting call and every later one rejects, and `onSilent` hears why. A call that takes
 * long on a live side (a slow manifest server) is not cut short.
 *
 * @example
 * const engine = createCaller<EngineApi>(worker, ENGINE_CALLS);
 * const result = await engine.ingest({ signals });
 */
export function createCaller<T>(port: CallPort, names: readonly (keyof T & string)[], silentMs = 0, onSilent?: (reason: Error) => void): Remote<T> {
  let last = 0;
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let heard = false;
  let probed = false;
  let watching = false;
  let lost: Error | undefined;
  const watch = () => {
    if (waiting.size === 0) return void (watching = probed = false);
    if (heard) heard = probed = false;
    else if (probed) {
      lost = new Error(`the engine stopped answering (nothing for ${silentMs} ms, not even to a probe)`);
      waiting.forEach((call) => call.reject(lost!));
      waiting.clear();
      return onSilent?.(lost);
    } else {
      probed = true;
      port.postMessage({ id: 0, call: '', args: [] } satisfies CallMessage);
    }
    setTimeout(watch, silentMs);
  };
  port.addEventListener('message', ({ data }: MessageEvent<AnswerMessage | undefined>) => {
    heard = true;
    const call = data && waiting.get(data.id);
    if (!call) return;
    waiting.delete(data.id);
    if (data.error !== undefined) call.reject(new Error(data.error));
    else call.resolve(data.value);
  });
  port.start?.();
  const remote: Record<string, unknown> = {};
  for (const name of names) {
    remote[name] = (...args: unknown[]) =>
      new Promise((resolve, reject) => {
        if (lost) return reject(lost);
        const id = ++last;
        waiting.set(id, { resolve, reject });
        try {
          port.postMessage({ id, call: name, args } satisfies CallMessage);
        } catch (e) {
          // Arguments that cannot be cloned: nothing was sent, nothing will answer.
          waiting.delete(id);
          return reject(e);
        }
        if (silentMs > 0 && !watching) {
          watching = true;
          heard = false;
          setTimeout(watch, silentMs);
        }
      });
  }
  return remote as Remote<T>;
}
