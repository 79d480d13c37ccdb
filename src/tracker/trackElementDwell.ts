import { ATTR_TOPIC, DWELL_IDLE_MS, PANEL_EVENT, PANEL_TAG } from '../constants';
import { listen } from '../lib/listen';
import { onActivity } from '../lib/onActivity';
import { whenIdle } from '../lib/whenIdle';
import type { Signal } from '../types/signal';

/** Topic elements inside `<body>`: `<html>` and `<body>` carry the page topic and are left to the page-level trackers. */
const OBSERVED = `body [${ATTR_TOPIC}]`;

/**
 * Times how long each `[data-inkling-topic]` element is at least half in view while the page is
 * visible, adds the seconds up per topic, and pushes one `element-dwell` signal per topic
 * (seconds, to 0.1 s) when the page is hidden or unloaded, or tracking stops.
 *
 * It looks rather than watches: what is in view is read once when the page has loaded, when
 * scrolling (or any input that may move the page) settles (`onActivity`) and when the page is
 * shown again, and the time between two looks goes to what was in view at the first, up to
 * `DWELL_IDLE_MS` after the visitor was last seen, as for page dwell (`trackPageDwell`): every
 * burst of input, even one that moves nothing, counts the time since the one before. No
 * observer works while the parser inserts nodes or while the visitor scrolls, and content
 * passing by during a scroll is not counted as read. While the visitor panel is open (a modal
 * dialog), nothing behind it is counted.
 *
 * Limitations: the ratio is of the element's own area, so an element taller (or wider) than
 * twice the viewport is never counted; content that moves into view without any input (an
 * auto-playing carousel) is counted from the next look, and time spent scrolling counts for
 * what was in view before; an element removed between two looks loses the time since the first.
 *
 * Returns a stop function that pushes what was counted and stops looking.
 */
export function trackElementDwell(push: (signal: Signal) => void): () => void {
  /** Closed time per topic, in ms, not yet pushed. */
  const totals = new Map<string, number>();
  let inView: Element[] = [];
  let since = 0;
  let looks = 0;

  /** Credits the time since the last credit to what is in view, at most `DWELL_IDLE_MS`: the visitor is taken to have left by then. */
  const credit = (now: number) => {
    if (now <= since) return;
    for (const el of inView) {
      const topic = el.isConnected && el.getAttribute(ATTR_TOPIC);
      if (topic) totals.set(topic, (totals.get(topic) ?? 0) + Math.min(now - since, DWELL_IDLE_MS));
    }
    since = now;
  };
  /**
   * Credits the time since the last credit to what was in view, and looks again (`again`
   * false: the page is going away). A look is a one-shot IntersectionObserver: the browser
   * works out what is at least half in view in its next rendering step, with no layout forced
   * from here and with clipping by inner scrollers taken into account.
   */
  const look = (again = true) => {
    credit(performance.now());
    inView = [];
    const mine = ++looks;
    // A prerendering page reports `hidden` too, so this also waits for activation.
    if (!again || document.visibilityState !== 'visible' || document.querySelector(PANEL_TAG)) return;
    try {
      const io = new IntersectionObserver(
        (entries) => {
          io.disconnect();
          // Chromium reports `isIntersecting: false` below the threshold; Firefox and Safari report `true` with the ratio.
          if (mine === looks) inView = entries.filter((e) => e.isIntersecting && e.intersectionRatio >= 0.5).map((e) => e.target);
        },
        { threshold: 0.5 },
      );
      document.querySelectorAll(OBSERVED).forEach((el) => io.observe(el));
    } catch {
      // No IntersectionObserver: nothing to time.
    }
  };
  /** Closes the count and pushes the totals (under 0.1 s a topic waits for more). */
  const pushTotals = () => {
    look(false);
    totals.forEach((ms, topic) => {
      if (ms < 100) return;
      totals.delete(topic);
      push({ signal: 'element-dwell', topic, value: Math.round(ms / 100) / 10, at: Date.now() });
    });
  };

  const stops = [
    whenIdle(() => look()),
    onActivity((activeAt, moved) => {
      credit(activeAt);
      if (moved) look();
    }),
    // Hidden or unloaded: push. Visible again (also after a bfcache restore or a prerender's activation): look again.
    // The first pageshow comes with `load`, before the page is laid out: looking then would force
    // the whole layout early. The idle-time look above covers it; only a bfcache restore looks.
    // The panel opening or closing closes the count too, and looks again (at nothing while it is open).
    listen(window, `visibilitychange pagehide pageshow prerenderingchange ${PANEL_EVENT}`, (event) => {
      if (event.type === 'pageshow' && !(event as PageTransitionEvent).persisted) return;
      if (event.type !== 'pagehide' && document.visibilityState === 'visible') look();
      else pushTotals();
    }),
  ];
  return () => {
    stops.forEach((stop) => stop());
    pushTotals();
  };
}
