import { getPageTopic } from '../lib/getPageTopic';
import type { Signal } from '../types/signal';
import { getContext } from './getContext';
import { trackClicks } from './trackClicks';
import { trackElementDwell } from './trackElementDwell';
import { trackPageDwell } from './trackPageDwell';
import { trackPageViews } from './trackPageViews';
import { trackScrollDepth } from './trackScrollDepth';

/**
 * Measures of one page view (`routedIn`: one a route change opened), closed (and emitted) when
 * the view ends. A view ended by a route change (`routed`) is not looked at again: the page
 * already shows the next route.
 */
function trackView(push: (s: Signal) => void, routedIn = false): (routed?: boolean) => void {
  const topic = getPageTopic();
  const stops = [trackScrollDepth(push, topic, routedIn), trackPageDwell(push, topic)];
  return (routed) => stops.forEach((stop) => stop(routed));
}

/**
 * Starts every tracker: context once, then clicks, page views (single-page-app routes too),
 * and per view its scroll depth and dwell. `onNewView` runs on each single-page-app route.
 * With `fresh` false (tracking restarted after "delete everything") this page's view and
 * context are not recorded again: only what the visitor does from now on.
 * Returns one stop function that closes them all.
 */
export function startTracking(push: (s: Signal) => void, onNewView: () => void = () => {}, fresh = true): () => void {
  if (fresh) getContext().forEach(push);
  let stopView: (routed?: boolean) => void = () => {};
  const stops = [trackClicks(push)];
  // The page view needs <body> for its topic: a script in <head> runs before the parser gets
  // there. Element dwell waits too, so no observer works on every node the parser inserts.
  const beginViews = () => {
    stops.push(trackElementDwell(push));
    stopView = trackView(push);
    stops.push(
      trackPageViews(
        push,
        () => {
          stopView(true);
          stopView = trackView(push, true);
          onNewView();
        },
        fresh,
      ),
    );
  };
  if (document.body) beginViews();
  else {
    document.addEventListener('DOMContentLoaded', beginViews, { once: true });
    stops.push(() => document.removeEventListener('DOMContentLoaded', beginViews));
  }
  return () => {
    stopView();
    stops.forEach((stop) => stop());
  };
}
