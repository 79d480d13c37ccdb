import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { serve } from '../../examples/serve.mjs';
import { launch, watchProblems, type PageProblems } from './support/launch';

// The examples must work under a strict CSP: no inline script, style or event handler.
const STRICT = "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self'; img-src 'self' data:";

let browser: Browser;
let server: { url: string; close(): Promise<void> };

beforeAll(async () => {
  [browser, server] = await Promise.all([launch(), serve({ headers: () => ({ 'Content-Security-Policy': STRICT }) })]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens an example in a fresh context (no stored profile or cached decision) and waits for the first decision. */
async function open(path: string): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${server.url}${path}`);
  await page.waitForFunction(() => window.inkling && !Array.isArray(window.inkling));
  await page.evaluate(() => window.inkling!.ready);
  return { context, page, problems };
}

/** Five clicks on five different tents make the visitor a camper. */
async function clickFiveTents(page: Page): Promise<void> {
  for (let i = 0; i < 5; i++) await page.locator('[data-inkling-topic="tents"]').nth(i).click();
}

/** The pages omit data-key (the demo key changes when it is re-signed): the one warning that causes. */
function expectOnlyTheNoKeyWarning(problems: PageProblems): void {
  expect(problems).toEqual({ pageErrors: [], consoleErrors: [], warnings: [expect.stringMatching(/no public key is configured/)] });
}

describe('examples', () => {
  it('css-theming: the banner text and accent colour change by CSS alone', async () => {
    const { context, page, problems } = await open('/css-theming/');
    const banner = () =>
      page.evaluate(() => {
        const el = document.querySelector('.banner')!;
        return { text: getComputedStyle(el, '::after').content, background: getComputedStyle(el).backgroundColor };
      });
    expect(await banner()).toEqual({ text: '"Gear up for every trail"', background: 'rgb(31, 95, 63)' });
    await clickFiveTents(page);
    await expect.poll(banner).toEqual({ text: '"Sleep under the stars"', background: 'rgb(27, 58, 107)' });
    expect(await page.evaluate(() => document.documentElement.dataset.inklingSegment)).toBe('camper');
    expectOnlyTheNoKeyWarning(problems);
    await context.close();
  });

  it('theme-script: the queued segmentchange listener renames the heading and puts tents first', async () => {
    const { context, page, problems } = await open('/theme-script/');
    const state = () =>
      page.evaluate(() => ({
        heading: document.getElementById('recommended-heading')!.textContent,
        first: document.querySelector('#products > li')!.getAttribute('data-inkling-topic'),
      }));
    expect(await state()).toEqual({ heading: 'Popular right now', first: 'bikes' });
    await clickFiveTents(page);
    await expect.poll(state).toEqual({ heading: 'Recommended for you: Weekend camper', first: 'tents' });
    // All five tents lead, the rest keep the page's order; no card is lost or duplicated.
    const topics = await page.locator('#products > li').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-inkling-topic')));
    expect(topics).toEqual(['tents', 'tents', 'tents', 'tents', 'tents', 'bikes', 'running', 'camp-kitchen', 'bikes', 'climbing', 'running', 'bikes']);
    expect(await page.locator('#recommended-why').textContent()).toBe('Because of your clicks on tents.');
    expectOnlyTheNoKeyWarning(problems);
    await context.close();
  });

  it('react: useSyncExternalStore re-renders the headline when the segment changes', async () => {
    const { context, page, problems } = await open('/react/');
    const headline = page.locator('.headline h1');
    await expect.poll(() => headline.textContent()).toBe('Gear up for every trail');
    await clickFiveTents(page);
    await expect.poll(() => headline.textContent()).toBe('Sleep under the stars');
    expect(await page.locator('.headline output').textContent()).toBe('camper');
    expectOnlyTheNoKeyWarning(problems);
    await context.close();
  });

  it('a returning visitor gets the personalised page at once on every example', async () => {
    const { context, page } = await open('/theme-script/');
    await clickFiveTents(page);
    await page.waitForFunction(() => window.inkling!.segment()?.segment === 'camper');
    for (const path of ['/css-theming/', '/theme-script/', '/react/']) {
      await page.goto(`${server.url}${path}`);
      await page.evaluate(() => window.inkling!.ready);
      expect(await page.evaluate(() => document.documentElement.dataset.inklingSegment)).toBe('camper');
    }
    // The theme script hears no segmentchange on a returning visit (same segment): `ready` brings it.
    await page.goto(`${server.url}/theme-script/`);
    await expect.poll(() => page.locator('#recommended-heading').textContent()).toBe('Recommended for you: Weekend camper');
    await page.goto(`${server.url}/react/`);
    await expect.poll(() => page.locator('.headline h1').textContent()).toBe('Sleep under the stars');
    await context.close();
  });

  it('serves /react/main.js as one module bundled with React', async () => {
    const response = await fetch(`${server.url}/react/main.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    const body = await response.text();
    expect(body).not.toMatch(/^\s*import\s/m); // one self-contained file: no bare `react` import left for the browser
    expect(body).toContain('useSyncExternalStore');
  });
});
