/**
 * The element the visitor scrolls on an app-shell page (`<main style="overflow:auto; height:100vh">`),
 * where the document itself does not scroll: the nearest scrollable ancestor of whatever sits at
 * the centre of the viewport. Reads layout, so call it from a frame callback, not from a listener.
 */
export function getMainScroller(): Element | undefined {
  const root = document.documentElement;
  let el = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
  for (; el && el !== root; el = el.parentElement) {
    if (el.scrollHeight > el.clientHeight && /auto|scroll/.test(getComputedStyle(el).overflowY)) return el;
  }
  return undefined;
}
