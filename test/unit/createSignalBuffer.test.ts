import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { onHidden } from '../../src/lib/onHidden';
import { createSignalBuffer } from '../../src/tracker/createSignalBuffer';
import type { Signal } from '../../src/types/signal';

const signal = (i: number): Signal => ({ signal: 'click', topic: `t${i}`, value: 1, at: i });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('createSignalBuffer', () => {
  it('batches signals and hands them over once, in idle time (at the latest within 1 s)', () => {
    const batches: Signal[][] = [];
    const buffer = createSignalBuffer((b) => batches.push(b));
    buffer.push(signal(1));
    buffer.push(signal(2));
    expect(batches).toHaveLength(0);
    vi.advanceTimersByTime(1000);
    expect(batches).toEqual([[signal(1), signal(2)]]);
    buffer.stop();
  });

  it('take() hands the buffer to the caller instead of the sink, and counts as a flush', () => {
    const batches: Signal[][] = [];
    const buffer = createSignalBuffer((b) => batches.push(b), 50, 2000);
    buffer.push(signal(1));
    buffer.push(signal(2));
    expect(buffer.take()).toEqual([signal(1), signal(2)]);
    vi.advanceTimersByTime(1500);
    expect(batches).toHaveLength(0); // the idle flush it had scheduled is cancelled
    buffer.push(signal(3));
    vi.advanceTimersByTime(400);
    expect(batches).toHaveLength(0); // and the next waits for the interval since the take (2 s)
    vi.advanceTimersByTime(1600);
    expect(batches).toEqual([[signal(3)]]);
    buffer.stop();
  });

  it('flushes at once when full', () => {
    const batches: Signal[][] = [];
    const buffer = createSignalBuffer((b) => batches.push(b), 3);
    [1, 2, 3, 4].forEach((i) => buffer.push(signal(i)));
    expect(batches).toEqual([[signal(1), signal(2), signal(3)]]);
    buffer.stop();
    expect(batches[1]).toEqual([signal(4)]);
  });

  it('flushes at once, marked as leaving, when the page is hidden or unloaded', () => {
    const batches: [Signal[], boolean][] = [];
    const buffer = createSignalBuffer((b, leaving) => batches.push([b, leaving]));
    buffer.push(signal(1));
    dispatchEvent(new Event('pagehide'));
    expect(batches).toEqual([[[signal(1)], true]]);
    dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true })); // back from the bfcache
    buffer.push(signal(2));
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(batches).toEqual([[[signal(1)], true], [[signal(2)], true]]);
    visibility.mockReturnValue('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    buffer.push(signal(3));
    vi.advanceTimersByTime(1000);
    expect(batches[2]).toEqual([[signal(3)], false]);
    buffer.stop();
  });

  it('while the page is away, hands what is pushed over as leaving within the same task (one batch per handler), until it is shown again', async () => {
    const batches: [Signal[], boolean, boolean][] = [];
    const buffer = createSignalBuffer((b, leaving, freezing) => batches.push([b, leaving, freezing]));
    // The trackers register their hidden handlers after the buffer's: their last measures (dwell,
    // scroll depth) arrive once it has flushed, and a page killed without pagehide (a mobile app
    // switch, a discarded tab) must have them in the outbox already.
    const lastMeasure = onHidden(() => {
      buffer.push(signal(1));
      buffer.push(signal(5)); // element dwell pushes one per topic: one batch, not one each
    });
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    await Promise.resolve();
    expect(batches).toEqual([[[signal(1), signal(5)], true, false]]);
    buffer.push(signal(2));
    await Promise.resolve();
    expect(batches[1]).toEqual([[signal(2)], true, false]);
    lastMeasure();
    visibility.mockReturnValue('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    buffer.push(signal(3));
    expect(batches).toHaveLength(2); // shown again: batched as usual
    vi.advanceTimersByTime(1000);
    expect(batches[2]).toEqual([[signal(3)], false, false]);
    buffer.stop();
  });

  it('marks what is pushed after a persisted pagehide as freezing, until the page is restored', async () => {
    const batches: [Signal[], boolean, boolean][] = [];
    const buffer = createSignalBuffer((b, leaving, freezing) => batches.push([b, leaving, freezing]));
    buffer.push(signal(1));
    dispatchEvent(Object.assign(new Event('pagehide'), { persisted: true }));
    buffer.push(signal(2)); // a tracker's last measure, after the buffer's own handler
    await Promise.resolve();
    // WebKit fires visibilitychange after pagehide: still going into the cache.
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    buffer.push(signal(3));
    await Promise.resolve();
    expect(batches).toEqual([
      [[signal(1)], true, true],
      [[signal(2)], true, true],
      [[signal(3)], true, true],
    ]);
    visibility.mockReturnValue('visible');
    dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }));
    document.dispatchEvent(new Event('visibilitychange'));
    buffer.push(signal(4));
    vi.advanceTimersByTime(1000);
    expect(batches[3]).toEqual([[signal(4)], false, false]);
    buffer.stop();
  });

  it('batches again once a prerender the browser had hidden is activated', () => {
    const batches: [Signal[], boolean][] = [];
    const buffer = createSignalBuffer((b, leaving) => batches.push([b, leaving]));
    dispatchEvent(new Event('pagehide'));
    document.dispatchEvent(new Event('prerenderingchange')); // the visitor arrives
    buffer.push(signal(1));
    buffer.push(signal(2));
    expect(batches).toEqual([]);
    vi.advanceTimersByTime(1000);
    expect(batches).toEqual([[[signal(1), signal(2)], false]]);
    buffer.stop();
  });

  it('never hands over an empty batch', () => {
    const sink = vi.fn();
    const buffer = createSignalBuffer(sink);
    buffer.flush();
    dispatchEvent(new Event('pagehide'));
    vi.advanceTimersByTime(2000);
    buffer.stop();
    expect(sink).not.toHaveBeenCalled();
  });

  it('flushes a burst once: signals within the interval after a flush wait for it, then for idle time', () => {
    const batches: Signal[][] = [];
    const buffer = createSignalBuffer((b) => batches.push(b), 50, 2000);
    buffer.push(signal(1));
    vi.advanceTimersByTime(1000);
    expect(batches).toEqual([[signal(1)]]); // the first signal after a quiet spell goes at the next idle moment
    buffer.push(signal(2));
    vi.advanceTimersByTime(500);
    buffer.push(signal(3));
    vi.advanceTimersByTime(400);
    expect(batches).toHaveLength(1); // 1.9 s after the last flush
    vi.advanceTimersByTime(1100); // the interval is over; then idle time (≤ 1 s)
    expect(batches).toEqual([[signal(1)], [signal(2), signal(3)]]);
    vi.advanceTimersByTime(5000);
    buffer.push(signal(4)); // long after: no wait beyond idle time
    vi.advanceTimersByTime(1000);
    expect(batches[2]).toEqual([signal(4)]);
    buffer.stop();
  });

  it('does not hold back a batch when the page is hidden within the interval', () => {
    const batches: [Signal[], boolean][] = [];
    const buffer = createSignalBuffer((b, leaving) => batches.push([b, leaving]), 50, 2000);
    buffer.push(signal(1));
    vi.advanceTimersByTime(1000);
    buffer.push(signal(2));
    dispatchEvent(new Event('pagehide'));
    expect(batches).toEqual([[[signal(1)], false], [[signal(2)], true]]);
    vi.advanceTimersByTime(5000);
    expect(batches).toHaveLength(2);
    buffer.stop();
  });
});
