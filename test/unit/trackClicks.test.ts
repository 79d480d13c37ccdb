import { afterEach, describe, expect, it } from 'vitest';
import { ATTR_EXPLAIN, WHY_CLASS } from '../../src/constants';
import { trackClicks } from '../../src/tracker/trackClicks';
import type { Signal } from '../../src/types/signal';

let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  document.body.replaceChildren();
});

function page(): void {
  document.body.setAttribute('data-inkling-topic', 'camping');
  const card = document.createElement('article');
  card.setAttribute('data-inkling-topic', 'tents');
  const button = document.createElement('button');
  button.setAttribute('data-inkling-action', 'add-to-cart');
  button.append(Object.assign(document.createElement('span'), { textContent: 'Add' }));
  card.append(button);
  const plain = document.createElement('p');
  plain.id = 'plain';
  document.body.append(card, plain);
}

describe('trackClicks', () => {
  it('records the nearest topic and action of a click, even on a nested element', () => {
    page();
    const seen: Signal[] = [];
    stop = trackClicks((s) => seen.push(s));
    (document.querySelector('span') as HTMLElement).click();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ signal: 'click', topic: 'tents', action: 'add-to-cart', value: 1 });
    expect(typeof seen[0]?.at).toBe('number');
  });

  it('falls back to the page topic, and leaves action out when there is none', () => {
    page();
    const seen: Signal[] = [];
    stop = trackClicks((s) => seen.push(s));
    (document.getElementById('plain') as HTMLElement).click();
    expect(seen[0]).toMatchObject({ signal: 'click', topic: 'camping', action: undefined });
  });

  it('sees clicks even when the page stops propagation (capture phase)', () => {
    page();
    const seen: Signal[] = [];
    stop = trackClicks((s) => seen.push(s));
    document.querySelector('article')!.addEventListener('click', (e) => e.stopPropagation());
    (document.querySelector('button') as HTMLElement).click();
    expect(seen).toHaveLength(1);
  });

  it('does not record the visitor opening the panel ("why?" button, data-inkling-explain)', () => {
    page();
    const card = document.querySelector('article')!;
    const why = Object.assign(document.createElement('button'), { className: WHY_CLASS, textContent: 'Why?' });
    const explain = document.createElement('a');
    explain.setAttribute(ATTR_EXPLAIN, '');
    explain.append(Object.assign(document.createElement('span'), { textContent: 'Your data' }));
    card.append(why, explain);
    const seen: Signal[] = [];
    stop = trackClicks((s) => seen.push(s));
    why.click();
    (explain.firstChild as HTMLElement).click();
    expect(seen).toEqual([]);
    (document.querySelector('button') as HTMLElement).click(); // the card itself is still browsing
    expect(seen).toHaveLength(1);
  });

  it('stops recording after the stop function runs', () => {
    page();
    const seen: Signal[] = [];
    trackClicks((s) => seen.push(s))();
    (document.querySelector('button') as HTMLElement).click();
    expect(seen).toHaveLength(0);
  });
});
