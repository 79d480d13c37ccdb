/**
 * Adds `fn` to `target` for each of the space-separated event `types` and returns one function
 * that removes them all, so adding and removing can never drift apart.
 *
 * Always in the capture phase, so a page that stops propagation cannot hide an event, and always
 * passive, so a listener can never delay scrolling.
 *
 * @example
 * const stop = listen(document, 'pointerdown keydown', onInput);
 */
export function listen(target: EventTarget, types: string, fn: (event: Event) => void): () => void {
  const options = { capture: true, passive: true };
  const list = types.split(' ');
  for (const type of list) target.addEventListener(type, fn, options);
  return () => {
    for (const type of list) target.removeEventListener(type, fn, options);
  };
}
