import { ACTIVITY_SETTLE_MS } from '../../src/constants';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { trackPageDwell } from '../../src/tracker/trackPageDwell';
import type { Signal } from '../../src/types/signal';

// The clock the tracker reads (performance.now) and its idle timer move only when the test says so.
let now = 0;
function advance(ms: number) {
  for (let step = 0; step < ms; step += 100) {
    const by = Math.min(100, ms - step);
    now += by;
    vi.advanceTimersByTime(by);
  }
}

let visibility: DocumentVisibilityState = 'visible';
function setVisibility(state: DocumentVisibilityState) {
  visibility = state;
  document.dispatchEvent(new Event('visibilitychange'));
}
const input = (type = 'pointermove') => document.dispatchEvent(new Event(type));

let values: number[];
let signals: Signal[];
let stop: (() => void) | undefined;
function start(idleMs?: number) {
  stop = trackPageDwell(
    (s) => {
      signals.push(s);
      values.push(s.value);
    },
    'tents',
    idleMs,
  );
}
function stopNow() {
  stop?.();
  stop = undefined;
}

beforeEach(() => {
  values = [];
  signals = [];
  now = 10_000;
  visibility = 'visible';
  vi.spyOn(performance, 'now').mockImplementation(() => now);
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
});
afterEach(() => {
  stopNow();
  vi.useRealTimers();
  vi.restoreAllMocks();
  // Own properties shadow Document.prototype's getters; deleting them restores the real ones.
  delete (document as { visibilityState?: unknown }).visibilityState;
  delete (document as { prerendering?: unknown }).prerendering;
});

describe('trackPageDwell in Chromium', () => {
  it('counts visible time and emits it, rounded to 0.1 s, when stopped', () => {
    start();
    advance(5_240);
    input();
    stopNow();
    expect(signals).toEqual([{ signal: 'dwell', topic: 'tents', value: 5.2, at: expect.any(Number) }]);
    expect(Math.abs(signals[0]!.at - Date.now())).toBeLessThan(5_000);
  });

  it('emits when the tab is hidden and does not count the time it stays hidden', () => {
    start();
    advance(2_000);
    setVisibility('hidden');
    expect(values).toEqual([2]);
    advance(60_000);
    input('keydown'); // input cannot reach a hidden tab, but a stray event must not restart the clock
    setVisibility('visible');
    advance(3_000);
    stopNow();
    expect(values).toEqual([2, 3]);
  });

  it('pauses at the last input plus idleMs, with no polling, and resumes on input', () => {
    start(10_000);
    advance(4_000);
    input(); // the deadline moves to 14 s after start
    advance(20_000);
    expect(vi.getTimerCount()).toBe(0); // paused: no timer left running
    input('pointerdown');
    expect(vi.getTimerCount()).toBe(1); // the input restarts the clock; the one timer is onActivity's settle…
    advance(ACTIVITY_SETTLE_MS);
    expect(vi.getTimerCount()).toBe(0); // …which is gone once the burst settles
    advance(2_000 - ACTIVITY_SETTLE_MS);
    stopNow();
    expect(values).toEqual([16]);
  });

  it('wakes on every kind of input', () => {
    start(1_000);
    for (const type of ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'scroll']) {
      advance(5_000); // 1 s counted, then idle
      input(type);
    }
    advance(500);
    stopNow();
    expect(values).toEqual([6.5]);
  });

  it('emits what was counted before going idle when the tab is hidden later', () => {
    start(10_000);
    advance(3_000);
    input('wheel');
    advance(30_000);
    setVisibility('hidden');
    expect(values).toEqual([13]);
  });

  it('stops the count at the idle deadline even when the idle timer runs late', () => {
    start(10_000);
    now += 25_000; // a busy or throttled main thread: the timer has not run yet
    setVisibility('hidden');
    expect(values).toEqual([10]);

    setVisibility('visible');
    now += 25_000;
    vi.advanceTimersByTime(25_000); // the timer finally runs, 15 s late
    stopNow();
    expect(values).toEqual([10, 10]);
  });

  it('stops on pagehide and counts again after a bfcache restore (pageshow persisted)', () => {
    start();
    advance(3_000);
    dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
    expect(values).toEqual([3]);
    advance(60_000); // in the back/forward cache
    input();
    dispatchEvent(new PageTransitionEvent('pageshow', { persisted: false })); // not a restore: still stopped
    advance(1_000);
    dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    advance(2_000);
    stopNow();
    expect(values).toEqual([3, 2]);
  });

  it('counts a prerendered page only from its activation (prerenderingchange)', () => {
    let prerendering = true;
    Object.defineProperty(document, 'prerendering', { configurable: true, get: () => prerendering });
    start();
    advance(5_000);
    input();
    advance(5_000);
    prerendering = false;
    document.dispatchEvent(new Event('prerenderingchange'));
    advance(1_500);
    stopNow();
    expect(values).toEqual([1.5]);
  });

  it('never emits 0', () => {
    start();
    advance(40);
    setVisibility('hidden');
    setVisibility('visible');
    stopNow();
    expect(values).toEqual([]);

    visibility = 'hidden'; // started in a background tab and never seen
    start();
    advance(10_000);
    stopNow();
    expect(values).toEqual([]);
  });

  it('emits only the remainder since the last emit when stopped, then nothing more', () => {
    start();
    advance(2_000);
    setVisibility('hidden');
    setVisibility('visible');
    advance(1_500);
    stopNow();
    expect(values).toEqual([2, 1.5]);
    setVisibility('hidden');
    dispatchEvent(new Event('pagehide'));
    expect(values).toEqual([2, 1.5]);
  });
});
