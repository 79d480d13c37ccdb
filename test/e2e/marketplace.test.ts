import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Tab } from './drivers/types';
import { click } from './support/click';
import { events, ready, runningWorkers, storedCounts, visibleVariants } from './support/readPage';
import { useEngine } from './support/useEngine';
import { waitFor } from './support/waitFor';

const marketplace = readFileSync(new URL('../../examples/marketplace/index.html', import.meta.url), 'utf8');
/** The demo with the script-tag build inlined into the page instead of loaded by its `src`. */
const inlined = () =>
  marketplace.replace(/<script src="\/dist\/inkling\.js"([^>]*)><\/script>/, (_, attrs: string) => `<script${attrs}>${readFileSync(new URL('../../dist/inkling.js', import.meta.url), 'utf8')}</script>`);

/** The demo with its script tag twice, as a tag manager that injects it again would leave it. */
const twice = marketplace.replace(/<script src="\/dist\/inkling\.js"[^>]*><\/script>/, (tag) => tag + tag);

/** The demo with its script tag as a module (`document.currentScript` is null there, as under script loaders that run it for the page). */
const asModule = marketplace.replace('<script src="/dist/inkling.js"', '<script type="module" src="/dist/inkling.js"');

/** The demo with its script from /dying/, where the first worker dies at its first call named `dies` (as one killed for memory). */
const dying = (dies: string) => marketplace.replace('<script src="/dist/inkling.js"', `<script src="/dying/inkling.js?dies=${dies}"`);
let dyingRequests = 0;
// The page's script first, then its first worker: that one closes itself, unheard, at the first
// call named `dies`, which never reaches the engine. Every later request gets the build itself.
const dyingScript = (dies: string) =>
  ++dyingRequests === 2
    ? `addEventListener('message', (e) => { if (e.data && e.data.call === ${JSON.stringify(dies)}) { e.stopImmediatePropagation(); close(); } }); importScripts('/dist/inkling.js');`
    : readFileSync(new URL('../../dist/inkling.js', import.meta.url), 'utf8');

const t = useEngine(() => ({
  routes: {
    '/marketplace/inlined.html': () => ({ type: 'text/html', body: inlined() }),
    '/marketplace/twice.html': { type: 'text/html', body: twice },
    '/marketplace/module.html': { type: 'text/html', body: asModule },
    '/marketplace/dying.html': (_: unknown, url: URL) => ({ type: 'text/html', body: dying(url.searchParams.get('dies') ?? 'ingest') }),
    '/dying/inkling.js': (_: unknown, url: URL) => ({ type: 'text/javascript', body: dyingScript(url.searchParams.get('dies') ?? 'ingest') }),
  },
}));

/** Clicks the "Add to cart" button of the first `n` cards of a topic. */
async function addToCart(tab: Tab, topic: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await click(tab, `.card[data-inkling-topic="${topic}"] [data-inkling-action="add-to-cart"]`, i);
}

const heroShows = (tab: Tab, segment: string) => waitFor(tab, (s) => getComputedStyle(document.querySelector(`[data-inkling-variant="${s}"]`)!).display !== 'none', segment);

describe('script-tag build on the marketplace demo', () => {
  it('swaps the hero after five clicks in one topic, keeps the counts in IndexedDB, and logs no error', async () => {
    const { tab } = await t.open('/marketplace/?harness=events,workers');
    expect(await runningWorkers(tab)).toHaveLength(1); // the engine runs in a Web Worker, not on the page
    expect(await visibleVariants(tab, 'hero')).toEqual(['default']);

    await addToCart(tab, 'tents', 4);
    await new Promise((r) => setTimeout(r, 1500)); // longer than an idle flush: four clicks are not enough
    expect(await visibleVariants(tab, 'hero')).toEqual(['default']);

    await addToCart(tab, 'tents', 1);
    await heroShows(tab, 'camper');
    expect(await visibleVariants(tab, 'hero')).toEqual(['camper']);
    expect(await tab.evaluate(() => window.inkling!.segment()?.segment)).toBe('camper');
    expect(await storedCounts(tab)).toEqual({ tents: 5 });

    const changes = (await events(tab)).filter((e) => e.type === 'segmentchange').map((e) => e.detail.segment);
    expect(changes).toEqual(['default', 'camper']);
    expect(await tab.problems()).toEqual({ pageErrors: [], consoleErrors: [], warnings: [] });
  });

  it('inlined into the page, it runs its engine in-thread, says so once, and personalises', async () => {
    const { tab } = await t.open('/marketplace/inlined.html?harness=workers');
    expect(await tab.evaluate(() => document.querySelector('script[data-manifest]')!.hasAttribute('src'))).toBe(false);
    await addToCart(tab, 'tents', 5);
    await heroShows(tab, 'camper');
    expect(await runningWorkers(tab)).toHaveLength(0);
    const problems = await tab.problems();
    expect(problems.pageErrors).toEqual([]);
    expect(problems.warnings).toEqual(['Inkling runs its engine on the main thread: the script is inline, so there is no file to start its worker from']);
  });

  it('with its script tag twice on the page, runs once: one worker, each click counted once, one warning', async () => {
    const { tab } = await t.open('/marketplace/twice.html?harness=workers');
    expect(await tab.evaluate(() => document.querySelectorAll('script[data-manifest]').length)).toBe(2);
    await addToCart(tab, 'tents', 5);
    await heroShows(tab, 'camper');
    expect(await storedCounts(tab)).toEqual({ tents: 5 });
    expect(await runningWorkers(tab)).toHaveLength(1);
    const problems = await tab.problems();
    expect(problems.pageErrors).toEqual([]);
    expect(problems.warnings).toEqual(['Inkling is already running on this page: init() returns that instance']);
  });

  it('loaded as a module, where document.currentScript is null, it finds its tag and personalises in a worker', async () => {
    const { tab } = await t.open('/marketplace/module.html?harness=workers');
    expect(await tab.evaluate(() => document.querySelector('script[data-manifest]')!.getAttribute('type'))).toBe('module');
    await addToCart(tab, 'tents', 5);
    await heroShows(tab, 'camper');
    expect(await runningWorkers(tab)).toHaveLength(1);
    expect(await storedCounts(tab)).toEqual({ tents: 5 });
    expect(await tab.problems()).toEqual({ pageErrors: [], consoleErrors: [], warnings: [] });
  });

  it('when its worker dies after starting, a new one takes over the batch it left: one error, nothing thrown, nothing lost', async () => {
    dyingRequests = 0;
    const { tab } = await t.open('/marketplace/dying.html?dies=ingest&harness=events,workers');
    expect(await runningWorkers(tab)).toHaveLength(1);
    await addToCart(tab, 'tents', 5);
    // The flush (2 s), the probe that goes unanswered (about 3 s at the default workerTimeout), a new worker.
    await waitFor(tab, () => getComputedStyle(document.querySelector('[data-inkling-variant="camper"]')!).display !== 'none', undefined, { timeout: 20_000 });
    expect(await storedCounts(tab)).toEqual({ tents: 5 });
    const workers = await tab.evaluate(() => (window as unknown as { __workers: { terminated: boolean }[] }).__workers.map((w) => w.terminated));
    expect(workers).toEqual([true, false]);
    const errors = (await events(tab)).filter((e) => e.type === 'error').map((e) => e.detail as { code: string; message: string });
    expect(errors.map((e) => e.code)).toEqual(['worker-unavailable']);
    expect(errors[0]?.message).toBe('Inkling: the engine stopped answering (nothing for 1500 ms, not even to a probe); a new worker starts');
    const problems = await tab.problems();
    expect(problems.pageErrors).toEqual([]);
    expect(problems.warnings).toEqual([errors[0]?.message]);
    expect(dyingRequests).toBe(3);
  });

  it('when its worker dies while it revalidates the cached manifest, still one error, and the new worker decides', async () => {
    const { tab } = await t.open('/marketplace/?harness=events');
    await addToCart(tab, 'tents', 5);
    await heroShows(tab, 'camper');
    // The next page starts from the cached manifest and asks the worker to revalidate it: that call kills it.
    dyingRequests = 0;
    await tab.goto(`${t.server.url}/marketplace/dying.html?dies=refresh&harness=events,workers`);
    await ready(tab);
    await waitFor(tab, () => (window as unknown as { __workers: unknown[] }).__workers.length === 2, undefined, { timeout: 20_000 });
    await waitFor(tab, () => window.inkling!.segment()?.segment === 'camper' && getComputedStyle(document.querySelector('[data-inkling-variant="camper"]')!).display !== 'none');
    const errors = (await events(tab)).filter((e) => e.type === 'error').map((e) => (e.detail as { code: string }).code);
    expect(errors).toEqual(['worker-unavailable']);
    expect((await tab.problems()).pageErrors).toEqual([]);
    expect(dyingRequests).toBe(3);
  });

  it('when its worker dies as the visitor deletes everything, everything is still deleted, and no old decision comes back', async () => {
    dyingRequests = 0;
    const { tab } = await t.open('/marketplace/dying.html?dies=forget&harness=events,workers');
    await addToCart(tab, 'tents', 5);
    await heroShows(tab, 'camper');
    expect(await storedCounts(tab)).toEqual({ tents: 5 });
    // The worker dies without deleting anything: the page deletes the database itself, while a new worker starts.
    await tab.evaluate(() => window.inkling!.forget());
    expect(await visibleVariants(tab, 'hero')).toEqual(['default']);
    await waitFor(tab, () => (window as unknown as { __workers: unknown[] }).__workers.length === 2, undefined, { timeout: 20_000 });
    await ready(tab);
    await new Promise((r) => setTimeout(r, 1000)); // the new worker's first answer
    expect(await tab.evaluate(() => window.inkling!.segment()?.segment ?? null)).not.toBe('camper');
    expect(await visibleVariants(tab, 'hero')).toEqual(['default']);
    expect(await storedCounts(tab)).toEqual({});
    const errors = (await events(tab)).filter((e) => e.type === 'error').map((e) => (e.detail as { code: string }).code);
    expect(errors).toEqual(['worker-unavailable']);
    expect((await tab.problems()).pageErrors).toEqual([]);

    await tab.goto(`${t.server.url}/marketplace/?harness=events`);
    expect((await ready(tab))?.segment ?? 'default').toBe('default');
    expect(await visibleVariants(tab, 'hero')).toEqual(['default']);
    expect(await storedCounts(tab)).toEqual({});
  });

  it('remembers the profile on the next page load', async () => {
    const { tab } = await t.open('/marketplace/');
    await addToCart(tab, 'bikes', 5);
    await heroShows(tab, 'cyclist');

    await tab.reload();
    expect((await ready(tab))?.segment).toBe('cyclist');
    expect(await visibleVariants(tab, 'hero')).toEqual(['cyclist']);
  });

  it('keeps a card click made just before the page is hidden', async () => {
    const { tab } = await t.open('/marketplace/');
    await addToCart(tab, 'climbing', 1);
    // pagehide flushes at once instead of waiting for idle time
    await tab.evaluate(() => void dispatchEvent(new PageTransitionEvent('pagehide')));
    await expect.poll(() => storedCounts(tab), { timeout: 3000 }).toEqual({ climbing: 1 });
  });
});
