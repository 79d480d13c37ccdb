import { getPageTopic } from '../lib/getPageTopic';
import { listen } from '../lib/listen';
import type { Signal } from '../types/signal';

/**
 * Pushes a `view` signal for the page load (unless `countThisView` is false), then one per single-page-app route change:
 * `history.pushState` / `replaceState` (wrapped, never polled) and `popstate`. Only a change of
 * `pathname + search` is a view; hash-only and state-only changes are not. A return from the
 * back/forward cache (`pageshow` with `persisted`) is a view too, as the same Back press is when
 * the browser loads the page again instead; it does not call `onNewView`, as the page comes back
 * as it was left.
 *
 * The URL is compared, and the topic read, in a microtask after the change: a router that sets
 * `<body data-inkling-topic>` in the same task is seen, and one that pushes then replaces (to
 * canonicalise a URL) makes one view. `onNewView` runs right before each new view is pushed, so
 * the caller can close the previous view's measurements.
 *
 * Returns a stop function: it restores the history methods unless someone wrapped them after
 * us (then our wrappers stay in their chain and just call through).
 */
export function trackPageViews(push: (signal: Signal) => void, onNewView?: () => void, countThisView = true): () => void {
  const currentUrl = () => location.pathname + location.search;
  const pushView = () => push({ signal: 'view', topic: getPageTopic(), value: 1, at: Date.now() });

  let stopped = false;
  let lastUrl = currentUrl();
  const check = () =>
    queueMicrotask(() => {
      if (stopped || currentUrl() === lastUrl) return;
      lastUrl = currentUrl();
      onNewView?.();
      pushView();
    });

  // Wraps one history method; returns the function that unwraps it.
  const wrap = (name: 'pushState' | 'replaceState') => {
    const original = history[name];
    const wrapped: History[typeof name] = function (this: History, ...args) {
      // The page's call comes first and its outcome (value or exception) is the page's own.
      const result = original.apply(this, args);
      try {
        check();
      } catch {
        // Never let our bookkeeping break the page's navigation.
      }
      return result;
    };
    try {
      history[name] = wrapped;
    } catch {
      // A locked-down `history`: route changes still arrive through popstate.
    }
    return () => {
      if (history[name] === wrapped) history[name] = original;
    };
  };

  if (countThisView) pushView();
  const restored = (event: Event) => (event as PageTransitionEvent).persisted && pushView();
  const stops = [listen(window, 'popstate', check), listen(window, 'pageshow', restored), wrap('pushState'), wrap('replaceState')];
  return () => {
    stopped = true;
    try {
      stops.forEach((stop) => stop());
    } catch {
      // `stopped` already turns any wrapper left in place into a plain call-through.
    }
  };
}
