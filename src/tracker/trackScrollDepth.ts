import { getMainScroller } from '../lib/getMainScroller';
import { listen } from '../lib/listen';
import { onHidden } from '../lib/onHidden';
import type { Signal } from '../types/signal';

/**
 * Records the deepest point reached in this page view, 0 to 1, as a `scroll` signal when the page
 * is hidden or unloaded, and again each time the visitor comes back and scrolls deeper.
 * The scroller may be the document or a large inner element (an app shell's `<main>`).
 * The listener only notes what moved; layout is read at most once per frame. Returns a stop function.
 */
export function trackScrollDepth(push: (signal: Signal) => void, topic: string | undefined): () => void {
  const moved = new Set<EventTarget>();
  let deepest = 0; // over scrollers that can scroll
  let flat = false; // the last full look found nothing scrollable: such a page counts as 1
  let emitted = 0;
  let frame = 0;
  let lookFrame = 0;

  // Notes how deep `el` is scrolled, unless it cannot scroll or is too small to be the page
  // (carousels, menus); returns whether it counted.
  const reach = (el: Element | null | undefined) => {
    if (!el) return false;
    const { scrollTop, clientHeight, scrollHeight } = el;
    if (scrollHeight <= clientHeight || clientHeight < innerHeight / 2) return false;
    deepest = Math.max(deepest, Math.min(1, (scrollTop + clientHeight) / scrollHeight));
    return true;
  };

  const measureMoved = () => {
    frame = 0;
    for (const target of moved) {
      if (reach(target === document ? document.scrollingElement : (target as Element))) flat = false;
    }
    moved.clear();
  };

  // The document, else the app shell's scroller; neither scrolling means the whole page is in view.
  const look = () => {
    lookFrame = 0;
    flat = !reach(document.scrollingElement) && !reach(getMainScroller());
  };
  const lookNextFrame = () => {
    lookFrame ||= requestAnimationFrame(look);
  };

  const emit = () => {
    // A scroll in the last frame before hiding is still unmeasured, and rAF waits while hidden.
    cancelAnimationFrame(frame);
    measureMoved();
    const depth = Math.round((deepest || (flat ? 1 : 0)) * 100) / 100;
    if (depth <= emitted) return;
    emitted = depth;
    push({ signal: 'scroll', topic, value: depth, at: Date.now() });
  };

  const stops = [
    // Scroll events on elements do not bubble, but each one passes document in the capture phase.
    listen(document, 'scroll', ({ target }) => {
      if (target) moved.add(target);
      frame ||= requestAnimationFrame(measureMoved);
    }),
    // Started from a script in <head>, the first frame may come before the content: look again at load.
    listen(window, 'load', lookNextFrame),
    onHidden(emit),
  ];
  lookNextFrame();
  return () => {
    stops.forEach((stop) => stop());
    cancelAnimationFrame(lookFrame);
    emit();
  };
}
