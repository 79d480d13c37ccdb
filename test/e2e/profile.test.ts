import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { serve } from '../../examples/serve.mjs';
import { launch, storedCounts } from './support/launch';

let browser: Browser;
let server: { url: string; close(): Promise<void> };

beforeAll(async () => {
  [browser, server] = await Promise.all([launch(), serve()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const card = (topic: string) => `.card[data-inkling-topic="${topic}"] [data-inkling-action="save"]`;

describe('the profile across tabs and closed pages', () => {
  it('a tab closed right after a click loses nothing', async () => {
    const context = await browser.newContext();
    const first = await context.newPage();
    await first.goto(`${server.url}/marketplace/`);
    await first.evaluate(() => window.inkling!.ready);
    await first.locator(card('bikes')).first().click();
    await first.locator(card('bikes')).nth(1).click();
    await first.close({ runBeforeUnload: true });

    const next = await context.newPage();
    await next.goto(`${server.url}/marketplace/`);
    await next.evaluate(() => window.inkling!.ready);
    expect(await storedCounts(next)).toEqual({ bikes: 2 });
    expect(await next.evaluate(() => localStorage.getItem('inkling:outbox'))).toBeNull();
    await context.close();
  });

  it('two tabs clicking at the same time lose no counts', async () => {
    const context = await browser.newContext();
    const [a, b] = await Promise.all([context.newPage(), context.newPage()]);
    await Promise.all([a.goto(`${server.url}/marketplace/`), b.goto(`${server.url}/marketplace/`)]);
    await Promise.all([a.evaluate(() => window.inkling!.ready), b.evaluate(() => window.inkling!.ready)]);
    // Both tabs click in the same moment; a background tab throttles Playwright's real-input
    // clicks, so the clicks are dispatched from inside each page (the listener sees the same event).
    const clickAll = (page: typeof a, topic: string) =>
      page.evaluate(async (selector) => {
        const buttons = [...document.querySelectorAll<HTMLElement>(selector)].slice(0, 12);
        for (const button of buttons) {
          button.click();
          await new Promise((r) => setTimeout(r, 5));
        }
        dispatchEvent(new PageTransitionEvent('pagehide'));
      }, card(topic));
    await Promise.all([clickAll(a, 'tents'), clickAll(b, 'tents')]);
    await expect.poll(() => storedCounts(a), { timeout: 5000 }).toEqual({ tents: 24 });
    await context.close();
  });
});
