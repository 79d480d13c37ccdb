import { describe, expect, it } from 'vitest';
import type { Tab } from './drivers/types';
import { click } from './support/click';
import { errorCodes, ready, runningWorkers, storedBuckets, storedCounts, visibleVariants } from './support/readPage';
import { useEngine } from './support/useEngine';

const t = useEngine();
const card = (topic: string) => `.card[data-inkling-topic="${topic}"] [data-inkling-action="save"]`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the profile across tabs and closed pages', () => {
  it('a tab closed right after a click loses nothing', async () => {
    const { session, tab: first } = await t.open('/marketplace/');
    await click(first, card('bikes'), 0);
    await click(first, card('bikes'), 1);
    const next = await session.newTab(); // opened first: WebDriver ends a session with its last window
    await first.close();

    await next.goto(`${t.server.url}/marketplace/`);
    await ready(next);
    expect(await storedCounts(next)).toEqual({ bikes: 2 });
    expect(await next.evaluate(() => localStorage.getItem('inkling:outbox'))).toBeNull();
  });

  it('two tabs clicking at the same time lose no counts', async () => {
    const { session, tab: a } = await t.visitor();
    const b = await session.newTab();
    for (const tab of [a, b]) await tab.goto(`${t.server.url}/marketplace/`);
    await Promise.all([ready(a), ready(b)]);
    // Both tabs click in the same moment: each page starts its own clicks from a timer (a background
    // tab throttles real input, and a WebDriver session drives one tab at a time); the listener sees the same event.
    const clickAll = (tab: Tab) =>
      tab.evaluate((selector) => {
        setTimeout(async () => {
          for (const button of [...document.querySelectorAll<HTMLElement>(selector)].slice(0, 12)) {
            button.click();
            // A task between clicks; a message, as background tabs slow their timers down to 1 s.
            await new Promise((r) => {
              const channel = new MessageChannel();
              channel.port1.onmessage = r;
              channel.port2.postMessage(0);
            });
          }
          dispatchEvent(new PageTransitionEvent('pagehide'));
        }, 300);
      }, card('tents'));
    await clickAll(a);
    await clickAll(b);
    await expect.poll(() => storedCounts(a), { timeout: 8000 }).toEqual({ tents: 24 });
  });

  it('records views, scroll depth, dwell, element dwell and context from real input on the demo', async () => {
    const { tab } = await t.open('/marketplace/', { viewport: { width: 1280, height: 800 } });
    await tab.mouseMove(640, 400);
    for (let i = 0; i < 6; i++) {
      await tab.wheel(600);
      await sleep(150);
    }
    await sleep(2500); // cards stay in view for a while (the trackers look once scrolling has stood still for 0.5 s)
    const scrolled = await tab.evaluate(() => (scrollY + innerHeight) / document.documentElement.scrollHeight);
    expect(scrolled).toBeGreaterThan(0.3); // the wheel really scrolled
    await tab.evaluate(() => void dispatchEvent(new PageTransitionEvent('pagehide')));
    await expect.poll(async () => (await storedBuckets(tab)).some((b) => b.signal === 'dwell'), { timeout: 5000 }).toBe(true);

    const buckets = await storedBuckets(tab);
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
      ['device:desktop', `hour:${await tab.evaluate(() => new Date().getHours())}`, 'referrer:direct'].sort(),
    );
    // Only classes are stored: no URL, no path, no query string anywhere in the profile.
    expect(JSON.stringify(buckets)).not.toMatch(/https?:|127\.0\.0\.1|marketplace/);
  });

  it('with storage refused (cookies blocked), personalises the page from memory: one storage-unavailable error, no exception', async () => {
    const { tab } = await t.open('/marketplace/?harness=no-storage,events');
    expect(await tab.evaluate(() => {
      try {
        return void localStorage;
      } catch (e) {
        return (e as Error).name;
      }
    })).toBe('SecurityError');
    for (let i = 0; i < 5; i++) await click(tab, card('tents'), i);
    await expect.poll(() => tab.evaluate(() => window.inkling!.segment()?.segment), { timeout: 8000 }).toBe('camper');
    expect(await errorCodes(tab)).toEqual(['storage-unavailable']);
    const problems = await tab.problems();
    expect(problems.pageErrors).toEqual([]);
    expect(problems.warnings).toHaveLength(1);
    expect(problems.warnings[0]).toMatch(/^Inkling could not open IndexedDB \(SecurityError.*in memory for this page only$/);
  });

  it('counts no element dwell for content behind the open visitor panel', async () => {
    const { tab } = await t.open('/marketplace/', { viewport: { width: 1280, height: 800 } });
    await tab.evaluate(() => document.querySelector('.card[data-inkling-topic="tents"]')!.scrollIntoView({ block: 'center' }));
    await sleep(1500); // the trackers look once scrolling has stood still for 0.5 s
    await tab.evaluate(() => void window.inkling!.openPanel());
    await expect.poll(() => tab.evaluate(() => !!document.querySelector('inkling-panel')), { timeout: 5000 }).toBe(true);
    await sleep(4000);
    await tab.evaluate(() => document.querySelector('inkling-panel')!.shadowRoot!.querySelector('dialog')!.close());
    await tab.evaluate(() => void dispatchEvent(new PageTransitionEvent('pagehide')));
    await expect.poll(async () => (await storedBuckets(tab)).some((b) => b.signal === 'element-dwell'), { timeout: 5000 }).toBe(true);
    const tents = (await storedBuckets(tab)).find((b) => b.signal === 'element-dwell' && b.topic === 'tents');
    // Each tents element at least half in view counts on its own.
    const inView = await tab.evaluate(
      () =>
        [...document.querySelectorAll('body [data-inkling-topic="tents"]')].filter((el) => {
          const r = el.getBoundingClientRect();
          const seen = Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0)) * Math.max(0, Math.min(r.right, innerWidth) - Math.max(r.left, 0));
          return r.width * r.height > 0 && seen / (r.width * r.height) >= 0.5;
        }).length,
    );
    expect(inView).toBeGreaterThan(0);
    // About 1.5 s each before the panel opened, never the 4 s more it was open.
    expect(tents!.sum / inView).toBeGreaterThan(0.5);
    expect(tents!.sum / inView).toBeLessThan(3);
  });

  it('honours Global Privacy Control: nothing stored, no manifest request, default content', async () => {
    const since = t.server.requests.length;
    // The `gpc` page script sets navigator.globalPrivacyControl, which WebKit and Chromium lack and Firefox keeps false by default.
    const { tab } = await t.open('/marketplace/?harness=gpc,workers', { ready: false });
    expect(await ready(tab)).toBeNull();
    for (let i = 0; i < 6; i++) await click(tab, card('tents'), i);
    await tab.evaluate(() => void dispatchEvent(new PageTransitionEvent('pagehide')));
    await sleep(500);
    expect(await tab.evaluate(() => indexedDB.databases())).toEqual([]);
    expect(await tab.evaluate(() => ({ ...localStorage }))).toEqual({});
    expect(t.server.requests.slice(since).map((r) => r.path)).not.toContain('/marketplace/manifest.json');
    expect(await runningWorkers(tab)).toHaveLength(0);
    expect(await visibleVariants(tab, 'hero')).toEqual(['default']);
    // The visitor can still ask why (the panel module words it) and download what is kept: nothing.
    const [explanation, exported] = await tab.evaluate(() => Promise.all([window.inkling!.explain(), window.inkling!.export()]));
    expect(explanation).toMatchObject({ segment: 'default', confidence: 0, reasons: [], stored: { topics: [], days: 0, bytes: 0 } });
    expect(explanation.note).toMatch(/asks sites not to track/);
    expect(exported).toMatchObject({ format: 'inkling-profile', manifestId: null, cachedSegment: null, buckets: [] });
  });
});
