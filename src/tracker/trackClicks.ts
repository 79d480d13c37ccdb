import { ATTR_ACTION, ATTR_EXPLAIN, ATTR_TOPIC, PANEL_TAG, WHY_CLASS } from '../constants';
import { listen } from '../lib/listen';
import type { Signal } from '../types/signal';

/** The visitor panel (its shadow root's host is the event target) and what opens it. */
const PANEL_USE = `${PANEL_TAG}, .${WHY_CLASS}, [${ATTR_EXPLAIN}]`;

/**
 * Records every click on the page as a `click` signal with the nearest topic and action.
 * One listener delegated on `document`; per click it reads two attributes and pushes.
 * Clicks in the visitor panel, and on what opens it (a slot's "why?" button, an element with
 * `data-inkling-explain`), are the visitor managing their data, not browsing, and are not
 * recorded: else asking why a topic is shown would count as interest in it.
 * Returns a stop function.
 */
export function trackClicks(push: (signal: Signal) => void): () => void {
  return listen(document, 'click', ({ target }) => {
    if (!(target instanceof Element) || target.closest(PANEL_USE)) return;
    const nearest = (attr: string) => target.closest(`[${attr}]`)?.getAttribute(attr) || undefined;
    push({ signal: 'click', topic: nearest(ATTR_TOPIC), action: nearest(ATTR_ACTION), value: 1, at: Date.now() });
  });
}
