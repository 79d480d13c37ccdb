import { describe, expect, it } from 'vitest';
import { MAX_WAIT_MS } from '../../src/constants';
import { installVariantStyle } from '../../src/variants/installVariantStyle';

describe('installVariantStyle in Chromium', () => {
  it('keeps hidden variants hidden even when author CSS sets display', () => {
    const author = new CSSStyleSheet();
    author.replaceSync('.hero > div { display: flex }');
    document.adoptedStyleSheets = [author];
    document.body.innerHTML = `<section class="hero" data-inkling-slot="hero">
      <div data-inkling-variant="default">Default</div>
      <div data-inkling-variant="camper" hidden>Camper</div></section>`;
    const camper = document.querySelector<HTMLElement>('[data-inkling-variant="camper"]')!;
    expect(getComputedStyle(camper).display).toBe('flex'); // the problem the rule exists for
    installVariantStyle();
    expect(getComputedStyle(camper).display).toBe('none');
    expect(getComputedStyle(document.querySelector('[data-inkling-variant="default"]')!).display).toBe('flex');
    expect(document.adoptedStyleSheets[0]).toBe(author);
  });

  it('holds a data-inkling-wait slot hidden at most MAX_WAIT_MS whatever the script does (a slow script above it, a stopped SDK)', async () => {
    installVariantStyle();
    document.body.innerHTML = `<section data-inkling-slot="offer" data-inkling-wait="300"><div data-inkling-variant="default">Offer</div></section>`;
    const slot = document.querySelector('section')!;
    // No controller runs: no timer will mark it ready.
    expect(getComputedStyle(slot).visibility).toBe('hidden');
    await new Promise((r) => setTimeout(r, MAX_WAIT_MS + 200));
    expect(getComputedStyle(slot).visibility).toBe('visible');
  });

  it('shows every waiting slot once <html> is ready, also one no controller has seen', () => {
    installVariantStyle();
    document.body.innerHTML = `<section data-inkling-slot="offer" data-inkling-wait="300"><div data-inkling-variant="default">Offer</div></section>`;
    const slot = document.querySelector('section')!;
    expect(getComputedStyle(slot).visibility).toBe('hidden');
    document.documentElement.setAttribute('data-inkling-ready', '');
    try {
      expect(getComputedStyle(slot).visibility).toBe('visible');
    } finally {
      document.documentElement.removeAttribute('data-inkling-ready');
    }
  });
});
