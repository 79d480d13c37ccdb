import { DWELL_IDLE_MS } from '../constants';
import { listen } from '../lib/listen';
import { onActivity } from '../lib/onActivity';
import type { Signal } from '../types/signal';

/**
 * Records visible, active time on the page as a `dwell` signal in seconds, when the page is hidden
 * or unloaded and when stopped. The clock pauses while the tab is hidden, after `idleMs` without
 * input, while prerendering and while the page sits in the back/forward cache. Returns a stop function.
 *
 * No polling: each burst of input (see `onActivity`) adds the time since the one before (or since
 * the page was shown), at most `idleMs`, as the visitor is taken to have left `idleMs` after their
 * last input. Inputs inside a burst are not seen one by one, so the count can end up to
 * `ACTIVITY_POLL_MAX_MS` away from the visitor's very last input.
 */
export function trackPageDwell(push: (signal: Signal) => void, topic: string | undefined, idleMs = DWELL_IDLE_MS): () => void {
  const doc = document as Document & { prerendering?: boolean };
  let unloaded = false; // between pagehide and a bfcache pageshow
  const shown = () => !unloaded && !doc.prerendering && doc.visibilityState === 'visible';
  let counted = 0; // ms since the last emit
  let last = shown() ? performance.now() : undefined; // the last input, or when the page was shown; unset while it is not

  const count = (now = performance.now()) => {
    if (last === undefined || now < last) return;
    counted += Math.min(now - last, idleMs);
    last = now;
  };

  // Stops the clock and pushes what it counted. Under 0.05 s stays in the count for next time rather than being sent as 0.
  const emit = () => {
    count();
    last = undefined;
    const seconds = Math.round(counted / 100) / 10;
    if (seconds <= 0) return;
    counted = 0;
    push({ signal: 'dwell', topic, value: seconds, at: Date.now() });
  };

  const stops = [
    onActivity(count),
    // Hidden, unloaded or prerendering: emit. Visible, restored from the bfcache or activated: start the clock.
    listen(window, 'visibilitychange pagehide pageshow prerenderingchange', (event) => {
      if (event.type === 'pagehide') unloaded = true;
      if (event.type === 'pageshow' && (event as PageTransitionEvent).persisted) unloaded = false;
      if (!shown()) emit();
      else last ??= performance.now();
    }),
  ];

  return () => {
    stops.forEach((stop) => stop());
    emit();
  };
}
