import { afterEach, describe, expect, it } from 'vitest';
import { ACTIVITY_POLL_MAX_MS, ACTIVITY_SETTLE_MS } from '../../src/constants';
import { onActivity } from '../../src/lib/onActivity';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const frame = () => new Promise((r) => requestAnimationFrame(r));

let stops: (() => void)[] = [];
afterEach(() => {
  stops.forEach((stop) => stop());
  stops = [];
  document.body.replaceChildren();
  scrollTo(0, 0);
});

function subscribe() {
  const calls: { activeAt: number; moved: boolean }[] = [];
  stops.push(onActivity((activeAt, moved) => calls.push({ activeAt, moved })));
  return calls;
}

describe('onActivity in Chromium', () => {
  it('calls each subscriber once per burst of scrolling, after the page stands still', async () => {
    const tall = document.createElement('div');
    tall.style.height = '20000px';
    document.body.append(tall);
    const a = subscribe();
    const b = subscribe();
    const started = performance.now();
    // Scroll for twice the settle time without stopping.
    while (performance.now() - started < 2 * ACTIVITY_SETTLE_MS + 100) {
      scrollBy(0, 30);
      await frame();
    }
    const stoppedAt = performance.now();
    expect(a).toEqual([]); // still scrolling: nobody called yet
    await sleep(2 * ACTIVITY_POLL_MAX_MS + 100);
    expect(a).toHaveLength(1);
    expect(b).toEqual(a);
    expect(a[0]!.moved).toBe(true);
    // The last moment seen active is late in the burst, not its first event.
    expect(a[0]!.activeAt).toBeGreaterThan(stoppedAt - ACTIVITY_POLL_MAX_MS);
  });

  it('looks less often while the page keeps moving: after 500 ms, 500 ms more, then every 1000 ms', async () => {
    const tall = document.createElement('div');
    tall.style.height = '20000px';
    document.body.append(tall);
    const calls = subscribe();
    const delays: number[] = [];
    const realSetTimeout = globalThis.setTimeout;
    globalThis.setTimeout = ((fn: () => void, ms?: number) => (delays.push(ms ?? 0), realSetTimeout(fn, ms))) as typeof setTimeout;
    try {
      const started = performance.now();
      while (performance.now() - started < 3200) {
        scrollBy(0, 10);
        await frame();
      }
    } finally {
      globalThis.setTimeout = realSetTimeout;
    }
    // Two settle-time looks, then only the longest interval: how many of those fit in 3.2 s depends
    // on how late a loaded machine fires timers (a fifth one is due right at 3 s).
    expect(delays.slice(0, 2)).toEqual([ACTIVITY_SETTLE_MS, ACTIVITY_SETTLE_MS]);
    expect(delays.length).toBeGreaterThanOrEqual(4);
    expect(delays.slice(2).every((ms) => ms === ACTIVITY_POLL_MAX_MS)).toBe(true);
    expect(calls).toEqual([]);
    await sleep(2 * ACTIVITY_POLL_MAX_MS + 100);
    expect(calls).toHaveLength(1);
  });

  it('reports a pointer that only moved as activity that moved nothing', async () => {
    const calls = subscribe();
    for (let i = 0; i < 5; i++) document.dispatchEvent(new PointerEvent('pointermove'));
    await sleep(ACTIVITY_SETTLE_MS + 50);
    expect(calls).toEqual([{ activeAt: expect.any(Number), moved: false }]);
  });

  it('listens again after each burst, and not at all once every subscriber has left', async () => {
    const calls = subscribe();
    document.dispatchEvent(new KeyboardEvent('keydown'));
    await sleep(ACTIVITY_SETTLE_MS + 50);
    document.dispatchEvent(new KeyboardEvent('keydown'));
    await sleep(ACTIVITY_SETTLE_MS + 50);
    expect(calls.map((c) => c.moved)).toEqual([true, true]);
    stops.pop()!();
    const late = subscribe();
    stops.pop()!();
    document.dispatchEvent(new KeyboardEvent('keydown'));
    await sleep(ACTIVITY_SETTLE_MS + 50);
    expect(calls).toHaveLength(2);
    expect(late).toEqual([]);
  });
});
