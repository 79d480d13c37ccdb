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
 * @example
 * const engine = createCaller<EngineApi>(worker, ENGINE_CALLS);
 * const result = await engine.ingest({ signals });
 */
export function createCaller<T>(port: CallPort, names: readonly (keyof T & string)[]): Remote<T> {
  let last = 0;
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  port.addEventListener('message', ({ data }: MessageEvent<AnswerMessage | undefined>) => {
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
        const id = ++last;
        waiting.set(id, { resolve, reject });
        try {
          port.postMessage({ id, call: name, args } satisfies CallMessage);
        } catch (e) {
          // Arguments that cannot be cloned: nothing was sent, nothing will answer.
          waiting.delete(id);
          reject(e);
        }
      });
  }
  return remote as Remote<T>;
}
