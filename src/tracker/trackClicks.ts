import { ATTR_ACTION, ATTR_TOPIC } from '../constants';
import type { Signal } from '../types/signal';

/**
 * Records every click on the page as a `click` signal with the nearest topic and action.
 * One passive listener delegated on `document`; per click it reads two attributes and pushes.
 * Returns a stop function.
 */
export function trackClicks(push: (signal: Signal) => void): () => void {
  const onClick = (event: Event) => {
    const target = event.target;
    if (!(target instanceof Element)) return;
    const topic = target.closest(`[${ATTR_TOPIC}]`)?.getAttribute(ATTR_TOPIC) || undefined;
    const action = target.closest(`[${ATTR_ACTION}]`)?.getAttribute(ATTR_ACTION) || undefined;
    push({ signal: 'click', topic, action, value: 1, at: Date.now() });
  };
  document.addEventListener('click', onClick, { capture: true, passive: true });
  return () => document.removeEventListener('click', onClick, { capture: true });
}
