import { afterEach, describe, expect, it } from 'vitest';
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

  it('stops recording after the stop function runs', () => {
    page();
    const seen: Signal[] = [];
    trackClicks((s) => seen.push(s))();
    (document.querySelector('button') as HTMLElement).click();
    expect(seen).toHaveLength(0);
  });
});
