import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { serve } from '../../examples/serve.mjs';
import type { Tab } from './drivers/types';
import { click } from './support/click';
import { errorCodes, runningWorkers, visibleVariants } from './support/readPage';
import { useEngine } from './support/useEngine';
import { waitFor } from './support/waitFor';

const STRICT = "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self'; img-src 'self' data:";
const marketplaceHtml = readFileSync(new URL('../../examples/marketplace/index.html', import.meta.url), 'utf8');

let cdn: { url: string; close(): Promise<void> } | undefined;
afterAll(() => cdn?.close());

const t = useEngine(async () => {
  // A CDN answers cross-origin module requests with CORS headers.
  cdn = await serve({ headers: () => ({ 'Access-Control-Allow-Origin': '*' }) });
  const cdnUrl = cdn.url;
  // The marketplace page with the script tag loaded from another origin, as from a CDN.
  const fromCdn = { type: 'text/html', body: marketplaceHtml.replace('src="/dist/inkling.js"', `src="${cdnUrl}/dist/inkling.js"`) };
  // The ESM example with the build imported from the CDN: its worker file is cross-origin too.
  const esmHtml = readFileSync(new URL('../../examples/esm/index.html', import.meta.url), 'utf8').replace('src="main.js"', 'src="cdn-main.js"');
  const esmMain = readFileSync(new URL('../../examples/esm/main.js', import.meta.url), 'utf8').replace("'/dist/inkling.mjs'", `'${cdnUrl}/dist/inkling.mjs'`);
  const headers = (url: URL): Record<string, string> => {
    const csp = url.searchParams.get('csp');
    if (csp === 'strict') return { 'Content-Security-Policy': STRICT };
    if (csp === 'cdn') return { 'Content-Security-Policy': `script-src 'self' ${cdnUrl}; worker-src 'self'` };
    if (csp === 'cdn-blob') return { 'Content-Security-Policy': `script-src 'self' ${cdnUrl}; worker-src 'self' blob:` };
    if (csp === 'trusted-types') return { 'Content-Security-Policy': "require-trusted-types-for 'script'" };
    // Only the SDK's own file and the harness: the panel module (same origin, another path) is refused.
    if (csp === 'no-panel') return { 'Content-Security-Policy': `script-src ${url.origin}/dist/inkling.js ${url.origin}/__harness/` };
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
  return { headers, routes };
});

/** Opens a page with the `events` and `workers` page scripts, once `window.inkling` exists (the ESM example sets it late). */
async function open(path: string, scripts = 'events,workers'): Promise<Tab> {
  const { tab } = await t.visitor();
  await tab.goto(`${t.server.url}${path}${path.includes('?') ? '&' : '?'}harness=${scripts}`);
  await waitFor(tab, () => !!(window as { inkling?: unknown }).inkling && !Array.isArray(window.inkling));
  await tab.evaluate(() => window.inkling!.ready);
  return tab;
}

async function clickUntil(tab: Tab, selector: string, segment: string): Promise<void> {
  for (let i = 0; i < 5; i++) await click(tab, selector, i % 2);
  await waitFor(tab, (s) => getComputedStyle(document.querySelector(`[data-inkling-slot="hero"] [data-inkling-variant="${s}"]`)!).display !== 'none', segment);
}

const pathnames = async (tab: Tab) => (await runningWorkers(tab)).map((url) => (url.startsWith('blob:') ? 'blob:' : new URL(url).pathname));
const violations = (tab: Tab) => tab.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
const noProblems = { pageErrors: [], consoleErrors: [], warnings: [] };

describe('strict and cross-origin pages', () => {
  it("ESM build under script-src/worker-src/style-src 'self': worker mode, personalised, no violation", async () => {
    const tab = await open('/esm/?csp=strict', 'workers');
    expect(await pathnames(tab)).toEqual(['/dist/inkling-worker.js']);
    await clickUntil(tab, '[data-inkling-topic="bikes"] button', 'cyclist');
    expect(await tab.evaluate(() => document.getElementById('segment')!.textContent)).toMatch(/^Cyclist/);
    expect(await violations(tab)).toEqual([]);
    expect(await tab.problems()).toEqual(noProblems);
  });

  it('script-tag build from another origin: the worker starts through a Blob trampoline', async () => {
    const tab = await open('/marketplace/cdn.html');
    expect(await pathnames(tab)).toEqual(['blob:']);
    await clickUntil(tab, '.card[data-inkling-topic="running"] [data-inkling-action="save"]', 'runner');
    expect(await visibleVariants(tab, 'hero')).toEqual(['runner']);
    expect(await errorCodes(tab)).toEqual([]);
    expect(await tab.problems()).toEqual(noProblems);
  });

  it("script-tag build from another origin under worker-src 'self': falls back in-thread and still personalises", async () => {
    const tab = await open('/marketplace/cdn.html?csp=cdn');
    expect(await runningWorkers(tab)).toHaveLength(0);
    expect(await errorCodes(tab)).toEqual(['worker-unavailable']);
    await clickUntil(tab, '.card[data-inkling-topic="climbing"] [data-inkling-action="save"]', 'climber');
    const problems = await tab.problems();
    expect(problems.warnings).toEqual([expect.stringContaining('runs its engine on the main thread')]);
    expect(problems.pageErrors).toEqual([]);
  });

  it("script-tag build under require-trusted-types-for 'script': worker mode through the inkling policy", async () => {
    const tab = await open('/marketplace/?csp=trusted-types');
    expect(await runningWorkers(tab)).toHaveLength(1);
    await clickUntil(tab, '.card[data-inkling-topic="camp-kitchen"] [data-inkling-action="save"]', 'camp-cook');
    expect(await violations(tab)).toEqual([]);
    expect(await tab.problems()).toEqual(noProblems);
  });

  it('ESM build from another origin: its worker file starts through a Blob trampoline where worker-src allows blob:', async () => {
    const tab = await open('/esm/cdn.html?csp=cdn-blob', 'workers');
    expect(await pathnames(tab)).toEqual(['blob:']);
    await clickUntil(tab, '[data-inkling-topic="tents"] button', 'camper');
    expect(await tab.problems()).toEqual(noProblems);
  });

  it("ESM build from another origin under worker-src 'self': runs in-thread (lazy chunk from the CDN) and still personalises", async () => {
    const tab = await open('/esm/cdn.html?csp=cdn', 'workers');
    expect(await runningWorkers(tab)).toHaveLength(0);
    await clickUntil(tab, '[data-inkling-topic="bikes"] button', 'cyclist');
    const problems = await tab.problems();
    expect(problems.warnings).toEqual([expect.stringContaining('runs its engine on the main thread')]);
    expect(problems.pageErrors).toEqual([]);
  });

  it('a page whose CSP refuses the panel module: explain(), export() and openPanel() fail with one panel-unavailable error', async () => {
    const tab = await open('/marketplace/?csp=no-panel');
    expect(await runningWorkers(tab)).toHaveLength(1);
    await clickUntil(tab, '.card[data-inkling-topic="bikes"] [data-inkling-action="save"]', 'cyclist');
    const outcome = await tab.evaluate(async () => {
      const settle = (p: Promise<unknown>) => p.then(() => 'resolved', (e: unknown) => `rejected: ${String(e)}`);
      return [await settle(window.inkling!.explain()), await settle(window.inkling!.export()), await settle(window.inkling!.openPanel())];
    });
    expect(outcome[0]).toMatch(/^rejected/);
    expect(outcome[1]).toMatch(/^rejected/);
    expect(outcome[2]).toBe('resolved'); // openPanel() never rejects: the error event says it all
    expect(await errorCodes(tab)).toEqual(['panel-unavailable']);
    expect((await tab.problems()).warnings.filter((w) => w.includes('could not load its panel'))).toHaveLength(1);
    expect(await violations(tab)).not.toEqual([]);
  });

  it('a browser without Worker: the engine runs in-thread and still personalises', async () => {
    const tab = await open('/marketplace/', 'events,no-worker');
    expect(await tab.evaluate(() => typeof Worker)).toBe('undefined');
    expect(await errorCodes(tab)).toEqual(['worker-unavailable']);
    await clickUntil(tab, '.card[data-inkling-topic="running"] [data-inkling-action="save"]', 'runner');
    const problems = await tab.problems();
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  });

  it("script-tag build under script-src/worker-src/style-src 'self': worker mode, personalised, no violation", async () => {
    const tab = await open('/marketplace/?csp=strict');
    expect(await runningWorkers(tab)).toHaveLength(1);
    await clickUntil(tab, '.card[data-inkling-topic="bikes"] [data-inkling-action="save"]', 'cyclist');
    expect(await violations(tab)).toEqual([]);
    expect(await tab.problems()).toEqual(noProblems);
  });

  it('without constructable stylesheets, the SDK injects its rule with the page nonce and hidden variants stay hidden', async () => {
    // `no-replace-sync`: an engine without constructable stylesheets (Safari before 16.4).
    const tab = await open('/marketplace/nonce.html?csp=nonce', 'no-replace-sync');
    const visible = await tab.evaluate(() =>
      [...document.querySelectorAll('#hero > [data-inkling-variant]')].filter((v) => getComputedStyle(v).display !== 'none').map((v) => v.getAttribute('data-inkling-variant')),
    );
    expect(visible).toEqual(['default']);
    // Browsers hide the nonce content attribute after parsing; the IDL property keeps it.
    expect(await tab.evaluate(() => [...document.querySelectorAll('style')].map((s) => s.nonce))).toEqual(['n0nce', 'n0nce']);
    expect(await violations(tab)).toEqual([]);
    expect((await tab.problems()).consoleErrors).toEqual([]);
  });
});
