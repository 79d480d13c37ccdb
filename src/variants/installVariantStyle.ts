import { ATTR_READY, ATTR_VARIANT, ATTR_WAIT, MAX_WAIT_MS, WHY_CLASS } from '../constants';

/**
 * The SDK's CSS rules. Author CSS such as `.hero > div { display: flex }` beats the browser's
 * own `[hidden]` rule, so the first keeps hidden variants hidden; the second holds a
 * `data-inkling-wait` slot invisible (its space reserved, so nothing shifts) until it is ready,
 * or the whole page is (`<html data-inkling-ready>`: the engine has answered), and at most
 * `MAX_WAIT_MS` whatever the script does (an animation that ends visible: a slot the
 * parser reaches while a slow script blocks it, or one rendered after `destroy()`, is not held by
 * a timer); the third styles the small "why?" button of `data-inkling-why` slots.
 * They go in through a constructable stylesheet, which a strict `style-src` allows; engines
 * without one get a `<style>` element carrying the page's `nonce`.
 */
export function installVariantStyle(nonce?: string, doc: Document = document): void {
  const css =
    `[${ATTR_VARIANT}][hidden]{display:none!important}:root:not([${ATTR_READY}]) [${ATTR_WAIT}]:not([${ATTR_READY}]){visibility:hidden;animation:inkling-reveal 0s ${MAX_WAIT_MS}ms forwards}` +
    `@keyframes inkling-reveal{to{visibility:visible}}` +
    `.${WHY_CLASS}{font:inherit;font-size:.75rem;line-height:1.5;margin:.25rem;padding:0 .5rem;border:1px solid;border-radius:1em;background:none;color:inherit;cursor:pointer}`;
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  } catch {
    try {
      const style = doc.createElement('style');
      if (nonce) style.nonce = nonce;
      style.textContent = css;
      (doc.head ?? doc.documentElement).append(style);
    } catch {
      // Nothing more to try: the markup's own `hidden` attributes still apply.
    }
  }
}
