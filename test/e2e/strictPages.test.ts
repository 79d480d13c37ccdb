import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { serve } from '../../examples/serve.mjs';
import { events, launch, recordEvents, visibleVariants, watchProblems } from './support/launch';

const STRICT = "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self'; img-src 'self' data:";
const marketplaceHtml = readFileSync(new URL('../../examples/marketplace/index.html', import.meta.url), 'utf8');

let browser: Browser;
let site: { url: string; close(): Promise<void> };
let cdn: { url: string; close(): Promise<void> };

beforeAll(async () => {
  // A CDN answers cross-origin module requests with CORS headers.
  cdn = await serve({ headers: () => ({ 'Access-Control-Allow-Origin': '*' }) });
  // The marketplace page with the script tag loaded from another origin, as from a CDN.
  const fromCdn = () => ({ type: 'text/html', body: marketplaceHtml.replace('src="/dist/inkling.js"', `src="${cdn.url}/dist/inkling.js"`) });
  // The ESM example with the build imported from the CDN: its worker file is cross-origin too.
  const esmHtml = readFileSync(new URL('../../examples/esm/index.html', import.meta.url), 'utf8').replace('src="main.js"', 'src="cdn-main.js"');
  const esmMain = readFileSync(new URL('../../examples/esm/main.js', import.meta.url), 'utf8').replace("'/dist/inkling.mjs'", `'${cdn.url}/dist/inkling.mjs'`);
  const headers = (url: URL): Record<string, string> => {
    const csp = url.searchParams.get('csp');
    if (csp === 'strict') return { 'Content-Security-Policy': STRICT };
    if (csp === 'cdn') return { 'Content-Security-Policy': `script-src 'self' ${cdn.url}; worker-src 'self'` };
    if (csp === 'cdn-blob') return { 'Content-Security-Policy': `script-src 'self' ${cdn.url}; worker-src 'self' blob:` };
    if (csp === 'trusted-types') return { 'Content-Security-Policy': "require-trusted-types-for 'script'" };
    if (csp === 'nonce') return { 'Content-Security-Policy': "script-src 'self'; worker-src 'self'; style-src 'self' 'nonce-n0nce'" };
    return {};
  };
  // Author CSS that would show hidden variants, with the page's nonce; the SDK's script tag carries it too.
  const withNonce = marketplaceHtml
    .replace('<script src="/dist/inkling.js"', '<script nonce="n0nce" src="/dist/inkling.js"')
    .replace('<link rel="stylesheet" href="styles.css">', '<style nonce="n0nce">.hero-variant { display: flex }</style>');
  const routes = {
    '/marketplace/nonce.html': { type: 'text/html', body: withNonce },
    '/marketplace/cdn.html': fromCdn,
    '/esm/cdn.html': { type: 'text/html', body: esmHtml },
    '/esm/cdn-main.js': { type: 'text/javascript', body: esmMain },
  };
  [browser, site] = await Promise.all([launch(), serve({ headers, routes })]);
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([site?.close(), cdn?.close()]);
});

async function clickUntil(page: Page, selector: string, segment: string): Promise<void> {
  for (let i = 0; i < 5; i++) await page.locator(selector).nth(i % 2).click();
  await page.locator(`[data-inkling-slot="hero"] [data-inkling-variant="${segment}"]`).waitFor({ state: 'visible', timeout: 5000 });
}

describe('strict and cross-origin pages', () => {
  it("ESM build under script-src/worker-src/style-src 'self': worker mode, personalised, no violation", async () => {
    const page = await browser.newPage();
    const problems = watchProblems(page);
    await page.goto(`${site.url}/esm/?csp=strict`);
    await page.waitForFunction(() => (window as { inkling?: unknown }).inkling);
    await page.evaluate(() => window.inkling!.ready);
    expect(page.workers().map((w) => new URL(w.url()).pathname)).toEqual(['/dist/inkling-worker.js']);
    await clickUntil(page, '[data-inkling-topic="bikes"] button', 'cyclist');
    expect(await page.locator('#segment').textContent()).toMatch(/^Cyclist/);
    expect(problems).toEqual({ pageErrors: [], consoleErrors: [], warnings: [] });
    await page.close();
  });

  it('script-tag build from another origin: the worker starts through a Blob trampoline', async () => {
    const page = await browser.newPage();
    const problems = watchProblems(page);
    await recordEvents(page);
    await page.goto(`${site.url}/marketplace/cdn.html`);
    await page.evaluate(() => window.inkling!.ready);
    expect(page.workers()).toHaveLength(1);
    await clickUntil(page, '.card[data-inkling-topic="running"] [data-inkling-action="save"]', 'runner');
    expect(await visibleVariants(page, 'hero')).toEqual(['runner']);
    expect((await events(page)).filter((e) => e.type === 'error')).toEqual([]);
    expect(problems).toEqual({ pageErrors: [], consoleErrors: [], warnings: [] });
    await page.close();
  });

  it("script-tag build from another origin under worker-src 'self': falls back in-thread and still personalises", async () => {
    const page = await browser.newPage();
    const problems = watchProblems(page);
    await recordEvents(page);
    await page.goto(`${site.url}/marketplace/cdn.html?csp=cdn`);
    await page.evaluate(() => window.inkling!.ready);
    expect(page.workers()).toHaveLength(0);
    const errors = (await events(page)).filter((e) => e.type === 'error');
    expect(errors.map((e) => e.detail.code)).toEqual(['worker-unavailable']);
    expect(problems.warnings).toHaveLength(1);
    await clickUntil(page, '.card[data-inkling-topic="climbing"] [data-inkling-action="save"]', 'climber');
    expect(problems.pageErrors).toEqual([]);
    await page.close();
  });

  it("script-tag build under require-trusted-types-for 'script': worker mode through the inkling policy", async () => {
    const page = await browser.newPage();
    const problems = watchProblems(page);
    await page.goto(`${site.url}/marketplace/?csp=trusted-types`);
    await page.evaluate(() => window.inkling!.ready);
    expect(page.workers()).toHaveLength(1);
    await clickUntil(page, '.card[data-inkling-topic="camp-kitchen"] [data-inkling-action="save"]', 'camp-cook');
    expect(problems).toEqual({ pageErrors: [], consoleErrors: [], warnings: [] });
    await page.close();
  });

  it('ESM build from another origin: its worker file starts through a Blob trampoline where worker-src allows blob:', async () => {
    const page = await browser.newPage();
    const problems = watchProblems(page);
    await page.goto(`${site.url}/esm/cdn.html?csp=cdn-blob`);
    await page.waitForFunction(() => (window as { inkling?: unknown }).inkling);
    await page.evaluate(() => window.inkling!.ready);
    expect(page.workers()).toHaveLength(1);
    await clickUntil(page, '[data-inkling-topic="tents"] button', 'camper');
    expect(problems).toEqual({ pageErrors: [], consoleErrors: [], warnings: [] });
    await page.close();
  });

  it("ESM build from another origin under worker-src 'self': runs in-thread (lazy chunk from the CDN) and still personalises", async () => {
    const page = await browser.newPage();
    const problems = watchProblems(page);
    await page.goto(`${site.url}/esm/cdn.html?csp=cdn`);
    await page.waitForFunction(() => (window as { inkling?: unknown }).inkling);
    await page.evaluate(() => window.inkling!.ready);
    expect(page.workers()).toHaveLength(0);
    await clickUntil(page, '[data-inkling-topic="bikes"] button', 'cyclist');
    expect(problems.warnings).toEqual([expect.stringContaining('runs its engine on the main thread')]);
    expect(problems.pageErrors).toEqual([]);
    await page.close();
  });

  it('a browser without Worker: the engine runs in-thread and still personalises', async () => {
    const page = await browser.newPage();
    const problems = watchProblems(page);
    await recordEvents(page);
    await page.addInitScript(() => delete (window as { Worker?: unknown }).Worker);
    await page.goto(`${site.url}/marketplace/`);
    await page.evaluate(() => window.inkling!.ready);
    expect(page.workers()).toHaveLength(0);
    expect((await events(page)).filter((e) => e.type === 'error').map((e) => e.detail.code)).toEqual(['worker-unavailable']);
    await clickUntil(page, '.card[data-inkling-topic="running"] [data-inkling-action="save"]', 'runner');
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    await page.close();
  });

  it("script-tag build under script-src/worker-src/style-src 'self': worker mode, personalised, no violation", async () => {
    const page = await browser.newPage();
    const problems = watchProblems(page);
    await page.goto(`${site.url}/marketplace/?csp=strict`);
    await page.evaluate(() => window.inkling!.ready);
    expect(page.workers()).toHaveLength(1);
    await clickUntil(page, '.card[data-inkling-topic="bikes"] [data-inkling-action="save"]', 'cyclist');
    expect(problems).toEqual({ pageErrors: [], consoleErrors: [], warnings: [] });
    await page.close();
  });

  it('without constructable stylesheets, the SDK injects its rule with the page nonce and hidden variants stay hidden', async () => {
    const page = await browser.newPage();
    const problems = watchProblems(page);
    await page.addInitScript(() => {
      // An engine without constructable stylesheets (Safari before 16.4).
      CSSStyleSheet.prototype.replaceSync = () => {
        throw new TypeError('not supported');
      };
    });
    await page.goto(`${site.url}/marketplace/nonce.html?csp=nonce`);
    await page.evaluate(() => window.inkling!.ready);
    const visible = await page.evaluate(() =>
      [...document.querySelectorAll('#hero > [data-inkling-variant]')].filter((v) => getComputedStyle(v).display !== 'none').map((v) => v.getAttribute('data-inkling-variant')),
    );
    expect(visible).toEqual(['default']);
    // Browsers hide the nonce content attribute after parsing; the IDL property keeps it.
    expect(await page.evaluate(() => [...document.querySelectorAll('style')].map((s) => s.nonce))).toEqual(['n0nce', 'n0nce']);
    expect(problems.consoleErrors).toEqual([]);
    await page.close();
  });
});
