import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTIVITY_POLL_MAX_MS } from '../../src/constants';
import { startTracking } from '../../src/tracker/startTracking';
import type { Signal } from '../../src/types/signal';

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
/** Resolves after idle callbacks requested before it have run (they run in order). */
const idle = () => new Promise<void>((resolve) => requestIdleCallback(() => resolve()));
/** Waits until the trackers have looked after the last input (see onActivity). */
const looked = () => new Promise((resolve) => setTimeout(resolve, 2 * ACTIVITY_POLL_MAX_MS + 50));
const depth = (px: number) => Math.round(((scrollY + innerHeight) / px) * 100) / 100;

function block(height: number): HTMLElement {
  const el = document.createElement('div');
  el.style.height = `${height}px`;
  return el;
}

const url = location.href;
let signals: Signal[];
let stop: (() => void) | undefined;
const scrolls = () => signals.filter((s) => s.signal === 'scroll').map((s) => [s.topic, s.value]);

/** A router: new URL, new topic and new content in the same task. */
function route(topic: string, content: HTMLElement): Promise<void> {
  history.pushState({}, '', `?route=${topic}`);
  document.body.setAttribute('data-inkling-topic', topic);
  document.body.replaceChildren(content);
  return Promise.resolve().then(nextFrame);
}

beforeEach(() => {
  signals = [];
  document.body.style.cssText = 'margin: 0';
  document.body.setAttribute('data-inkling-topic', 'tents');
});
afterEach(() => {
  stop?.();
  stop = undefined;
  history.replaceState({}, '', url);
  document.body.removeAttribute('data-inkling-topic');
  document.body.replaceChildren();
  scrollTo(0, 0);
});

describe('startTracking in Chromium', () => {
  it("closes a routed-in view the visitor did not scroll with its own first screen, not the next route's content", async () => {
    document.body.replaceChildren(block(1000));
    stop = startTracking((s) => signals.push(s));
    await route('bikes', block(5000));
    await idle();
    const firstScreen = depth(5000);
    await route('camping', Object.assign(document.createElement('p'), { textContent: 'Loading…' }));
    expect(scrolls()).toEqual([['bikes', firstScreen]]);
  });

  it("records nothing for the page's first view left unscrolled by a route change, rather than the next route's content", async () => {
    document.body.replaceChildren(block(5000));
    stop = startTracking((s) => signals.push(s));
    await idle();
    await route('bikes', Object.assign(document.createElement('p'), { textContent: 'Loading…' }));
    expect(scrolls()).toEqual([]);
  });

  it("closes a scrolled view with the depth it reached, not the next route's first screen", async () => {
    document.body.replaceChildren(block(5000));
    stop = startTracking((s) => signals.push(s));
    scrollTo(0, 1000);
    await nextFrame();
    await looked();
    const reached = depth(5000);
    // The next route is short: its first screen goes deeper than the old view did.
    await route('bikes', block(innerHeight + 100));
    expect(scrolls()).toEqual([['tents', reached]]);
  });

  it('still looks at the page a last time when it is hidden', async () => {
    document.body.replaceChildren(block(5000));
    stop = startTracking((s) => signals.push(s));
    scrollTo(0, 2000); // hidden before the scrolling settled
    await nextFrame();
    dispatchEvent(new Event('pagehide'));
    expect(scrolls()).toEqual([['tents', depth(5000)]]);
  });
});
