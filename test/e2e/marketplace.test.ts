import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { serve } from '../../examples/serve.mjs';
import { events, launch, recordEvents, storedCounts, visibleVariants, watchProblems } from './support/launch';

let browser: Browser;
let server: { url: string; close(): Promise<void> };

beforeAll(async () => {
  [browser, server] = await Promise.all([launch(), serve()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Clicks the "Add to cart" button of the first `n` cards of a topic. */
async function addToCart(page: Page, topic: string, n: number): Promise<void> {
  const buttons = page.locator(`.card[data-inkling-topic="${topic}"] [data-inkling-action="add-to-cart"]`);
  for (let i = 0; i < n; i++) await buttons.nth(i).click();
}

describe('script-tag build on the marketplace demo', () => {
  it('swaps the hero after five clicks in one topic, keeps the counts in IndexedDB, and logs no error', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await recordEvents(page);
    await page.goto(`${server.url}/marketplace/`);
    await page.evaluate(() => window.inkling!.ready);

    expect(page.workers()).toHaveLength(1); // the engine runs in a Web Worker, not on the page
    expect(await visibleVariants(page, 'hero')).toEqual(['default']);

    await addToCart(page, 'tents', 4);
    await page.waitForTimeout(1500); // longer than an idle flush: four clicks are not enough
    expect(await visibleVariants(page, 'hero')).toEqual(['default']);

    await addToCart(page, 'tents', 1);
    await page.locator('[data-inkling-variant="camper"]').waitFor({ state: 'visible', timeout: 5000 });
    expect(await visibleVariants(page, 'hero')).toEqual(['camper']);
    expect(await page.evaluate(() => window.inkling!.segment()?.segment)).toBe('camper');
    expect(await storedCounts(page)).toEqual({ tents: 5 });

    const changes = (await events(page)).filter((e) => e.type === 'segmentchange').map((e) => e.detail.segment);
    expect(changes).toEqual(['default', 'camper']);
    expect(problems).toEqual({ pageErrors: [], consoleErrors: [], warnings: [] });
    await context.close();
  });

  it('remembers the profile on the next page load', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/marketplace/`);
    await page.evaluate(() => window.inkling!.ready);
    await addToCart(page, 'bikes', 5);
    await page.locator('[data-inkling-variant="cyclist"]').waitFor({ state: 'visible', timeout: 5000 });

    await page.reload();
    const decision = await page.evaluate(() => window.inkling!.ready);
    expect(decision?.segment).toBe('cyclist');
    expect(await visibleVariants(page, 'hero')).toEqual(['cyclist']);
    await context.close();
  });

  it('keeps a card click made just before the page is hidden', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/marketplace/`);
    await page.evaluate(() => window.inkling!.ready);
    await addToCart(page, 'climbing', 1);
    // pagehide flushes at once instead of waiting for idle time
    await page.evaluate(() => dispatchEvent(new PageTransitionEvent('pagehide')));
    await expect.poll(() => storedCounts(page), { timeout: 3000 }).toEqual({ climbing: 1 });
    await context.close();
  });
});
