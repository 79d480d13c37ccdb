import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { serve } from '../../examples/serve.mjs';
import { launch, storedBuckets, storedCounts } from './support/launch';

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

  it('records views, scroll depth, dwell, element dwell and context from real input on the demo', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/marketplace/`);
    await page.evaluate(() => window.inkling!.ready);
    await page.mouse.move(640, 400);
    for (let i = 0; i < 6; i++) {
      await page.mouse.wheel(0, 600);
      await page.waitForTimeout(150);
    }
    await page.waitForTimeout(2500); // cards stay in view for a while (the trackers look once scrolling has stood still for 0.5 s)
    const scrolled = await page.evaluate(() => (scrollY + innerHeight) / document.documentElement.scrollHeight);
    await page.evaluate(() => dispatchEvent(new PageTransitionEvent('pagehide')));
    await expect.poll(async () => (await storedBuckets(page)).some((b) => b.signal === 'dwell'), { timeout: 5000 }).toBe(true);

    const buckets = await storedBuckets(page);
    const of = (signal: string) => buckets.filter((b) => b.signal === signal);
    expect(of('view').reduce((n, b) => n + b.count, 0)).toBe(1);
    // The page topic is on <body>, which did not exist yet when the script in <head> started.
    expect(of('view')[0]?.topic).toBe('outdoor');
    expect(of('dwell')[0]?.topic).toBe('outdoor');
    expect(of('scroll')[0]?.max).toBeCloseTo(scrolled, 1);
    expect(of('dwell')[0]?.sum).toBeGreaterThan(1);
    const seen = new Set(of('element-dwell').map((b) => b.topic));
    expect(seen.has('tents')).toBe(true);
    expect(of('element-dwell').every((b) => b.sum > 0)).toBe(true);
    expect(of('context').map((b) => `${b.topic}:${b.action}`).sort()).toEqual(
      ['device:desktop', `hour:${await page.evaluate(() => new Date().getHours())}`, 'referrer:direct'].sort(),
    );
    // Only classes are stored: no URL, no path, no query string anywhere in the profile.
    expect(JSON.stringify(buckets)).not.toMatch(/https?:|127\.0\.0\.1|marketplace/);
    await context.close();
  });

  it('honours Global Privacy Control: nothing stored, no manifest request, default content', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }));
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${server.url}/marketplace/`);
    expect(await page.evaluate(() => window.inkling!.ready)).toBeNull();
    for (let i = 0; i < 6; i++) await page.locator(card('tents')).nth(i).click();
    await page.evaluate(() => dispatchEvent(new PageTransitionEvent('pagehide')));
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => indexedDB.databases())).toEqual([]);
    expect(await page.evaluate(() => ({ ...localStorage }))).toEqual({});
    expect(requests).not.toContain('/marketplace/manifest.json');
    expect(page.workers()).toHaveLength(0);
    expect(await page.locator('[data-inkling-variant="default"]').isVisible()).toBe(true);
    await context.close();
  });
});
