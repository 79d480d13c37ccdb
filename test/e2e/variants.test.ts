import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { serve } from '../../examples/serve.mjs';
import { launch, watchProblems } from './support/launch';

const marketplace = readFileSync(new URL('../../examples/marketplace/index.html', import.meta.url), 'utf8');
const DEFAULT_APPLY = marketplace.replace(' data-apply-on="immediate"', '');
const key = readFileSync(new URL('../../examples/marketplace/demo-key.pub', import.meta.url), 'utf8').trim();

/** A small page: a hero in view, a slot far below it, a waiting slot, and buttons of two topics. */
const fixture = ({ wait = '', head = '', attrs = '' } = {}) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>fixture</title>
<style>.slot > div { display: block; padding: 40px; }</style>${head}
<script src="/dist/inkling.js" data-manifest="/marketplace/manifest.json" data-key="${key}"${attrs}></script>
</head><body>
<section class="slot" id="hero" data-inkling-slot="hero">
  <div data-inkling-variant="default">Default hero</div><div data-inkling-variant="camper" hidden>Camper hero</div>
</section>
<section class="slot" id="waiting" data-inkling-slot="offer"${wait}>
  <div data-inkling-variant="default">Default offer</div><div data-inkling-variant="camper" hidden>Camper offer</div>
</section>
<div data-inkling-topic="tents">${Array.from({ length: 6 }, (_, i) => `<button data-inkling-action="save">Tent ${i}</button>`).join('')}</div>
<div style="height: 3000px"></div>
<section class="slot" id="below" data-inkling-slot="footer">
  <div data-inkling-variant="default">Default footer</div><div data-inkling-variant="camper" hidden>Camper footer</div>
</section>
</body></html>`;

let browser: Browser;
let server: { url: string; close(): Promise<void> };
let manifestDelay = 0;
const manifest = readFileSync(new URL('../../examples/marketplace/manifest.json', import.meta.url), 'utf8');

beforeAll(async () => {
  const html = (body: string) => ({ type: 'text/html', body });
  const routes = {
    '/marketplace/default-apply.html': html(DEFAULT_APPLY),
    '/fixture/plain.html': html(fixture()),
    '/fixture/wait.html': html(fixture({ wait: ' data-inkling-wait="300"' })),
    '/fixture/wait-long.html': html(fixture({ wait: ' data-inkling-wait="5000"' })),
    '/fixture/queue.html': html(fixture({ head: `<script src="/fixture/queue.js"></script>` })),
    '/fixture/mistakes.html': html(
      fixture().replace(
        '<div style="height: 3000px"></div>',
        // The script between the variants pauses the parser mid-slot, as a long page does.
        `<section data-inkling-slot="ordered"><div data-inkling-variant="camper" hidden>Camper first</div><script src="/fixture/pause.js"></script><div data-inkling-variant="default">Default second</div></section>
         <section data-inkling-slot="twice"><div data-inkling-variant="default">D</div><div data-inkling-variant="camper" hidden>A</div><div data-inkling-variant="camper" hidden>B</div></section>
         <div style="height: 3000px"></div>`,
      ),
    ),
    '/fixture/pause.js': async () => {
      await new Promise((r) => setTimeout(r, 100));
      return { type: 'text/javascript', body: '// pauses the parser' };
    },
    '/fixture/queue.js': { type: 'text/javascript', body: "(window.inkling = window.inkling || []).push(['on', 'segmentchange', (d) => document.documentElement.dataset.seen = (document.documentElement.dataset.seen || '') + d.segment + ' ']);" },
    '/marketplace/manifest.json': async () => {
      await new Promise((r) => setTimeout(r, manifestDelay));
      return { type: 'application/json', body: manifest };
    },
  };
  [browser, server] = await Promise.all([launch(), serve({ routes })]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const shown = (page: Page, id: string) =>
  page.evaluate((sel) => [...document.querySelectorAll(`${sel} > [data-inkling-variant]`)].filter((v) => getComputedStyle(v).display !== 'none').map((v) => v.textContent), `#${id}`);

/** Makes this context a returning camper: five tent clicks, then waits for the decision to be cached. */
async function becomeCamper(page: Page, url = `${server.url}/marketplace/`): Promise<void> {
  await page.goto(url);
  await page.evaluate(() => window.inkling!.ready);
  for (let i = 0; i < 5; i++) await page.locator('.card[data-inkling-topic="tents"] [data-inkling-action="save"]').nth(i).click();
  await page.waitForFunction(() => window.inkling!.segment()?.segment === 'camper');
}

describe('flicker-free variants', () => {
  it('a returning visitor sees only the cached segment\'s variant, on every frame from the first', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await becomeCamper(page, `${server.url}/marketplace/default-apply.html`);
    expect(await page.evaluate(() => localStorage.getItem('inkling:decision'))).toMatch(/"s":"camper"/);

    // The probe starts before the page's own <head> runs, and records every frame for 2 s.
    await page.addInitScript(() => {
      const frames: string[][] = [];
      (window as unknown as { __frames: string[][] }).__frames = frames;
      const start = performance.now();
      const probe = () => {
        const visible = [...document.querySelectorAll('[data-inkling-slot="hero"] > [data-inkling-variant]')]
          .filter((v) => getComputedStyle(v).display !== 'none')
          .map((v) => v.getAttribute('data-inkling-variant')!);
        const html = document.documentElement.getAttribute('data-inkling-segment');
        if (visible.length > 0) frames.push([...visible, `html:${html}`]);
        if (performance.now() - start < 2000) requestAnimationFrame(probe);
      };
      requestAnimationFrame(probe);
    });
    const problems = watchProblems(page);
    await page.reload();
    await page.waitForTimeout(2200);
    const frames = await page.evaluate(() => (window as unknown as { __frames: string[][] }).__frames);
    expect(frames.length).toBeGreaterThan(30);
    expect(new Set(frames.map((f) => f.join(',')))).toEqual(new Set(['camper,html:camper']));
    expect(problems.pageErrors).toEqual([]);
    await context.close();
  });

  it('applies a new decision on the next page view by default; slots out of view switch at once', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/fixture/plain.html`);
    await page.evaluate(() => window.inkling!.ready);
    for (let i = 0; i < 5; i++) await page.locator('[data-inkling-topic="tents"] button').nth(i).click();
    await page.waitForFunction(() => window.inkling!.segment()?.segment === 'camper');
    expect(await shown(page, 'hero')).toEqual(['Default hero']); // what the visitor is reading stays
    expect(await shown(page, 'below')).toEqual(['Camper footer']); // out of view: switched
    expect(await page.evaluate(() => document.documentElement.dataset.inklingSegment)).toBe('default');
    await page.reload();
    expect(await shown(page, 'hero')).toEqual(['Camper hero']);
    expect(await page.evaluate(() => document.documentElement.dataset.inklingSegment)).toBe('camper');
    await context.close();
  });

  it('a single-page-app route is a new page view: the new decision applies', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/fixture/plain.html`);
    await page.evaluate(() => window.inkling!.ready);
    for (let i = 0; i < 5; i++) await page.locator('[data-inkling-topic="tents"] button').nth(i).click();
    await page.waitForFunction(() => window.inkling!.segment()?.segment === 'camper');
    expect(await shown(page, 'hero')).toEqual(['Default hero']);
    await page.evaluate(() => history.pushState({}, '', '/fixture/route-2'));
    await expect.poll(() => shown(page, 'hero')).toEqual(['Camper hero']);
    await context.close();
  });

  it('first visit: the default shows at once, never a blank area, and nothing hides the page', async () => {
    manifestDelay = 1500;
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/fixture/plain.html`, { waitUntil: 'domcontentloaded' });
    expect(await shown(page, 'hero')).toEqual(['Default hero']);
    expect(await page.evaluate(() => getComputedStyle(document.body).visibility)).toBe('visible');
    manifestDelay = 0;
    await context.close();
  });

  it('data-inkling-wait holds a slot invisible, space reserved, until the decision or its cap', async () => {
    manifestDelay = 2000; // the decision comes too late: the cap releases the slot
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/fixture/wait.html`, { waitUntil: 'domcontentloaded' });
    const held = await page.evaluate(() => {
      const slot = document.getElementById('waiting')!;
      return { visibility: getComputedStyle(slot).visibility, height: slot.getBoundingClientRect().height, below: document.querySelector('[data-inkling-topic]')!.getBoundingClientRect().top };
    });
    expect(held.visibility).toBe('hidden');
    expect(held.height).toBeGreaterThan(0);
    const released = await page.waitForFunction(() => getComputedStyle(document.getElementById('waiting')!).visibility === 'visible', undefined, { timeout: 1500, polling: 'raf' });
    expect(released).toBeTruthy();
    const after = await page.evaluate(() => document.querySelector('[data-inkling-topic]')!.getBoundingClientRect().top);
    expect(after).toBe(held.below); // no layout shift
    expect(await shown(page, 'waiting')).toEqual(['Default offer']);
    manifestDelay = 0;
    await context.close();
  });

  it('data-inkling-wait never holds longer than 1000 ms, whatever it asks for', async () => {
    manifestDelay = 3000;
    const context = await browser.newContext();
    const page = await context.newPage();
    const startedAt = Date.now();
    await page.goto(`${server.url}/fixture/wait-long.html`, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => getComputedStyle(document.getElementById('waiting')!).visibility === 'visible', undefined, { timeout: 2500, polling: 'raf' });
    expect(Date.now() - startedAt).toBeLessThan(2000);
    manifestDelay = 0;
    await context.close();
  });

  it('a waiting slot of a returning visitor shows the cached variant without waiting', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await becomeCamper(page);
    await page.goto(`${server.url}/fixture/wait.html`, { waitUntil: 'domcontentloaded' });
    expect(await page.evaluate(() => getComputedStyle(document.getElementById('waiting')!).visibility)).toBe('visible');
    expect(await shown(page, 'waiting')).toEqual(['Camper offer']);
    await context.close();
  });
});

describe('markup mistakes in parsed pages', () => {
  it('are judged on the whole slot once parsed: a default after another variant is fine, a duplicate is named once', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${server.url}/fixture/mistakes.html`);
    await page.evaluate(() => window.inkling!.ready);
    const mine = problems.warnings.filter((w) => w.startsWith('Inkling: slot'));
    expect(mine).toEqual(['Inkling: slot "twice" has two variants for "camper"; the first one is shown']);
    await context.close();
  });
});

describe('late markup', () => {
  it('slots added later, and slots whose children a framework re-renders, show the current decision', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await becomeCamper(page);
    await page.goto(`${server.url}/fixture/plain.html`);
    const result = await page.evaluate(async () => {
      const variant = (seg: string, hidden: boolean) => {
        const div = document.createElement('div');
        div.setAttribute('data-inkling-variant', seg);
        div.hidden = hidden;
        div.textContent = seg;
        return div;
      };
      const slot = document.createElement('section');
      slot.setAttribute('data-inkling-slot', 'late');
      slot.append(variant('default', false), variant('camper', true));
      document.body.append(slot); // e.g. infinite scroll
      const hero = document.getElementById('hero')!;
      hero.replaceChildren(variant('default', false), variant('camper', true)); // e.g. a framework re-render
      await Promise.resolve(); // mutation records are delivered as a microtask, before any frame
      const visible = (el: Element) => [...el.children].filter((c) => !(c as HTMLElement).hidden).map((c) => c.textContent);
      return { late: visible(slot), hero: visible(hero) };
    });
    expect(result).toEqual({ late: ['camper'], hero: ['camper'] });
    await context.close();
  });
});

describe('theme developer API', () => {
  it('replays commands queued on window.inkling before the script loaded', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/fixture/queue.html`);
    await page.evaluate(() => window.inkling!.ready);
    expect(await page.evaluate(() => document.documentElement.dataset.seen)).toBe('default ');
    await context.close();
  });

  it('segment() returns the cached decision synchronously, before the engine answers', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await becomeCamper(page);
    manifestDelay = 1000;
    await page.goto(`${server.url}/fixture/plain.html`, { waitUntil: 'domcontentloaded' });
    const early = await page.evaluate(() => window.inkling!.segment());
    expect(early).toMatchObject({ segment: 'camper', cached: true });
    const settled = await page.evaluate(() => window.inkling!.ready);
    expect(settled).toMatchObject({ segment: 'camper' });
    expect(settled).not.toHaveProperty('cached');
    manifestDelay = 0;
    await context.close();
  });
});
