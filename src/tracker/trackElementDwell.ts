import { ATTR_TOPIC } from '../constants';
import { listen } from '../lib/listen';
import type { Signal } from '../types/signal';

const TOPIC = `[${ATTR_TOPIC}]`;
/** Topic elements inside `<body>`: `<html>` and `<body>` carry the page topic and are left to the page-level trackers. */
const OBSERVED = `body ${TOPIC}`;

/** Calls `fn` for `root` and each element under it that matches `selector`. */
const forEachMatch = (root: Element, selector: string, fn: (el: Element) => void) => {
  if (root.matches(selector)) fn(root);
  // The parser inserts elements one by one, childless: searching below them would find nothing.
  if (root.firstElementChild) root.querySelectorAll(selector).forEach(fn);
};

/**
 * Times how long each `[data-inkling-topic]` element is at least half in view while the page is
 * visible, adds the seconds up per topic, and pushes one `element-dwell` signal per topic
 * (seconds, to 0.1 s) when the page is hidden or unloaded, or tracking stops. Adding up on the
 * page keeps scrolling free of hand-overs to the engine: one per topic per page, not one per card.
 * `<html>` and `<body>` carry the page topic and are left to the page-level trackers.
 *
 * Limitation: the ratio is of the element's own area, so an element taller (or wider) than twice
 * the viewport can never be half in view and is never counted.
 *
 * Returns a stop function that closes open intervals (pushing them) and disconnects.
 */
export function trackElementDwell(push: (signal: Signal) => void): () => void {
  /** Elements the last intersection entry reported at least half in view. */
  const inView = new Set<Element>();
  /** Open intervals: element → `performance.now()` when it opened. */
  const openSince = new Map<Element, number>();
  /** Closed time per topic, in ms, not yet pushed. */
  const totals = new Map<string, number>();

  // Opens only while the page is visible. A prerendering page reports `hidden` too, so this also
  // waits for activation (https://wicg.github.io/nav-speculation/prerendering.html#interaction-with-visibility-state).
  const open = (el: Element) => {
    if (document.visibilityState === 'visible' && !openSince.has(el)) openSince.set(el, performance.now());
  };
  const close = (el: Element) => {
    const start = openSince.get(el);
    if (start === undefined) return;
    openSince.delete(el);
    const topic = el.getAttribute(ATTR_TOPIC);
    if (topic) totals.set(topic, (totals.get(topic) ?? 0) + performance.now() - start);
  };
  /** Closes every interval and pushes the totals (under 0.1 s a topic waits for more). */
  const closeAll = () => {
    openSince.forEach((_, el) => close(el));
    totals.forEach((ms, topic) => {
      if (ms < 100) return;
      totals.delete(topic);
      push({ signal: 'element-dwell', topic, value: Math.round(ms / 100) / 10, at: Date.now() });
    });
  };

  let io: IntersectionObserver;
  try {
    io = new IntersectionObserver(
      (entries) => {
        for (const { target, isIntersecting, intersectionRatio } of entries) {
          // Chromium reports `isIntersecting: false` below the threshold; Firefox and Safari
          // follow the spec and report `true` with the ratio, so both are checked. An entry
          // queued before `forget` must not reopen a removed element.
          if (isIntersecting && intersectionRatio >= 0.5 && target.isConnected) {
            inView.add(target);
            open(target);
          } else {
            inView.delete(target);
            close(target);
          }
        }
      },
      { threshold: 0.5 },
    );
  } catch {
    // No IntersectionObserver: nothing to time.
    return () => {};
  }

  const observe = (el: Element) => io.observe(el); // observing twice is a no-op
  const forget = (el: Element) => {
    if (el.isConnected) return; // only moved: its interval runs on
    close(el);
    inView.delete(el);
    io.unobserve(el);
  };

  let mo: MutationObserver | undefined;
  try {
    mo = new MutationObserver((records) => {
      for (const { addedNodes, removedNodes } of records) {
        addedNodes.forEach((node) => {
          if (node instanceof Element) forEachMatch(node, OBSERVED, observe);
        });
        removedNodes.forEach((node) => {
          if (node instanceof Element) forEachMatch(node, TOPIC, forget);
        });
      }
    });
    mo.observe(document.documentElement, { childList: true, subtree: true });
  } catch {
    // Without MutationObserver, elements present now are still timed.
  }
  forEachMatch(document.documentElement, OBSERVED, observe);

  // Hidden or unloaded: close every interval. Visible again (also after a bfcache restore, which
  // brings no new intersection entries, or a prerender's activation): reopen those in view.
  const stopListening = listen(window, 'visibilitychange pagehide pageshow prerenderingchange', (event) => {
    if (event.type !== 'pagehide' && document.visibilityState === 'visible') inView.forEach(open);
    else closeAll();
  });

  return () => {
    stopListening();
    closeAll();
    mo?.disconnect();
    io.disconnect();
  };
}
