import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ACTIVITY_POLL_MAX_MS, ACTIVITY_SETTLE_MS } from '../../src/constants';
import { trackElementDwell } from '../../src/tracker/trackElementDwell';
import { trackPageDwell } from '../../src/tracker/trackPageDwell';
import type { Signal } from '../../src/types/signal';

let clock = 0;
let seen: Signal[] = [];
let stop: (() => void) | undefined;
let visibility: DocumentVisibilityState = 'visible';

const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
const dwell = () => seen.filter((s) => s.signal === 'element-dwell').map((s) => [s.topic, s.value]);

function block(height: number, topic?: string): HTMLElement {
  const el = document.createElement('div');
  el.style.height = `${height}px`;
  if (topic) el.setAttribute('data-inkling-topic', topic);
  return el;
}

/** A 100 px topic element between spacers two viewports tall, so nothing else is in view with it. */
function topicBlock(topic: string): HTMLElement {
  const el = block(100, topic);
  document.body.append(block(2 * innerHeight), el, block(2 * innerHeight));
  return el;
}

/**
 * Resolves with the element's intersection ratio once entries for the current layout have been
 * delivered: a probe observer created now gets its first entry in the same notification as ours.
 */
async function settle(el: Element): Promise<number> {
  await frames();
  return new Promise<number>((resolve) => {
    const probe = new IntersectionObserver(([entry]) => {
      probe.disconnect();
      resolve(entry?.intersectionRatio ?? 0);
    });
    probe.observe(el);
  });
}

/** Waits until the tracker has looked after the last input (`onActivity`: one check sees the page still moving, the next, up to `ACTIVITY_POLL_MAX_MS` later, sees it still). */
const looked = () => new Promise((r) => setTimeout(r, 2 * ACTIVITY_POLL_MAX_MS + 50));

/** Scrolls so that `px` pixels of the element's top show at the bottom of the viewport, or to the top, and waits for the tracker's look. */
async function scrollToShow(el: HTMLElement | undefined, px = 0): Promise<void> {
  scrollTo(0, el ? el.getBoundingClientRect().top + scrollY - innerHeight + px : 0);
  if (el) expect(await settle(el)).toBeCloseTo(Math.min(px, 100) / 100, 1);
  else await frames();
  await looked();
}

function setVisibility(state: DocumentVisibilityState): void {
  visibility = state;
  document.dispatchEvent(new Event('visibilitychange'));
}

beforeEach(() => {
  clock = 1000;
  seen = [];
  vi.spyOn(performance, 'now').mockImplementation(() => clock);
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
  visibility = 'visible';
  document.body.style.margin = '0';
});

afterEach(() => {
  stop?.();
  stop = undefined;
  vi.restoreAllMocks();
  // Drop the own property so the real getter on Document.prototype shows through again.
  delete (document as { visibilityState?: unknown }).visibilityState;
  document.body.replaceChildren();
  scrollTo(0, 0);
});

describe('trackElementDwell in Chromium', () => {
  it('times an element at least half in view, and pushes the total when the page is hidden (not while scrolling)', async () => {
    const tents = topicBlock('tents');
    stop = trackElementDwell((s) => seen.push(s));
    await scrollToShow(tents, 60);
    clock += 3000;
    await scrollToShow(undefined);
    await frames();
    expect(dwell()).toEqual([]); // leaving view hands nothing over
    setVisibility('hidden');
    expect(dwell()).toEqual([['tents', 3]]);
    expect(seen[0]?.at).toBeGreaterThan(Date.now() - 60_000);
  });

  it('adds up the intervals of one topic into one signal', async () => {
    const tents = topicBlock('tents');
    stop = trackElementDwell((s) => seen.push(s));
    await scrollToShow(tents, 100);
    clock += 1000;
    await scrollToShow(undefined);
    await scrollToShow(tents, 100);
    clock += 1500;
    stop();
    expect(dwell()).toEqual([['tents', 2.5]]);
  });

  it('does not count an element only 30 % in view', async () => {
    const tents = topicBlock('tents');
    stop = trackElementDwell((s) => seen.push(s));
    await scrollToShow(tents, 30);
    clock += 5000;
    await scrollToShow(tents, 60);
    clock += 1000;
    // Still partly in view, but under half: the interval closes here.
    await scrollToShow(tents, 30);
    clock += 5000;
    await scrollToShow(undefined);
    stop();
    expect(dwell()).toEqual([['tents', 1]]);
  });

  it('observes elements added after it started, including nested ones', async () => {
    stop = trackElementDwell((s) => seen.push(s));
    const wrapper = document.createElement('section');
    const bikes = block(100, 'bikes');
    wrapper.append(bikes);
    document.body.append(block(2 * innerHeight), wrapper, block(2 * innerHeight));
    await scrollToShow(bikes, 100);
    clock += 2500;
    await scrollToShow(undefined);
    dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(dwell()).toEqual([['bikes', 2.5]]);
  });

  it('drops the time since the last look of an element removed from the page (a documented limitation)', async () => {
    const tents = topicBlock('tents');
    const bikes = block(100, 'bikes');
    tents.after(bikes);
    stop = trackElementDwell((s) => seen.push(s));
    await scrollToShow(bikes, 100);
    clock += 1200;
    tents.remove();
    clock += 5000;
    stop();
    expect(dwell()).toEqual([['bikes', 6.2]]);
  });

  it('looks only after input settles: scrolling itself costs no look', async () => {
    const tents = topicBlock('tents');
    stop = trackElementDwell((s) => seen.push(s));
    await looked();
    const observed = vi.spyOn(IntersectionObserver.prototype, 'observe');
    for (let i = 0; i < 20; i++) {
      scrollBy(0, 40);
      await frames();
    }
    const during = observed.mock.calls.length;
    await looked();
    // 20 scroll steps (about 650 ms) bring at most two looks at the one topic element, not 20…
    expect(during).toBeLessThanOrEqual(2);
    // …and once the scrolling settles, one more.
    expect(observed.mock.calls.length).toBeGreaterThan(during);
    expect(observed.mock.calls.every(([el]) => el === tents)).toBe(true);
  });

  it('pauses while the page is hidden and resumes for elements still in view', async () => {
    const tents = topicBlock('tents');
    stop = trackElementDwell((s) => seen.push(s));
    await scrollToShow(tents, 100);
    clock += 2000;
    setVisibility('hidden');
    expect(dwell()).toEqual([['tents', 2]]);
    clock += 60_000; // hidden: must not count
    setVisibility('visible');
    await frames(); // the look answers in the next rendering step
    clock += 1000;
    stop();
    expect(dwell()).toEqual([['tents', 2], ['tents', 1]]);
  });

  it('stops counting 30 s after the last input, as page dwell does (a tab left visible for an hour)', async () => {
    const tents = topicBlock('tents');
    stop = trackElementDwell((s) => seen.push(s));
    const stopPage = trackPageDwell((s) => seen.push(s), 'camping');
    await scrollToShow(tents, 100); // the visitor scrolls to the tents, then walks away
    clock += 3_600_000;
    setVisibility('hidden');
    stopPage();
    expect(seen.filter((s) => s.signal === 'dwell').map((s) => s.value)).toEqual([30]);
    expect(dwell()).toEqual([['tents', 30]]);
  });

  it('keeps counting while the visitor is active without moving the page', async () => {
    const tents = topicBlock('tents');
    stop = trackElementDwell((s) => seen.push(s));
    await scrollToShow(tents, 100);
    clock += 20_000;
    document.dispatchEvent(new PointerEvent('pointermove')); // reading, mouse in hand
    await new Promise((r) => setTimeout(r, ACTIVITY_SETTLE_MS + 50));
    clock += 20_000;
    stop();
    expect(dwell()).toEqual([['tents', 40]]);
  });

  it('closes intervals on pagehide', async () => {
    const tents = topicBlock('tents');
    stop = trackElementDwell((s) => seen.push(s));
    await scrollToShow(tents, 100);
    clock += 700;
    dispatchEvent(new Event('pagehide'));
    expect(dwell()).toEqual([['tents', 0.7]]);
  });

  it('pushes open intervals on stop, then nothing more', async () => {
    const tents = topicBlock('tents');
    stop = trackElementDwell((s) => seen.push(s));
    await scrollToShow(tents, 100);
    clock += 1549;
    stop();
    expect(dwell()).toEqual([['tents', 1.5]]);
    await scrollToShow(undefined);
    await scrollToShow(tents, 100);
    clock += 1000;
    await scrollToShow(undefined);
    expect(dwell()).toHaveLength(1);
  });

  it('skips intervals shorter than 0.1 s', async () => {
    const tents = topicBlock('tents');
    stop = trackElementDwell((s) => seen.push(s));
    await scrollToShow(tents, 100);
    clock += 90;
    stop();
    expect(dwell()).toEqual([]);
  });

  it('leaves the <body> topic to the page-level trackers', async () => {
    // A short page, so <body> itself is fully in view.
    document.body.setAttribute('data-inkling-topic', 'camping');
    try {
      const tents = block(100, 'tents');
      document.body.append(tents);
      stop = trackElementDwell((s) => seen.push(s));
      expect(await settle(tents)).toBe(1);
      expect(await settle(document.body)).toBe(1);
      clock += 2000;
      stop();
      expect(dwell()).toEqual([['tents', 2]]);
    } finally {
      document.body.removeAttribute('data-inkling-topic');
    }
  });
});
