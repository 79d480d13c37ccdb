// Runs the DevTools CPU profiler on a page's main thread and on its dedicated worker, for
// `npm run bench -- --profile`. The worker is reached through a non-flattened auto-attach
// (`Target.sendMessageToTarget`): Playwright routes no flattened child session to a CDPSession
// it did not create itself.

const SAMPLING_US = Number(process.env.BENCH_SAMPLING_US) || 100;
const ANSWER_TIMEOUT_MS = 10_000;

/**
 * Starts profiling before the page navigates. Returns `cut()`: stops both profilers, restarts
 * them, and resolves to `{ page, worker }` (DevTools `Profiler.Profile`s; `worker` is undefined
 * until the page has started one).
 */
export async function startCpuProfiler(context, page) {
  const cdp = await context.newCDPSession(page);
  let nextId = 1;
  const waiting = new Map();
  cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const answer = JSON.parse(message);
    waiting.get(answer.id)?.(answer);
    waiting.delete(answer.id);
  });
  const sendTo = (sessionId, method, params = {}) =>
    new Promise((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      setTimeout(() => waiting.delete(id) && resolve({ error: { message: `${method}: no answer` } }), ANSWER_TIMEOUT_MS);
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch((e) => resolve({ error: { message: String(e) } }));
    });

  let worker;
  cdp.on('Target.attachedToTarget', ({ sessionId, targetInfo }) => {
    if (targetInfo.type !== 'worker' || worker) return;
    const send = (method, params) => sendTo(sessionId, method, params);
    worker = {
      send,
      started: (async () => {
        await send('Profiler.enable');
        await send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
        await send('Profiler.start');
      })(),
    };
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
  await cdp.send('Profiler.start');

  return async function cut() {
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.send('Profiler.start');
    if (!worker) return { page: profile };
    await worker.started;
    const stopped = await worker.send('Profiler.stop');
    await worker.send('Profiler.start');
    return { page: profile, worker: stopped.result?.profile };
  };
}
