import { ATTR_ACTION, ATTR_TOPIC, PANEL_TAG } from '../constants';
import { listen } from '../lib/listen';
import type { Signal } from '../types/signal';

/**
 * Records every click on the page as a `click` signal with the nearest topic and action.
 * One listener delegated on `document`; per click it reads two attributes and pushes.
 * Clicks in the visitor panel (its shadow root's host is the event target) are the visitor
 * managing their data, not browsing, and are not recorded.
 * Returns a stop function.
 */
export function trackClicks(push: (signal: Signal) => void): () => void {
  return listen(document, 'click', ({ target }) => {
    if (!(target instanceof Element) || target.localName === PANEL_TAG) return;
    const nearest = (attr: string) => target.closest(`[${attr}]`)?.getAttribute(attr) || undefined;
    push({ signal: 'click', topic: nearest(ATTR_TOPIC), action: nearest(ATTR_ACTION), value: 1, at: Date.now() });
  });
}
