import { ATTR_TOPIC } from '../constants';
import { onHidden } from '../lib/onHidden';
import type { Signal } from '../types/signal';

const SELECTOR = `[${ATTR_TOPIC}]`;

/**
 * Times how long each `[data-inkling-topic]` element is at least half in view while the page is
 * visible, and pushes one `element-dwell` signal (seconds, to 0.1 s) per interval when it closes:
 * the element leaves view or the DOM, the page is hidden or unloaded, or tracking stops.
 * `<html>` and `<body>` carry the page topic and are left to the page-level trackers.
 *
 * Limitation: the ratio is of the element's own area, so an element taller (or wider) than twice
 * the viewport can never be half in view and is never counted.
 *
 * Returns a stop function that closes open intervals (pushing them) and disconnects.
 */
export function trackElementDwell(push: (signal: Signal) => void): () => void {
  if (typeof IntersectionObserver !== 'function') return () => {};

  const observed = new Set<Element>();
  /** Elements the last intersection entry reported at least half in view. */
  const inView = new Set<Element>();
  /** Open intervals: element → `performance.now()` when it opened. */
  const openSince = new Map<Element, number>();

  // A prerendering page reports `hidden` too, so this also waits for activation
  // (https://wicg.github.io/nav-speculation/prerendering.html#interaction-with-visibility-state).
  const pageShown = () => document.visibilityState === 'visible';

  const open = (el: Element) => {
    if (!openSince.has(el)) openSince.set(el, performance.now());
  };
  const close = (el: Element) => {
    const start = openSince.get(el);
    if (start === undefined) return;
    openSince.delete(el);
    const seconds = (performance.now() - start) / 1000;
    const topic = el.getAttribute(ATTR_TOPIC);
    if (seconds < 0.1 || !topic) return;
    push({ signal: 'element-dwell', topic, value: Math.round(seconds * 10) / 10, at: Date.now() });
  };
  const closeAll = () => openSince.forEach((_, el) => close(el));
  const reopen = () => {
    if (pageShown()) inView.forEach(open);
  };

  let io: IntersectionObserver;
  try {
    io = new IntersectionObserver(
      (entries) => {
        for (const { target, isIntersecting, intersectionRatio } of entries) {
          // An entry queued before `forget` must not reopen a removed element.
          if (!observed.has(target)) continue;
          // Chromium reports `isIntersecting: false` below the threshold; Firefox and Safari
          // follow the spec and report `true` with the ratio, so both are checked.
          if (isIntersecting && intersectionRatio >= 0.5) {
            inView.add(target);
            if (pageShown()) open(target);
          } else {
            inView.delete(target);
            close(target);
          }
        }
      },
      { threshold: 0.5 },
    );
  } catch {
    return () => {};
  }

  const observe = (el: Element) => {
    if (observed.has(el) || el === document.documentElement || el === document.body) return;
    observed.add(el);
    io.observe(el);
  };
  const observeTree = (root: Element) => {
    if (root.matches(SELECTOR)) observe(root);
    root.querySelectorAll(SELECTOR).forEach(observe);
  };
  const forget = (el: Element) => {
    close(el);
    inView.delete(el);
    observed.delete(el);
    io.unobserve(el);
  };

  let mo: MutationObserver | undefined;
  try {
    mo = new MutationObserver((records) => {
      let removed = false;
      for (const record of records) {
        removed ||= record.removedNodes.length > 0;
        record.addedNodes.forEach((node) => {
          if (node instanceof Element) observeTree(node);
        });
      }
      // Checking what we observe is cheaper than walking removed subtrees, and an element
      // that was only moved stays connected, so its interval runs on.
      if (!removed) return;
      for (const el of observed) if (!el.isConnected) forget(el);
    });
    mo.observe(document.documentElement, { childList: true, subtree: true });
  } catch {
    // Without MutationObserver, elements present now are still timed.
  }
  observeTree(document.documentElement);

  const offHidden = onHidden(closeAll);
  document.addEventListener('visibilitychange', reopen, true);
  document.addEventListener('prerenderingchange', reopen, true);
  // A page restored from the back/forward cache gets no new intersection entries.
  addEventListener('pageshow', reopen, true);

  return () => {
    closeAll();
    offHidden();
    document.removeEventListener('visibilitychange', reopen, true);
    document.removeEventListener('prerenderingchange', reopen, true);
    removeEventListener('pageshow', reopen, true);
    mo?.disconnect();
    io.disconnect();
    observed.clear();
    inView.clear();
  };
}
