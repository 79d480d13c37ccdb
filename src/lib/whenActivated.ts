import { listen } from './listen';

/**
 * Runs `fn` once the page is in front of the visitor: at once, or, for a page the browser
 * prerenders (Speculation Rules) in case the visitor goes there next, at its activation
 * (`prerenderingchange`), which may never come. Returns a function that cancels the wait.
 *
 * @example
 * const stop = whenActivated(() => release(held));
 */
export function whenActivated(fn: () => void, doc: Document = document): () => void {
  if (!(doc as Document & { prerendering?: boolean }).prerendering) {
    fn();
    return () => {};
  }
  const stop = listen(doc, 'prerenderingchange', () => {
    stop();
    fn();
  });
  return stop;
}
