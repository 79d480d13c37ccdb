import type { Tab } from '../drivers/types';
import { waitFor } from './waitFor';

/** The element `locate` last found shown and still, for the driver's element click. Runs in the page. */
function located(): Element | null {
  return (window as unknown as { __located?: Element }).__located ?? null;
}

/**
 * Finds the `nth` element matching `selector` (in the document and in open shadow roots), or the
 * `nth` button whose accessible label (aria-label, else text) is `name` when `selector` is
 * `{ button: name }`; waits until it is shown, still and enabled, scrolls it into view when it is
 * not, and keeps it for `located` (returns true) once it is. Runs in the page.
 */
function locate({ selector, button, nth }: { selector?: string; button?: string; nth: number }): boolean {
  const all: Element[] = [];
  const walk = (root: Document | ShadowRoot) => {
    all.push(...root.querySelectorAll(selector ?? 'button'));
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
  };
  walk(document);
  const label = (el: Element) => (el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
  const el = (button === undefined ? all : all.filter((b) => label(b) === button))[nth] as HTMLElement | undefined;
  if (!el || (el as HTMLButtonElement).disabled || el.getClientRects().length === 0) return false;
  const w = window as unknown as { __lastBox?: string; __sameLooks?: number; __clickedIt?: boolean; __located?: Element };
  // Not while it, or a box around it, is still moving in (the panel's opening animation).
  const root = el.getRootNode() as Document | ShadowRoot;
  if ([...root.getAnimations(), ...document.getAnimations()].some((a) => a.playState === 'running' && ((a.effect as KeyframeEffect | null)?.target?.contains(el) ?? false))) return false;
  // Scrolled into the middle only when the point to click is not on it already (out of the
  // viewport, or clipped by a scrolling box such as the panel's body), as Playwright does.
  const seen = el.getBoundingClientRect();
  const [cx, cy] = [seen.x + seen.width / 2, seen.y + seen.height / 2];
  const hit = cx >= 0 && cy >= 0 && cx < innerWidth && cy < innerHeight ? (el.getRootNode() as Document | ShadowRoot).elementFromPoint(cx, cy) : null;
  if (!hit || !el.contains(hit)) {
    el.scrollIntoView({ block: 'center', inline: 'center' });
    return false;
  }
  const box = el.getBoundingClientRect();
  const key = `${box.x},${box.y},${box.width},${box.height}`;
  // Still: the same box at three looks in a row.
  const same = w.__lastBox === key ? (w.__sameLooks ?? 0) + 1 : 0;
  w.__lastBox = key;
  w.__sameLooks = same;
  if (same < 2) return false;
  w.__lastBox = undefined;
  w.__located = el;
  // Tells `clickTarget` whether the click that follows reached it.
  w.__clickedIt = false;
  el.addEventListener('click', () => (w.__clickedIt = true), { once: true, capture: true });
  return true;
}

/**
 * Waits until `locate` finds the target shown and still, then clicks it through the driver's own
 * element click, once a frame has been drawn since, and checks
 * that the click reached it: a click that landed elsewhere fails the test rather than being
 * repeated (it may have counted somewhere). A click that navigated away counts as landed.
 */
async function clickTarget(tab: Tab, target: { selector?: string; button?: string; nth: number }, what: string): Promise<void> {
  await waitFor(tab, locate, target, { what });
  await tab.evaluate(() => new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn))));
  await tab.clickElement(located, target);
  const landed = await tab.evaluate(() => (window as unknown as { __clickedIt?: boolean }).__clickedIt !== false).catch(() => true);
  if (!landed) throw new Error(`The click on ${what} landed elsewhere`);
}

/** Clicks, with real pointer input, the `nth` element matching `selector` (shadow roots included). */
export function click(tab: Tab, selector: string, nth = 0): Promise<void> {
  return clickTarget(tab, { selector, nth }, `${selector} #${nth}`);
}

/** Clicks, with real pointer input, the button labelled `name` (shadow roots included). */
export function clickButton(tab: Tab, name: string, nth = 0): Promise<void> {
  return clickTarget(tab, { button: name, nth }, `the button "${name}"`);
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
