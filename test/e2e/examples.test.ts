import { describe, expect, it } from 'vitest';
import type { PageProblems, Tab } from './drivers/types';
import { click } from './support/click';
import { useEngine } from './support/useEngine';
import { waitFor } from './support/waitFor';

// The examples must work under a strict CSP: no inline script, style or event handler.
const STRICT = "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self'; img-src 'self' data:";

const t = useEngine(() => ({ headers: () => ({ 'Content-Security-Policy': STRICT }) }));

/** Shows an example in the tab and waits for the first decision (the examples set window.inkling late). */
async function show(tab: Tab, path: string): Promise<void> {
  await tab.goto(`${t.server.url}${path}`);
  await waitFor(tab, () => !!window.inkling && !Array.isArray(window.inkling));
  await tab.evaluate(() => window.inkling!.ready);
}

/** Opens an example for a fresh visitor (no stored profile or cached decision). */
async function open(path: string): Promise<Tab> {
  const { tab } = await t.visitor();
  await show(tab, path);
  return tab;
}

/** Five clicks on five different tents make the visitor a camper. */
async function clickFiveTents(tab: Tab): Promise<void> {
  for (let i = 0; i < 5; i++) await click(tab, '[data-inkling-topic="tents"]', i);
}

const text = (tab: Tab, selector: string) => tab.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);

/** The pages omit data-key (the demo key changes when it is re-signed): the one warning that causes. */
function expectOnlyTheNoKeyWarning(problems: PageProblems): void {
  expect(problems).toEqual({ pageErrors: [], consoleErrors: [], warnings: [expect.stringMatching(/no public key is configured/)] });
}

describe('examples', () => {
  it('css-theming: the banner text and accent colour change by CSS alone', async () => {
    const tab = await open('/css-theming/');
    const banner = () =>
      tab.evaluate(() => {
        const el = document.querySelector('.banner')!;
        return { text: getComputedStyle(el, '::after').content, background: getComputedStyle(el).backgroundColor };
      });
    expect(await banner()).toEqual({ text: '"Gear up for every trail"', background: 'rgb(31, 95, 63)' });
    await clickFiveTents(tab);
    await expect.poll(banner).toEqual({ text: '"Sleep under the stars"', background: 'rgb(27, 58, 107)' });
    expect(await tab.evaluate(() => document.documentElement.dataset.inklingSegment)).toBe('camper');
    expectOnlyTheNoKeyWarning(await tab.problems());
  });

  it('theme-script: the queued segmentchange listener renames the heading and puts tents first', async () => {
    const tab = await open('/theme-script/');
    const state = () =>
      tab.evaluate(() => ({
        heading: document.getElementById('recommended-heading')!.textContent,
        first: document.querySelector('#products > li')!.getAttribute('data-inkling-topic'),
      }));
    expect(await state()).toEqual({ heading: 'Popular right now', first: 'bikes' });
    await clickFiveTents(tab);
    await expect.poll(state).toEqual({ heading: 'Recommended for you: Weekend camper', first: 'tents' });
    // All five tents lead, the rest keep the page's order; no card is lost or duplicated.
    const topics = await tab.evaluate(() => [...document.querySelectorAll('#products > li')].map((c) => c.getAttribute('data-inkling-topic')));
    expect(topics).toEqual(['tents', 'tents', 'tents', 'tents', 'tents', 'bikes', 'running', 'camp-kitchen', 'bikes', 'climbing', 'running', 'bikes']);
    expect(await text(tab, '#recommended-why')).toBe('Because of your clicks on tents.');
    expectOnlyTheNoKeyWarning(await tab.problems());
  });

  it('react: useSyncExternalStore re-renders the headline when the segment changes', async () => {
    const tab = await open('/react/');
    await expect.poll(() => text(tab, '.headline h1')).toBe('Gear up for every trail');
    await clickFiveTents(tab);
    await expect.poll(() => text(tab, '.headline h1')).toBe('Sleep under the stars');
    expect(await text(tab, '.headline output')).toBe('camper');
    expectOnlyTheNoKeyWarning(await tab.problems());
  });

  it('a returning visitor gets the personalised page at once on every example', async () => {
    const tab = await open('/theme-script/');
    await clickFiveTents(tab);
    await waitFor(tab, () => window.inkling!.segment()?.segment === 'camper');
    for (const path of ['/css-theming/', '/theme-script/', '/react/']) {
      await show(tab, path);
      expect(await tab.evaluate(() => document.documentElement.dataset.inklingSegment)).toBe('camper');
    }
    // The theme script hears no segmentchange on a returning visit (same segment): `ready` brings it.
    await tab.goto(`${t.server.url}/theme-script/`);
    await expect.poll(() => text(tab, '#recommended-heading')).toBe('Recommended for you: Weekend camper');
    await tab.goto(`${t.server.url}/react/`);
    await expect.poll(() => text(tab, '.headline h1')).toBe('Sleep under the stars');
  });
});
