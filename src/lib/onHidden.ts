import { listen } from './listen';

/**
 * Calls `fn` when the page is hidden (`visibilitychange` → hidden) or being unloaded
 * (`pagehide`): the last reliable moments to hand data over. Returns an unsubscribe function.
 * `visibilitychange` fires at the document, but its capture phase passes `window` too.
 */
export function onHidden(fn: (event: Event) => void): () => void {
  return listen(window, 'visibilitychange pagehide', (event) => {
    if (event.type === 'pagehide' || document.visibilityState === 'hidden') fn(event);
  });
}
