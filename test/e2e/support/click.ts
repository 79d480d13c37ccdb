import type { Tab } from '../drivers/types';
import { waitFor } from './waitFor';

/**
 * Finds the `nth` element matching `selector` (in the document and in open shadow roots), or the
 * `nth` button whose accessible label (aria-label, else text) is `name` when `selector` is
 * `{ button: name }`; waits until it is shown, still and enabled, scrolls it to the middle of the
 * viewport and returns the point to click. Runs in the page.
 */
function locate({ selector, button, nth }: { selector?: string; button?: string; nth: number }): [number, number] | null {
  const all: Element[] = [];
  const walk = (root: Document | ShadowRoot) => {
    all.push(...root.querySelectorAll(selector ?? 'button'));
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
  };
  walk(document);
  const label = (el: Element) => (el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
  const el = (button === undefined ? all : all.filter((b) => label(b) === button))[nth] as HTMLElement | undefined;
  if (!el || (el as HTMLButtonElement).disabled || el.getClientRects().length === 0) return null;
  const w = window as unknown as { __lastBox?: string };
  el.scrollIntoView({ block: 'center', inline: 'center' });
  const box = el.getBoundingClientRect();
  const key = `${box.x},${box.y},${box.width},${box.height}`;
  // Still: the same box as at the last look (animations, smooth scrolling and layout have settled).
  if (w.__lastBox !== key) {
    w.__lastBox = key;
    return null;
  }
  w.__lastBox = undefined;
  return [box.x + box.width / 2, box.y + box.height / 2];
}

/** Clicks, with real pointer input, the `nth` element matching `selector` (shadow roots included). */
export async function click(tab: Tab, selector: string, nth = 0): Promise<void> {
  const [x, y] = await waitFor(tab, locate, { selector, nth }, { what: `${selector} #${nth}` });
  await tab.clickAt(x, y);
}

/** Clicks, with real pointer input, the button labelled `name` (shadow roots included). */
export async function clickButton(tab: Tab, name: string, nth = 0): Promise<void> {
  const [x, y] = await waitFor(tab, locate, { button: name, nth }, { what: `the button "${name}"` });
  await tab.clickAt(x, y);
}

/** How many buttons labelled `name` (or whose label matches `name`) there are, shadow roots included. */
export function countButtons(tab: Tab, name: string | RegExp): Promise<number> {
  const pattern = typeof name === 'string' ? `^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$` : name.source;
  return tab.evaluate((source) => {
    const all: Element[] = [];
    const walk = (root: Document | ShadowRoot) => {
      all.push(...root.querySelectorAll('button'));
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
    };
    walk(document);
    return all.filter((b) => new RegExp(source).test((b.getAttribute('aria-label') ?? b.textContent ?? '').trim())).length;
  }, pattern);
}
