/**
 * Gives a shadow root its styles through a constructable stylesheet, which a strict
 * `style-src 'self'` allows; engines without one get a `<style>` element carrying `nonce`.
 */
export function adoptStyles(root: ShadowRoot, css: string, nonce?: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    if (nonce) style.nonce = nonce;
    style.textContent = css;
    root.append(style);
  }
}
