import { getMainScroller } from '../lib/getMainScroller';
import { onActivity } from '../lib/onActivity';
import { onHidden } from '../lib/onHidden';
import type { Signal } from '../types/signal';

/**
 * Records the deepest point reached in this page view, 0 to 1, as a `scroll` signal when the page
 * is hidden or unloaded, and again each time the visitor comes back and scrolls deeper.
 * The scroller may be the document or a large inner element (an app shell's `<main>`).
 *
 * No scroll listener of its own: it looks when scrolling settles (`onActivity`) and when the page
 * is hidden. A peak passed without stopping (scrolled to the bottom and straight back
 * up, never still for `ACTIVITY_SETTLE_MS`) is missed. Returns a stop function.
 */
export function trackScrollDepth(push: (signal: Signal) => void, topic: string | undefined): () => void {
  let deepest = 0; // over scrollers that can scroll
  let flat = false; // the last look found nothing scrollable: such a page counts as 1
  let emitted = 0;

  // Notes how deep `el` is scrolled, unless it cannot scroll or is too small to be the page
  // (carousels, menus); returns whether it counted.
  const reach = (el: Element | null | undefined) => {
    if (!el) return false;
    const { scrollTop, clientHeight, scrollHeight } = el;
    if (scrollHeight <= clientHeight || clientHeight < innerHeight / 2) return false;
    deepest = Math.max(deepest, Math.min(1, (scrollTop + clientHeight) / scrollHeight));
    return true;
  };
  // The document, else the app shell's scroller; neither scrolling means the whole page is in view.
  const look = () => {
    flat = !reach(document.scrollingElement) && !reach(getMainScroller());
  };

  const emit = () => {
    look();
    const depth = Math.round((deepest || (flat ? 1 : 0)) * 100) / 100;
    if (depth <= emitted) return;
    emitted = depth;
    push({ signal: 'scroll', topic, value: depth, at: Date.now() });
  };
  // Nothing is read at start: until the visitor scrolls, the look when the page is hidden sees
  // the same page, now fully laid out.
  const stops = [onActivity((_, moved) => moved && look()), onHidden(emit)];
  return () => {
    stops.forEach((stop) => stop());
    emit();
  };
}
