import { afterEach, describe, expect, it } from 'vitest';
import { applyDecision } from '../../src/variants/applyDecision';

afterEach(() => document.body.replaceChildren());

function slot(name: string, variants: [string, boolean][]): HTMLElement {
  const section = document.createElement('section');
  section.setAttribute('data-inkling-slot', name);
  for (const [segments, hidden] of variants) {
    const div = document.createElement('div');
    div.setAttribute('data-inkling-variant', segments);
    div.hidden = hidden;
    div.textContent = segments;
    section.append(div);
  }
  document.body.append(section);
  return section;
}

const visible = (el: Element) => [...el.children].filter((c) => !(c as HTMLElement).hidden).map((c) => c.textContent);

describe('applyDecision', () => {
  it('shows the variant that lists the segment and hides the others, in every slot', () => {
    const hero = slot('hero', [['default', false], ['bargain-hunter', true], ['researcher power-buyer', true]]);
    const banner = slot('banner', [['default', false], ['power-buyer', true]]);
    applyDecision('power-buyer');
    expect(visible(hero)).toEqual(['researcher power-buyer']);
    expect(visible(banner)).toEqual(['power-buyer']);
  });

  it('shows the default variant when no variant names the segment', () => {
    const hero = slot('hero', [['default', true], ['bargain-hunter', false]]);
    applyDecision('someone-else');
    expect(visible(hero)).toEqual(['default']);
  });

  it('leaves a slot as authored when nothing matches and there is no default', () => {
    const hero = slot('hero', [['a', false], ['b', true]]);
    applyDecision('c');
    expect(visible(hero)).toEqual(['a']);
  });

  it('ignores children that are not variants', () => {
    const hero = slot('hero', [['default', false], ['camper', true]]);
    const note = document.createElement('p');
    note.textContent = 'note';
    hero.append(note);
    applyDecision('camper');
    expect(visible(hero)).toEqual(['camper', 'note']);
  });
});
