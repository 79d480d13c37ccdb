import { ATTR_READY, ATTR_VARIANT, ATTR_WAIT } from '../constants';

/**
 * The SDK's two CSS rules. Author CSS such as `.hero > div { display: flex }` beats the browser's
 * own `[hidden]` rule, so the first keeps hidden variants hidden; the second holds a
 * `data-inkling-wait` slot invisible (its space reserved, so nothing shifts) until it is ready.
 * They go in through a constructable stylesheet, which a strict `style-src` allows; engines
 * without one get a `<style>` element carrying the page's `nonce`.
 */
export function installVariantStyle(nonce?: string, doc: Document = document): void {
  const css = `[${ATTR_VARIANT}][hidden]{display:none!important}[${ATTR_WAIT}]:not([${ATTR_READY}]){visibility:hidden}`;
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
