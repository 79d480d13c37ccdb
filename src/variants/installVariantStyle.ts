import { ATTR_VARIANT } from '../constants';

/**
 * Author CSS such as `.hero > div { display: flex }` beats the browser's own `[hidden]` rule,
 * so one rule of the SDK's keeps hidden variants hidden. It goes in through a constructable
 * stylesheet, which a strict `style-src` allows where an injected `<style>` would be blocked.
 */
export function installVariantStyle(doc: Document = document): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`[${ATTR_VARIANT}][hidden]{display:none!important}`);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  } catch {
    // No constructable stylesheets (old engines): the markup's own `hidden` still applies.
  }
}
