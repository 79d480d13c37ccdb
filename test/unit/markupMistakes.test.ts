import { afterEach, describe, expect, it } from 'vitest';
import { createVariantController, type VariantController } from '../../src/variants/createVariantController';
import { createMarkupChecker, type MarkupChecker } from '../../src/panel/createMarkupChecker';
import { findMarkupMistakes, findUnknownSegments } from '../../src/variants/findMarkupMistakes';

let controller: VariantController | undefined;
afterEach(() => {
  controller?.stop();
  document.body.replaceChildren();
  document.documentElement.removeAttribute('data-inkling-segment');
});

function slot(name: string, variants: [string, boolean][], parent: Element = document.body): HTMLElement {
  const section = document.createElement('section');
  section.setAttribute('data-inkling-slot', name);
  for (const [segments, hidden] of variants) {
    const div = document.createElement('div');
    div.setAttribute('data-inkling-variant', segments);
    div.hidden = hidden;
    div.textContent = `${name}:${segments}`;
    section.append(div);
  }
  parent.append(section);
  return section;
}
const visible = (el: Element) => [...el.children].filter((c) => c.hasAttribute('data-inkling-variant') && !(c as HTMLElement).hidden).map((c) => c.textContent);
const variantsOf = (el: Element) => [...el.children];

/** A controller with the development checks of `debug` (what init wires up, minus the panel module's loading). */
function checkedController(initial: string, warnings: string[]): MarkupChecker {
  const checker = createMarkupChecker((w) => warnings.push(w));
  controller = createVariantController(initial, (slot, variants) => checker.check(slot, variants));
  return checker;
}

describe('markup mistakes: one warning each, and a deterministic result', () => {
  it('a slot with no default variant shows its first variant to everyone else', () => {
    const hero = slot('hero', [['a', false], ['b', false]]);
    const warnings: string[] = [];
    checkedController('nobody', warnings);
    expect(visible(hero)).toEqual(['hero:a']);
    expect(warnings).toEqual(['Inkling: slot "hero" has no default variant; its first variant is shown when no other matches']);
  });

  it('two variants for one segment: the first in document order is shown', () => {
    const hero = slot('hero', [['default', false], ['camper', true], ['camper cyclist', true]]);
    const warnings: string[] = [];
    checkedController('camper', warnings);
    expect(visible(hero)).toEqual(['hero:camper']);
    expect(warnings).toEqual(['Inkling: slot "hero" has two variants for "camper"; the first one is shown']);
  });

  it('a nested slot is decided on its own, from its direct children', () => {
    const outer = slot('outer', [['default', false], ['camper', true]]);
    const inner = slot('inner', [['default', false], ['camper', true]], outer.children[1]!);
    const warnings: string[] = [];
    checkedController('camper', warnings);
    expect(visible(outer)).toEqual([outer.children[1]!.textContent]);
    expect(visible(inner)).toEqual(['inner:camper']);
    expect(warnings).toEqual(['Inkling: slot "inner" is inside another slot; each slot is decided on its own, from its direct children']);
  });

  it('a segment id the manifest does not define is never shown, and named once', () => {
    const hero = slot('hero', [['default', false], ['campr', true]]);
    const warnings: string[] = [];
    const checker = checkedController('default', warnings);
    checker.setKnownSegments(['camper', 'cyclist']);
    controller!.show('camper', 'immediate'); // the typo'd variant does not match the real segment
    expect(visible(hero)).toEqual(['hero:default']);
    expect(warnings).toEqual(['Inkling: slot "hero" has a variant for "campr", which the manifest does not define; it is never shown']);
    expect(findMarkupMistakes(hero, variantsOf(hero), new Set(['camper', 'campr']))).toEqual([]);
  });

  it('once the manifest is known, only its unknown ids are named again, each once, and no other mistake', () => {
    // No default (a mistake of its own) and an unknown id used twice.
    const hero = slot('hero', [['campr', false], ['campr cyclist', true]]);
    expect(findUnknownSegments(hero, variantsOf(hero), new Set(['camper', 'cyclist']))).toEqual([
      'Inkling: slot "hero" has a variant for "campr", which the manifest does not define; it is never shown',
    ]);
    expect(findMarkupMistakes(hero, variantsOf(hero), new Set(['camper', 'cyclist']))).toHaveLength(3);
  });

  it('each slot is looked at once, however often it is shown', () => {
    slot('hero', [['a', false], ['b', true]]);
    const warnings: string[] = [];
    checkedController('a', warnings);
    controller!.show('b', 'immediate');
    controller!.newView();
    expect(warnings).toHaveLength(1);
  });

  it('without the checks (no `debug`), mistakes still get their deterministic result and no warning is looked for', () => {
    const hero = slot('hero', [['camper', false], ['camper', false]]);
    controller = createVariantController('camper');
    expect(visible(hero)).toEqual(['hero:camper']);
  });

  it('a well-formed slot has no warning', () => {
    const hero = slot('hero', [['default', false], ['camper cyclist', true]]);
    expect(findMarkupMistakes(hero, variantsOf(hero), new Set(['camper', 'cyclist']))).toEqual([]);
  });
});

describe('the page segment attribute', () => {
  it('<html data-inkling-segment> follows the segment the page shows', () => {
    slot('hero', [['default', false], ['camper', true]]);
    controller = createVariantController('camper');
    expect(document.documentElement.getAttribute('data-inkling-segment')).toBe('camper');
    controller.show('cyclist', 'immediate');
    expect(document.documentElement.getAttribute('data-inkling-segment')).toBe('cyclist');
  });
});
