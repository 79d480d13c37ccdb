import { getPageTopic } from '../lib/getPageTopic';
import type { Signal } from '../types/signal';

type HistoryMethod = History['pushState'];

/**
 * Pushes a `view` signal for the page load, then one per single-page-app route change:
 * `history.pushState` / `replaceState` (wrapped, never polled) and `popstate`. Only a change of
 * `pathname + search` is a view; hash-only and state-only changes are not.
 *
 * The topic is read in a microtask after the URL changes, so a router that sets
 * `<body data-inkling-topic>` in the same task is seen. `onNewView` runs right before each new
 * view is pushed, so the caller can close the previous view's measurements.
 *
 * Returns a stop function: it restores the history methods unless someone wrapped them after
 * us (then our wrappers stay in their chain and just call through).
 */
export function trackPageViews(push: (signal: Signal) => void, onNewView?: () => void): () => void {
  const currentUrl = () => location.pathname + location.search;
  const pushView = () => push({ signal: 'view', topic: getPageTopic(), value: 1, at: Date.now() });

  let stopped = false;
  let lastUrl = currentUrl();
  let checkPending = false;
  // One check per task: a router that pushes then replaces (to canonicalise a URL) makes one
  // view, and the URL compared is where the task left it.
  const scheduleCheck = () => {
    if (checkPending) return;
    queueMicrotask(() => {
      checkPending = false;
      const url = currentUrl();
      if (stopped || url === lastUrl) return;
      lastUrl = url;
      onNewView?.();
      pushView();
    });
    // Set only once queued, so a failure here cannot stop all later checks.
    checkPending = true;
  };

  const wrap = (original: HistoryMethod): HistoryMethod =>
    function (this: History, ...args) {
      // The page's call comes first and its outcome (value or exception) is the page's own.
      const result = original.apply(this, args);
      try {
        if (!stopped) scheduleCheck();
      } catch {
        // Never let our bookkeeping break the page's navigation.
      }
      return result;
    };

  pushView();
  const originalPush = history.pushState;
  const originalReplace = history.replaceState;
  const wrappedPush = wrap(originalPush);
  const wrappedReplace = wrap(originalReplace);
  try {
    history.pushState = wrappedPush;
    history.replaceState = wrappedReplace;
  } catch {
    // A locked-down `history`: route changes still arrive through popstate.
  }
  addEventListener('popstate', scheduleCheck, { passive: true });

  return () => {
    if (stopped) return;
    stopped = true;
    try {
      if (history.pushState === wrappedPush) history.pushState = originalPush;
      if (history.replaceState === wrappedReplace) history.replaceState = originalReplace;
    } catch {
      // `stopped` already turns any wrapper left in place into a plain call-through.
    }
    removeEventListener('popstate', scheduleCheck);
  };
}
