import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PageProblems, Tab } from './drivers/types';
import { click } from './support/click';
import { useEngine } from './support/useEngine';
import { waitFor } from './support/waitFor';

// The online-shoppers example: a manifest trained on the UCI "Online Shoppers Purchasing Intention"
// data set, and a small shop whose pages feed it. Visitors who browse like the data set's
// segments get that segment's variants.
const EXAMPLE = new URL('../../examples/online-shoppers/', import.meta.url);
const PAGES = ['index.html', 'product.html', 'info.html', 'account.html'];
const STRICT = "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self'; img-src 'self' data:";

// The test cannot sign: with a signed manifest and its key on disk the pages get that key,
// otherwise they are served without data-key (the SDK then takes the unsigned manifest, with one warning).
const keyFile = new URL('shop-key.pub', EXAMPLE);
const signed = existsSync(keyFile) && 'signature' in JSON.parse(readFileSync(new URL('manifest.json', EXAMPLE), 'utf8'));
const key = signed ? readFileSync(keyFile, 'utf8').trim() : undefined;
const withKey = (html: string) => html.replace(/ data-key="[^"]*"/, key ? ` data-key="${key}"` : '');

const routes: Record<string, unknown> = Object.fromEntries(
  PAGES.map((page) => [`/online-shoppers/${page}`, { type: 'text/html; charset=utf-8', body: withKey(readFileSync(new URL(page, EXAMPLE), 'utf8')) }]),
);
routes['/online-shoppers/'] = routes['/online-shoppers/index.html'];
const t = useEngine(() => ({ routes, headers: () => ({ 'Content-Security-Policy': STRICT }) }));

type Decision = { segment: string; distances: Record<string, number>; reasons: { feature: string; raw: number; z: number }[] } | null;

const url = (page: string) => `${t.server.url}/online-shoppers/${page}`;
const decision = (tab: Tab): Promise<Decision> => tab.evaluate(() => window.inkling!.segment() as never);
const visibleVariants = (tab: Tab, slot: string) =>
  tab.evaluate(
    (name) => [...document.querySelectorAll(`[data-inkling-slot="${name}"] > [data-inkling-variant]`)].filter((v) => getComputedStyle(v).display !== 'none').map((v) => v.getAttribute('data-inkling-variant')),
    slot,
  );

/** Waits until the engine has answered on this page. */
async function settle(tab: Tab): Promise<void> {
  await waitFor(tab, () => !!window.inkling && !Array.isArray(window.inkling));
  await tab.evaluate(() => window.inkling!.ready);
}

/** Waits for a segment, printing the decision (distances, features) when it does not come. */
async function expectSegment(tab: Tab, segment: string): Promise<void> {
  try {
    await waitFor(tab, (s) => window.inkling!.segment()?.segment === s, segment);
  } catch (e) {
    const d = await decision(tab);
    console.log('decision:', JSON.stringify({ segment: d?.segment, distances: d?.distances, features: d?.reasons.map((r) => [r.feature, r.raw, Number(r.z.toFixed(2))]) }));
    throw e;
  }
}

/** No errors, and no warning but the unsigned manifest's (one per page load, only without a key). */
function expectNoProblems(problems: PageProblems): void {
  const expected = key ? [] : [/no public key is configured/];
  expect(problems.pageErrors).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
  expect(problems.warnings.filter((w) => !expected.some((re) => re.test(w)))).toEqual([]);
}

/** The decision's raw value of each feature, by name. */
async function raw(tab: Tab): Promise<Record<string, number>> {
  const d = await decision(tab);
  return Object.fromEntries(d!.reasons.map((r) => [r.feature, r.raw]));
}

/**
 * A minute of reading, skipped: the `skip-time` page script moves the page's `performance.now()`
 * on by 20 s at a time. Dwell counts active time only (it stops 30 s after the last input), so
 * the mouse moves now and then. Wall-clock time stays real: Inkling files signals under their
 * local day and decides with the worker's real clock.
 */
async function readForAMinute(tab: Tab): Promise<void> {
  for (let s = 0; s < 3; s++) {
    await tab.evaluate(() => (window as unknown as { __skipTime(ms: number): void }).__skipTime(20_000));
    await tab.mouseMove(100 + s * 40, 200 + s * 20);
    await new Promise((r) => setTimeout(r, 600)); // activity is looked at once the page stands still for 500 ms
  }
}

describe('online-shoppers example', () => {
  it('a visitor who reads the information and account pages at length becomes a researcher (segment-2)', async () => {
    t.server.use = ['skip-time']; // on every page, the ones reached through links too
    const { tab: page } = await t.visitor();
    await page.goto(url('index.html'));
    for (const next of ['info.html', 'account.html', 'info.html', 'account.html', 'info.html', 'account.html', 'index.html']) {
      await settle(page);
      await readForAMinute(page);
      // Through the nav, as a visitor would: following a link in the shop is no exit.
      await click(page, `.site-nav a[href="${next}"]`);
      await waitFor(page, (u) => location.href === u && document.readyState === 'complete', url(next));
    }
    await settle(page);
    await expectSegment(page, 'segment-2');
    await expect.poll(() => visibleVariants(page, 'hero')).toEqual(['segment-2']);
    // Once this page's view is in too: three reads of each, and not one bounce or exit.
    await expect.poll(() => raw(page), { timeout: 10_000 }).toMatchObject({ info_views: 3, account_views: 3, product_views: 2, bounce_rate: 0, exit_rate: 0, page_value: 0 });
    expect((await raw(page)).info_dwell).toBeGreaterThanOrEqual(170);
    expect(await decision(page)).toMatchObject({ segment: 'segment-2' });
    expectNoProblems(await page.problems());
  });

  it('a visitor who opens pages and leaves them at once becomes a bouncer (segment-3)', async () => {
    const { tab: page } = await t.visitor();
    // Leaving through the address bar (goto), within seconds and without a click: a bounce and an exit.
    for (let i = 0; i < 4; i++) {
      await page.goto(url('product.html'));
      await settle(page);
      await page.goto(url('index.html'));
      await settle(page);
    }
    await expectSegment(page, 'segment-3');
    await expect.poll(() => visibleVariants(page, 'hero')).toEqual(['segment-3']);
    const features = await raw(page);
    expect(features).toMatchObject({ page_value: 42, info_views: 0, account_views: 0 });
    expect(features.bounce_rate).toBeGreaterThan(0.8);
    expect(features.exit_rate).toBeGreaterThan(0.8);
    // The next page shows the bouncer's variant from its first frame (the decision cached by the last one).
    await page.goto(`${url('product.html')}?harness=frames`);
    const first = await waitFor(page, () => (window as unknown as { __frames: { slots: Record<string, { visible: string[] }> }[] }).__frames[0]);
    expect(first.slots.offer?.visible).toEqual(['segment-3']);
    expectNoProblems(await page.problems());
  });
});
