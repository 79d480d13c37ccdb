/**
 * Calls `fn` when the page is hidden (`visibilitychange` → hidden) or being unloaded
 * (`pagehide`): the last reliable moments to hand data over. Returns an unsubscribe function.
 */
export function onHidden(fn: () => void): () => void {
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') fn();
  };
  document.addEventListener('visibilitychange', onVisibility, true);
  addEventListener('pagehide', fn, true);
  return () => {
    document.removeEventListener('visibilitychange', onVisibility, true);
    removeEventListener('pagehide', fn, true);
  };
}
