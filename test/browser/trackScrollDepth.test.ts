import { ACTIVITY_POLL_MAX_MS, ACTIVITY_SETTLE_MS } from '../../src/constants';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { trackScrollDepth } from '../../src/tracker/trackScrollDepth';
import type { Signal } from '../../src/types/signal';

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
const frames = async (n: number) => {
  for (let i = 0; i < n; i++) await nextFrame();
};
/** Waits until a (possibly smooth, compositor-driven) scroll has come to rest. */
async function settle(scroller: Element) {
  let last = -1;
  let still = 0;
  while (still < 5) {
    await nextFrame();
    still = scroller.scrollTop === last ? still + 1 : 0;
    last = scroller.scrollTop;
  }
}
const depthOf = (el: Element) => Math.round(((el.scrollTop + el.clientHeight) / el.scrollHeight) * 100) / 100;
const root = () => document.scrollingElement!;
const hide = () => dispatchEvent(new Event('pagehide'));

function block(height: string, style = ''): HTMLDivElement {
  const div = document.createElement('div');
  div.style.cssText = `height: ${height}; ${style}`;
  return div;
}

/** An app shell's scroller: a `<main>` one viewport high holding 6000 px of content, on the page. */
function appShell(): HTMLElement {
  const main = document.createElement('main');
  main.style.cssText = 'display: block; overflow: auto; height: 100vh';
  main.append(block('6000px'));
  document.body.append(main);
  return main;
}

let signals: Signal[];
let stop: (() => void) | undefined;
const start = () => (stop = trackScrollDepth((s) => signals.push(s), 'tents'));

beforeEach(() => {
  signals = [];
  document.body.replaceChildren();
  document.body.style.cssText = 'margin: 0';
  document.documentElement.style.cssText = '';
  root().scrollTop = 0;
});
afterEach(() => {
  stop?.();
  stop = undefined;
  document.body.replaceChildren();
  document.documentElement.style.cssText = '';
});

describe('trackScrollDepth in Chromium', () => {
  it('records how deep real wheel scrolling went in the document, once per hide', async () => {
    document.body.append(block('5000px'));
    start();
    await userEvent.wheel(document.body, { delta: { y: 800 }, times: 3 });
    await settle(root());
    expect(root().scrollTop).toBeGreaterThan(0); // the wheel really scrolled the page
    const expected = depthOf(root());
    expect(expected).toBeGreaterThan(0.3);
    await frames(2);
    hide();
    expect(signals).toEqual([{ signal: 'scroll', topic: 'tents', value: expected, at: expect.any(Number) }]);

    hide(); // back from the bfcache, no deeper: nothing new
    expect(signals).toHaveLength(1);

    await userEvent.wheel(document.body, { delta: { y: 800 }, times: 2 });
    await settle(root());
    const deeper = depthOf(root());
    expect(deeper).toBeGreaterThan(expected);
    stop!();
    stop = undefined;
    expect(signals.map((s) => s.value)).toEqual([expected, deeper]);
  });

  it('keeps the deepest point when the visitor scrolls back up', async () => {
    document.body.append(block('5000px'));
    start();
    await userEvent.wheel(document.body, { delta: { y: 1000 }, times: 2 });
    await settle(root());
    const deepest = depthOf(root());
    await new Promise((r) => setTimeout(r, 2 * ACTIVITY_POLL_MAX_MS + 50)); // a pause at the deepest point, long enough to be seen
    await userEvent.wheel(document.body, { delta: { y: -1000 }, times: 2 });
    await settle(root());
    expect(depthOf(root())).toBeLessThan(deepest);
    await frames(2);
    hide();
    expect(signals.map((s) => s.value)).toEqual([deepest]);
  });

  it('measures an app shell whose inner element is the scroller, before and after scrolling', async () => {
    document.documentElement.style.cssText = 'overflow: hidden';
    const main = appShell();
    expect(root().scrollHeight).toBe(root().clientHeight); // the document itself does not scroll

    start();
    await frames(2);
    hide(); // not scrolled yet: the first screen of the shell, not "the whole page"
    expect(signals.map((s) => s.value)).toEqual([depthOf(main)]);
    expect(signals[0]!.value).toBeLessThan(0.5);

    await userEvent.wheel(main, { delta: { y: 900 }, times: 3 });
    await settle(main);
    expect(main.scrollTop).toBeGreaterThan(0);
    const expected = depthOf(main);
    await frames(2);
    hide();
    expect(signals.map((s) => s.value)).toEqual([signals[0]!.value, expected]);
  });

  it('measures an app shell on its inner scroller when the document overflows it by a few px', async () => {
    // A typical shell: <html> hides its overflow, <body> keeps its default 8 px margin, so the
    // document overflows by 16 px it cannot scroll; <main> is as tall as the viewport and scrolls.
    document.documentElement.style.cssText = 'overflow: hidden';
    document.body.style.cssText = 'margin: 8px';
    const main = appShell();
    expect(root().scrollHeight).toBeGreaterThan(root().clientHeight);

    start();
    await frames(2);
    hide(); // the visitor read only the first screen of <main>
    expect(signals.map((s) => s.value)).toEqual([depthOf(main)]);
    expect(signals[0]!.value).toBeLessThan(0.5);
  });

  it('prefers an inner scroller that scrolls further than the document', async () => {
    document.body.style.cssText = 'margin: 8px';
    const main = appShell();
    start();
    main.scrollTop = 3000;
    await settle(main);
    await frames(2);
    hide();
    expect(signals.map((s) => s.value)).toEqual([depthOf(main)]);
    expect(signals[0]!.value).toBeLessThan(0.9);
  });

  it('ignores small inner scrollers such as carousels and menus', async () => {
    const menu = block('100px', 'overflow: auto');
    menu.append(block('2000px'));
    document.body.append(menu, block('5000px'));
    start();
    await frames(2);
    menu.scrollTop = 10_000; // the menu reaches its end; the page stays at the top
    await settle(menu);
    expect(menu.scrollTop).toBeGreaterThan(0);
    await frames(2);
    hide();
    expect(signals.map((s) => s.value)).toEqual([depthOf(root())]);
    expect(signals[0]!.value).toBeLessThan(0.5);
  });

  it('measures a scroll still waiting for its frame when the page is hidden', async () => {
    document.body.append(block('5000px'));
    start();
    await frames(2);
    // Hidden in the same frame as the scroll event, before the tracker's frame callback runs.
    const hideOnScroll = () => hide();
    document.addEventListener('scroll', hideOnScroll, { capture: true, once: true });
    root().scrollTop = 3000;
    await settle(root());
    expect(signals.map((s) => s.value)).toEqual([depthOf(root())]);
    expect(signals[0]!.value).toBeGreaterThan(0.7);
  });

  it('counts a page that does not scroll as read to the end', async () => {
    document.body.append(block('200px'));
    start();
    await frames(2);
    stop!();
    stop = undefined;
    expect(signals.map((s) => s.value)).toEqual([1]);
  });

  it('reads the first screen of a page hidden unscrolled as the page is then, not as it was while loading', async () => {
    const content = block('1500px');
    document.body.append(content);
    stop = trackScrollDepth((s) => signals.push(s), 'tents', true); // a routed-in view
    await new Promise((r) => requestIdleCallback(r)); // its look in idle time sees the page still short
    content.style.height = '5000px'; // images and late content arrive
    await frames(2);
    hide();
    expect(signals.map((s) => s.value)).toEqual([depthOf(root())]);
    expect(signals[0]!.value).toBeLessThan(0.3);
  });

  it('measures when stopped, even before its first frame', () => {
    document.body.append(block('5000px'));
    start();
    stop!();
    stop = undefined;
    expect(signals.map((s) => s.value)).toEqual([depthOf(root())]);
  });

  it('reads no layout while the visitor scrolls, and once when the scrolling settles', async () => {
    document.body.append(block('5000px'));
    start();
    const reads: string[] = [];
    const saved = ['scrollTop', 'scrollHeight', 'clientHeight'].map((name) => {
      const descriptor = Object.getOwnPropertyDescriptor(Element.prototype, name)!;
      Object.defineProperty(Element.prototype, name, {
        ...descriptor,
        get(this: Element) {
          reads.push(name);
          return descriptor.get!.call(this);
        },
      });
      return [name, descriptor] as const;
    });
    try {
      for (let i = 0; i < 10; i++) {
        document.dispatchEvent(new Event('scroll'));
        await nextFrame();
      }
      expect(reads).toEqual([]);
      await new Promise((r) => setTimeout(r, ACTIVITY_SETTLE_MS));
      // Ten events, one burst: the page is measured once (the spy works): one look reads
      // scrollTop twice, in getMainScroller's check for a scrolled document and in the measure.
      expect(reads.filter((name) => name === 'scrollTop')).toHaveLength(2);
    } finally {
      for (const [name, descriptor] of saved) Object.defineProperty(Element.prototype, name, descriptor);
    }
  });
});
