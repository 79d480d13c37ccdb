// The in-page probe of `npm run bench`, installed with `addInitScript` before any page script, in
// the runs with AND without the SDK (so its own small cost is in both and cancels out, except the
// worker-message hook, which only ever fires with the SDK: a few microseconds per flush).
// Everything it learns is kept in `window.__bench` and read once at the end of a run.
//
// Playwright serialises this function's source into the page: it must not use anything from
// its module scope.
export function installBenchProbe() {
  const bench = {
    longTasks: [],
    longFrames: [],
    buttonClicks: 0,
    assignedAt: null,
    ready: null,
    ingests: [],
  };
  Object.defineProperty(window, '__bench', { value: bench });

  // Long tasks (≥ 50 ms). Their attribution names frames, never scripts, so long animation
  // frames are recorded too: those list the scripts that ran in them, with their URLs.
  const observe = (type, record) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(record)).observe({ type, buffered: true });
    } catch {
      // Not supported: the list stays empty and the report says so.
    }
  };
  observe('longtask', (e) =>
    bench.longTasks.push({
      start: e.startTime,
      duration: e.duration,
      attribution: [...(e.attribution ?? [])].map((a) => ({ name: a.name, containerType: a.containerType, containerSrc: a.containerSrc })),
    }),
  );
  observe('long-animation-frame', (e) =>
    bench.longFrames.push({
      start: e.startTime,
      duration: e.duration,
      blockingDuration: e.blockingDuration,
      scripts: [...(e.scripts ?? [])].map((s) => ({ sourceURL: s.sourceURL, invoker: s.invoker, duration: s.duration })),
    }),
  );

  // Clicks that reached a card button (checks that the Node side's real clicks landed).
  document.addEventListener('click', (e) => e.target?.closest?.('[data-inkling-action]') && bench.buttonClicks++, { capture: true, passive: true });

  // The script tag assigns `window.inkling` at the end of its synchronous run; `ready` resolves
  // with the engine's first decision.
  let instance;
  Object.defineProperty(window, 'inkling', {
    configurable: true,
    get: () => instance,
    set(value) {
      instance = value;
      bench.assignedAt = performance.now();
      value?.ready?.then?.((decision) => (bench.ready = { at: performance.now(), segment: decision?.segment ?? null }));
    },
  });

  // Engine round trips: createCaller sends `{ id, call: 'ingest', args }` to the worker and the
  // worker answers `{ id, value }` with the same id. The answer is timed in a `message` listener
  // added after the caller's own, so it runs after the decision has been applied. Only
  // references are kept here; the signals' timestamps are read at the end of the run.
  const post = Worker.prototype.postMessage;
  const pending = new Map();
  const watched = new WeakSet();
  Worker.prototype.postMessage = function (message, ...rest) {
    if (message?.call === 'ingest') {
      pending.set(message.id, { sent: performance.now(), batch: message.args?.[0] });
      if (!watched.has(this)) {
        watched.add(this);
        this.addEventListener('message', ({ data }) => {
          const sent = pending.get(data?.id);
          if (!sent) return;
          pending.delete(data.id);
          sent.answered = performance.now();
          // The engine's own time, in the worker: receiving the batch to answering it.
          sent.engineMs = data.value?.tookMs ?? null;
          bench.ingests.push(sent);
        });
      }
    }
    return post.call(this, message, ...rest);
  };
}
