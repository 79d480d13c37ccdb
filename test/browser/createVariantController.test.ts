import { afterEach, expect, it } from 'vitest';
import { createVariantController, type VariantController } from '../../src/variants/createVariantController';

let variants: VariantController | undefined;
afterEach(() => {
  variants?.stop();
  document.body.innerHTML = '';
});
const visible = () => [...document.querySelectorAll('[data-inkling-variant]')].filter((v) => !(v as HTMLElement).hidden).map((v) => v.textContent);

it('next-view leaves an in-view slot as it is even when the slot has no box of its own (display: contents)', async () => {
  document.body.innerHTML = `<div style="display:grid;grid-template-columns:1fr 1fr">
    <section data-inkling-slot="hero" style="display:contents">
      <div data-inkling-variant="default" style="height:200px">Default hero</div>
      <div data-inkling-variant="camper" hidden style="height:200px">Camper hero</div>
    </section></div>`;
  variants = createVariantController('default');
  await new Promise((r) => requestAnimationFrame(r));
  variants.show('camper', 'next-view');
  expect(visible()).toEqual(['Default hero']);
});

it('next-view swaps a display: contents slot out of view at once', async () => {
  document.body.innerHTML = `<div style="height:3000px"></div>
    <section data-inkling-slot="hero" style="display:contents">
      <div data-inkling-variant="default" style="height:200px">Default hero</div>
      <div data-inkling-variant="camper" hidden style="height:200px">Camper hero</div>
    </section>`;
  variants = createVariantController('default');
  variants.show('camper', 'next-view');
  expect(visible()).toEqual(['Camper hero']);
});
