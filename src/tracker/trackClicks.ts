import { ATTR_ACTION, ATTR_TOPIC } from '../constants';
import { listen } from '../lib/listen';
import type { Signal } from '../types/signal';

/**
 * Records every click on the page as a `click` signal with the nearest topic and action.
 * One listener delegated on `document`; per click it reads two attributes and pushes.
 * Returns a stop function.
 */
export function trackClicks(push: (signal: Signal) => void): () => void {
  return listen(document, 'click', ({ target }) => {
    if (!(target instanceof Element)) return;
    const nearest = (attr: string) => target.closest(`[${attr}]`)?.getAttribute(attr) || undefined;
    push({ signal: 'click', topic: nearest(ATTR_TOPIC), action: nearest(ATTR_ACTION), value: 1, at: Date.now() });
  });
}
