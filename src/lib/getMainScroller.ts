/** How far `el` scrolls, or 0 if it is missing or too small to be the page (carousels, menus). */
const range = (el?: Element) => (!el || el.clientHeight < innerHeight / 2 ? 0 : el.scrollHeight - el.clientHeight);

/**
 * The element the visitor scrolls the page with, or `undefined` if nothing can scroll: the
 * document, or whichever scrollable ancestor of what sits at the centre of the viewport scrolls
 * further (an app shell's `<main style="overflow:auto; height:100vh">`). A shell's document often
 * overflows by a few pixels it cannot scroll (the body's default margin under
 * `html { overflow: hidden }`), so a root that hides its overflow only counts when nothing else
 * scrolls: then (a modal locking the page) it still says where the page stands. Reads layout, so
 * call it once scrolling has settled, not from a listener.
 */
export function getMainScroller(): Element | undefined {
  const root = document.scrollingElement ?? document.documentElement;
  // Scrolled, the document is what the visitor scrolls: the common case is spared the hit test.
  if (root.scrollTop > 0) return root;
  let best = /hidden|clip/.test(getComputedStyle(root).overflowY) ? undefined : root;
  for (let el = document.elementFromPoint(innerWidth / 2, innerHeight / 2); el && el !== document.documentElement; el = el.parentElement) {
    if (range(el) > range(best) && /auto|scroll/.test(getComputedStyle(el).overflowY)) best = el;
  }
  best ??= root;
  return range(best) > 0 ? best : undefined;
}
