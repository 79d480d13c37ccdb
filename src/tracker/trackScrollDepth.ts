import { getMainScroller } from '../lib/getMainScroller';
import { onActivity } from '../lib/onActivity';
import { onHidden } from '../lib/onHidden';
import { whenIdle } from '../lib/whenIdle';
import type { Signal } from '../types/signal';

/**
 * Records the deepest point reached in this page view, 0 to 1, as a `scroll` signal when the page
 * is hidden or unloaded, and again each time the visitor comes back and scrolls deeper.
 * The scroller may be the document or a large inner element (an app shell's `<main>`).
 *
 * No scroll listener of its own: it looks when scrolling settles (`onActivity`) and when the page
 * is hidden, and, for a view a single-page app's route opened (`routedIn`), once in idle time
 * when it starts. A peak passed without stopping (scrolled to the bottom and straight back up,
 * never still for `ACTIVITY_SETTLE_MS`) is missed.
 *
 * Returns a stop function that pushes what was seen. `stop(true)` (`routed`) does not look again:
 * when a single-page app changes route, the page already shows the next route's content, so the
 * view ends with what its own looks saw: for a routed-in view never scrolled, its first screen
 * as read in idle time; for the page's first view never scrolled, nothing (the page load is
 * spared that look: most pages never change route, and they are measured when hidden).
 */
export function trackScrollDepth(push: (signal: Signal) => void, topic: string | undefined, routedIn = false): (routed?: boolean) => void {
  let deepest = 0; // over looks that found the page scrolled
  let last = 0; // how deep the last look saw, scrolled or not; 1 if nothing could scroll
  let emitted = 0;

  // A look at a page not scrolled yet only says how long it is, and a page still loading grows: the
  // last such look stands, so the first screen of a page hidden unscrolled is read on the page fully laid out.
  const look = () => {
    const el = getMainScroller();
    if (!el) return void (last = 1);
    const { scrollTop, clientHeight, scrollHeight } = el;
    last = Math.min(1, (scrollTop + clientHeight) / scrollHeight);
    if (scrollTop > 0) deepest = Math.max(deepest, last);
  };

  const emit = (routed?: boolean) => {
    if (!routed) look();
    const depth = Math.round((deepest || last) * 100) / 100;
    if (depth <= emitted) return;
    emitted = depth;
    push({ signal: 'scroll', topic, value: depth, at: Date.now() });
  };
  const stops = [onActivity((_, moved) => moved && look()), onHidden(() => emit())];
  if (routedIn) stops.push(whenIdle(look));
  return (routed) => {
    stops.forEach((stop) => stop());
    emit(routed);
  };
}
