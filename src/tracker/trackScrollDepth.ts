import { getMainScroller } from '../lib/getMainScroller';
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

  // Undefined for scrollers that cannot scroll, or are too small to be the page (carousels, menus).
  const depthOf = (el: Element | null | undefined): number | undefined => {
    if (!el) return undefined;
    const { scrollTop, clientHeight, scrollHeight } = el;
    if (scrollHeight <= clientHeight || clientHeight < innerHeight / 2) return undefined;
    return Math.min(1, Math.max(0, (scrollTop + clientHeight) / scrollHeight));
  };

  const measureMoved = () => {
    frame = 0;
    for (const target of moved) {
      const depth = depthOf(target === document ? document.scrollingElement : (target as Element));
      if (depth === undefined) continue;
      deepest = Math.max(deepest, depth);
      flat = false;
    }
    moved.clear();
  };

  // The document, else the app shell's scroller; neither scrolling means the whole page is in view.
  const look = () => {
    lookFrame = 0;
    const depth = depthOf(document.scrollingElement) ?? depthOf(getMainScroller());
    if (depth !== undefined) deepest = Math.max(deepest, depth);
    flat = depth === undefined;
  };
  const lookNextFrame = () => {
    if (!lookFrame) lookFrame = requestAnimationFrame(look);
  };

  const onScroll = (event: Event) => {
    if (event.target) moved.add(event.target);
    if (!frame) frame = requestAnimationFrame(measureMoved);
  };

  const emit = () => {
    // A scroll in the last frame before hiding is still unmeasured, and rAF waits while hidden.
    if (frame) {
      cancelAnimationFrame(frame);
      measureMoved();
    }
    const depth = Math.round((deepest || (flat ? 1 : 0)) * 100) / 100;
    if (depth <= emitted) return;
    emitted = depth;
    push({ signal: 'scroll', topic, value: depth, at: Date.now() });
  };

  // Scroll events on elements do not bubble, but each one passes document in the capture phase.
  document.addEventListener('scroll', onScroll, { capture: true, passive: true });
  // Started from a script in <head>, the first frame may come before the content: look again at load.
  if (document.readyState !== 'complete') addEventListener('load', lookNextFrame, { once: true });
  lookNextFrame();
  const offHidden = onHidden(emit);
  return () => {
    document.removeEventListener('scroll', onScroll, { capture: true });
    removeEventListener('load', lookNextFrame);
    cancelAnimationFrame(lookFrame);
    offHidden();
    emit();
  };
}
