import type { AnswerMessage, CallMessage, CallPort } from './createCaller';

/**
 * Answers the calls `createCaller` sends across `port` with `api`'s own methods: each answer
 * carries the awaited value, or the message of what the method threw (a value that cannot be
 * cloned is such a throw too). Calls run as they arrive, side by side; messages that are not
 * calls are ignored. Every call is answered, one it does not know with an error: `createCaller`
 * probes with an empty call to learn that this side still lives.
 *
 * @example
 * serveCalls(createEngine(), self); // in the worker
 */
export function serveCalls(api: object, port: CallPort): void {
  port.addEventListener('message', async ({ data }: MessageEvent<Partial<CallMessage> | undefined>) => {
    if (typeof data?.id !== 'number' || typeof data.call !== 'string' || !Array.isArray(data.args)) return;
    const { id, call, args } = data;
    try {
      const method: unknown = Object.prototype.hasOwnProperty.call(api, call) ? (api as Record<string, unknown>)[call] : undefined;
      if (typeof method !== 'function') throw new Error(`there is no call ${JSON.stringify(call)}`);
      port.postMessage({ id, value: await method.apply(api, args) } satisfies AnswerMessage);
    } catch (e) {
      port.postMessage({ id, error: e instanceof Error ? e.message : String(e) } satisfies AnswerMessage);
    }
  });
  port.start?.();
}
