// The "why am I seeing this" panel (dist/inkling-panel.js) on the marketplace demo, in real
// Chromium against the built files: keyboard use, axe-core in light and dark mode, small and
// zoomed viewports (screenshots in test-results/screenshots/), the visitor's choices, lazy
// loading and a strict CSP.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { serve } from '../../examples/serve.mjs';
import { launch, visibleVariants, watchProblems } from './support/launch';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const STRICT = "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self'; img-src 'self' data:";
const NONCE_ONLY = "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self' 'nonce-n0nce'; img-src 'self' data:";
const SCREENSHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
const marketplace = readFileSync(new URL('../../examples/marketplace/index.html', import.meta.url), 'utf8');

let browser: Browser;
let server: { url: string; close(): Promise<void> };

beforeAll(async () => {
  const headers = (url: URL): Record<string, string> => {
    const csp = url.searchParams.get('csp');
    return csp === 'strict' ? { 'Content-Security-Policy': STRICT } : csp === 'nonce' ? { 'Content-Security-Policy': NONCE_ONLY } : {};
  };
  // The demo with a nonce on its script tag, for the `<style nonce>` fallback.
  const withNonce = { type: 'text/html', body: marketplace.replace('<script src="/dist/inkling.js"', '<script nonce="n0nce" src="/dist/inkling.js"') };
  [browser, server] = await Promise.all([launch(), serve({ headers, routes: { '/marketplace/nonce.html': withNonce } })]);
  mkdirSync(SCREENSHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const card = (topic: string) => `.card[data-inkling-topic="${topic}"] [data-inkling-action="save"]`;
const dialog = (page: Page) => page.locator('inkling-panel dialog');
const panelText = (page: Page) => dialog(page).innerText();
/** A button inside the panel (Playwright's CSS locators pierce open shadow roots). */
const button = (page: Page, name: string | RegExp) => dialog(page).getByRole('button', { name, exact: typeof name === 'string' });

/** Loads a demo page and waits for the SDK's first decision. */
async function open(page: Page, path = '/marketplace/'): Promise<Page> {
  await page.goto(`${server.url}${path}`);
  await page.evaluate(() => window.inkling!.ready);
  return page;
}

/** Five saves of tent cards make the visitor a camper (the demo applies decisions at once). */
async function becomeCamper(page: Page): Promise<void> {
  for (let i = 0; i < 5; i++) await page.locator(card('tents')).nth(i).click();
  await page.waitForFunction(() => window.inkling!.segment()?.segment === 'camper');
  await expect.poll(() => visibleVariants(page, 'hero')).toEqual(['camper']);
}

/** Opens the panel from the footer's [data-inkling-explain] button and waits for its content. */
async function openFromFooter(page: Page): Promise<void> {
  await page.locator('[data-inkling-explain]').click();
  await button(page, 'Delete everything').waitFor();
}

/** Waits for the opening animation (when motion is allowed) to finish. */
const settled = (page: Page) => dialog(page).evaluate((d) => Promise.all(d.getAnimations().map((a) => a.finished)).then(() => undefined));

/** Where focus really is: inside the panel's shadow root, or on the page. */
function focused(page: Page): Promise<{ inPanel: boolean; tag: string; text: string }> {
  return page.evaluate(() => {
    const active = document.activeElement;
    const inner = active?.shadowRoot?.activeElement;
    const el = inner ?? active;
    return { inPanel: active?.localName === 'inkling-panel' && !!inner, tag: el?.localName ?? '', text: (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim() };
  });
}

/** The accessible labels of the panel's buttons, in document order. */
const panelButtons = (page: Page) =>
  page.evaluate(() => [...document.querySelector('inkling-panel')!.shadowRoot!.querySelectorAll('button')].map((b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim()));

const exported = (page: Page) => page.evaluate(() => window.inkling!.export());

describe('the "why am I seeing this" panel', () => {
  it('works from the keyboard alone: focus moves in, cycles inside, every control acts, Esc returns focus', async () => {
    const context = await browser.newContext();
    const page = await open(await context.newPage());
    // Keyboard only from here on, the camper's clicks included (Enter on a button clicks it).
    for (let i = 0; i < 5; i++) {
      await page.locator(card('tents')).nth(i).focus();
      await page.keyboard.press('Enter');
    }
    await page.waitForFunction(() => window.inkling!.segment()?.segment === 'camper');
    await page.locator('[data-inkling-explain]').focus();
    await page.keyboard.press('Enter');
    await expect(dialog(page).evaluate((d: HTMLDialogElement) => d.open && d.matches(':modal'))).resolves.toBe(true);
    expect(await focused(page)).toMatchObject({ inPanel: true, tag: 'h2', text: 'Why am I seeing this?' });
    await button(page, 'Delete everything').waitFor();

    // Tab visits every control in order and wraps around without leaving the dialog; Shift+Tab too.
    const labels = await panelButtons(page);
    expect(labels).toEqual(['Block tents', 'Block outdoor', 'Show default content', 'Pause tracking', 'Download my data', 'Delete everything', 'Close']);
    const seen: string[] = [];
    for (let i = 0; i < labels.length + 2; i++) {
      await page.keyboard.press('Tab');
      const now = await focused(page);
      expect(now.inPanel).toBe(true);
      seen.push(now.text);
    }
    expect(seen).toEqual([...labels, ...labels.slice(0, 2)]);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toMatchObject({ inPanel: true, text: 'Close' });

    // Space and Enter act on each control; focus stays on it (or moves to the sensible next one).
    const focusOn = async (label: string) => {
      for (let i = 0; i < 12 && (await focused(page)).text !== label; i++) await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ inPanel: true, text: label });
    };
    await focusOn('Pause tracking');
    await page.keyboard.press(' ');
    await expect.poll(() => focused(page)).toMatchObject({ inPanel: true, text: 'Resume tracking' });
    expect(await page.evaluate(() => window.inkling!.settings().paused)).toBe(true);
    await expect.poll(() => panelText(page)).toContain('Tracking is paused');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toMatchObject({ text: 'Pause tracking' });
    expect(await page.evaluate(() => window.inkling!.settings().paused)).toBe(false);

    await focusOn('Show default content');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toMatchObject({ inPanel: true, text: 'Turn personalization back on' });
    expect(await visibleVariants(page, 'hero')).toEqual(['default']);
    await page.keyboard.press(' ');
    await expect.poll(() => focused(page)).toMatchObject({ text: 'Show default content' });
    await expect.poll(() => visibleVariants(page, 'hero')).toEqual(['camper']);

    await focusOn('Download my data');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('inkling-profile.json');
    const data = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(data).toMatchObject({ format: 'inkling-profile', version: 1 });
    const tentClicks = data.buckets.filter((b: { topic?: string; signal: string }) => b.topic === 'tents' && b.signal === 'click');
    expect(tentClicks.reduce((n: number, b: { count: number }) => n + b.count, 0)).toBe(5);

    // Delete asks first, inside the dialog: Cancel keeps everything, Yes deletes it.
    await focusOn('Delete everything');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toMatchObject({ inPanel: true, text: 'Cancel' });
    await expect.poll(() => panelText(page)).toContain('This cannot be undone');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toMatchObject({ inPanel: true, text: 'Delete everything' });
    expect((await exported(page)).buckets.length).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toMatchObject({ text: 'Cancel' });
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toMatchObject({ inPanel: true, text: 'Yes, delete everything' });
    await page.keyboard.press(' ');
    await expect.poll(() => panelText(page)).toContain('Everything was deleted.');
    await expect.poll(() => panelText(page)).toContain('Nothing is kept');
    expect(await focused(page)).toMatchObject({ inPanel: true, text: 'Delete everything' });

    // Esc closes it and gives focus back to the opener; the host element goes away.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('inkling-panel').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-inkling-explain'))).toBe(true);

    // Reopened with Enter, its Close button works from the keyboard too.
    await page.keyboard.press('Enter');
    await button(page, 'Delete everything').waitFor();
    await focusOn('Close');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('inkling-panel').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-inkling-explain'))).toBe(true);
    await context.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no axe-core violations in ${colorScheme} mode, including the confirmation step`, async () => {
      const context = await browser.newContext({ colorScheme });
      const page = await open(await context.newPage());
      await becomeCamper(page);
      await page.locator('#hero .inkling-why').click();
      await button(page, 'Delete everything').waitFor();
      await settled(page);
      // The palette follows prefers-color-scheme.
      const background = await dialog(page).evaluate((d) => getComputedStyle(d).backgroundColor);
      expect(background).toBe(colorScheme === 'dark' ? 'rgb(31, 31, 35)' : 'rgb(255, 255, 255)');

      await page.screenshot({ path: `${SCREENSHOTS}panel-${colorScheme}.png` });
      await page.addScriptTag({ content: AXE });
      const audit = () =>
        page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(el: Element): Promise<{ violations: { id: string; nodes: { target: unknown; failureSummary?: string }[] }[]; passes: { id: string; nodes: unknown[] }[] }> } }).axe;
          const result = await axe.run(document.querySelector('inkling-panel')!);
          return {
            violations: result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => [JSON.stringify(n.target), n.failureSummary]) })),
            passes: Object.fromEntries(result.passes.map((p) => [p.id, p.nodes.length])),
          };
        });
      const first = await audit();
      expect(first.violations).toEqual([]);
      // axe really looked inside the shadow root: every button's name, the text's contrast, the headings.
      expect(first.passes['button-name']).toBe((await panelButtons(page)).length);
      expect(first.passes['color-contrast']).toBeGreaterThan(10);
      expect(first.passes['heading-order']).toBeGreaterThan(3);

      await button(page, 'Delete everything').click();
      await button(page, 'Yes, delete everything').waitFor();
      expect((await audit()).violations).toEqual([]);
      await context.close();
    });
  }

  it('fits 1280 px, 360 px and 200 % zoom without horizontal scrolling; no animation with reduced motion', async () => {
    const sizes = [
      { name: '1280', viewport: { width: 1280, height: 800 } },
      { name: '360', viewport: { width: 360, height: 740 } },
      // 200 % zoom of a 1280 × 800 window lays out like a 640 × 400 viewport.
      { name: 'zoom-200', viewport: { width: 640, height: 400 } },
    ];
    for (const { name, viewport } of sizes) {
      const context = await browser.newContext({ viewport, reducedMotion: name === '1280' ? 'no-preference' : 'reduce' });
      const page = await open(await context.newPage());
      await becomeCamper(page);
      await page.locator('#hero .inkling-why').click();
      await button(page, 'Delete everything').waitFor();
      await button(page, 'Delete everything').click();
      await button(page, 'Yes, delete everything').waitFor();
      await settled(page);
      const layout = await dialog(page).evaluate((d) => {
        const body = d.querySelector('.b')!;
        const box = d.getBoundingClientRect();
        const overflowing = [...d.querySelectorAll('*')].filter((el) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && (r.left < box.left - 0.5 || r.right > box.right + 0.5);
        });
        const close = [...d.querySelectorAll('button')].pop()!.getBoundingClientRect();
        return {
          box: { left: box.left, right: box.right, top: box.top, bottom: box.bottom },
          dialogScrolls: d.scrollWidth > d.clientWidth,
          bodyScrollsSideways: body.scrollWidth > body.clientWidth,
          bodyScrollsDown: body.scrollHeight > body.clientHeight,
          overflowing: overflowing.map((el) => el.localName),
          pageScrollsSideways: document.documentElement.scrollWidth > innerWidth,
          closeVisible: close.top >= 0 && close.bottom <= innerHeight,
          animation: getComputedStyle(d).animationName,
        };
      });
      await page.screenshot({ path: `${SCREENSHOTS}panel-${name}.png` });
      expect(layout.box.left).toBeGreaterThanOrEqual(0);
      expect(layout.box.right).toBeLessThanOrEqual(viewport.width);
      expect(layout.box.top).toBeGreaterThanOrEqual(0);
      expect(layout.box.bottom).toBeLessThanOrEqual(viewport.height);
      expect(layout).toMatchObject({ dialogScrolls: false, bodyScrollsSideways: false, overflowing: [], pageScrollsSideways: false, closeVisible: true });
      // The content scrolls inside the dialog when the viewport is short.
      if (name === 'zoom-200') expect(layout.bodyScrollsDown).toBe(true);
      expect(layout.animation).toBe(name === '1280' ? 'inkling-in' : 'none');
      await context.close();
    }
  });

  it('"Delete everything" empties IndexedDB and localStorage, and another open tab shows the default', async () => {
    const context = await browser.newContext();
    const page = await open(await context.newPage());
    await becomeCamper(page);
    const other = await open(await context.newPage());
    expect(await other.evaluate(() => window.inkling!.segment()?.segment)).toBe('camper');
    expect(await visibleVariants(other, 'hero')).toEqual(['camper']);

    await page.bringToFront();
    await openFromFooter(page);
    await button(page, 'Delete everything').click();
    await button(page, 'Yes, delete everything').click();
    await expect.poll(() => panelText(page)).toContain('Everything was deleted.');
    await expect.poll(() => panelText(page)).toContain('Nothing is kept. Nothing leaves this device.');
    expect((await exported(page)).buckets).toEqual([]);
    await expect.poll(() => button(page, /^Block/).count()).toBe(0);
    expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).not.toContain('inkling');
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('inkling:')))).toEqual([]);
    expect(await page.evaluate(() => window.inkling!.segment())).toBeNull();
    expect(await visibleVariants(page, 'hero')).toEqual(['default']);

    // The other tab heard about it.
    await expect.poll(() => other.evaluate(() => window.inkling!.segment())).toBeNull();
    expect(await visibleVariants(other, 'hero')).toEqual(['default']);

    await page.keyboard.press('Escape');
    await page.reload();
    await page.evaluate(() => window.inkling!.ready);
    // This new page view records its own signals; nothing from before the delete is back.
    const after = (await exported(page)).buckets;
    expect(after.filter((b) => b.signal === 'click' || b.topic === 'tents')).toEqual([]);
    expect(await page.evaluate(() => window.inkling!.segment()?.segment ?? null)).not.toBe('camper');
    expect(await visibleVariants(page, 'hero')).toEqual(['default']);
    await context.close();
  });

  it('blocking a topic deletes its data, decides again and stops recording it', async () => {
    const context = await browser.newContext();
    const page = await open(await context.newPage());
    await becomeCamper(page);
    await openFromFooter(page);
    await expect.poll(() => panelText(page)).toMatch(/tents: \d+ events/);
    await button(page, 'Block tents').click();
    await expect.poll(() => panelText(page)).toContain('“tents” is blocked and its data deleted.');
    await expect.poll(() => panelText(page)).toContain('Never tracked: tents.');
    await expect.poll(() => button(page, 'Block tents').count()).toBe(0);
    expect((await exported(page)).buckets.filter((b) => b.topic === 'tents')).toEqual([]);
    await expect.poll(() => page.evaluate(() => window.inkling!.segment()?.segment)).not.toBe('camper');
    expect(await page.evaluate(() => window.inkling!.settings().blockedTopics)).toEqual(['tents']);

    // New tent clicks are dropped; a bike click after them shows that the batch was stored.
    await page.keyboard.press('Escape');
    for (let i = 0; i < 3; i++) await page.locator(card('tents')).nth(i).click();
    await page.locator(card('bikes')).first().click();
    await expect.poll(async () => (await exported(page)).buckets.some((b) => b.topic === 'bikes'), { timeout: 5000 }).toBe(true);
    expect((await exported(page)).buckets.filter((b) => b.topic === 'tents')).toEqual([]);
    await context.close();
  });

  it('opened from the hero\'s "why?" button it names the variant shown and the default one', async () => {
    const context = await browser.newContext();
    const page = await open(await context.newPage());
    const defaultText = await page.evaluate(() =>
      document.querySelector('#hero > [data-inkling-variant="default"]')!.textContent!.replace(/\s+/g, ' ').trim(),
    );

    // A new visitor sees the default, and the panel says so.
    await page.locator('#hero .inkling-why').click();
    await button(page, 'Delete everything').waitFor();
    await expect.poll(() => panelText(page)).toContain('About this part of the page');
    await expect.poll(() => panelText(page)).toContain('It shows the default version, the same for everyone.');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('inkling-why'))).toBe(true);

    await becomeCamper(page);
    await page.locator('#hero .inkling-why').click();
    await button(page, 'Delete everything').waitFor();
    const text = await dialog(page).innerText();
    expect(text).toContain('It shows the version for Weekend camper.');
    expect(text).toContain('It was picked because your activity matches “Weekend camper”.');
    const instead = text.match(/Without personalization you would see: “(.+)”/)?.[1] ?? '';
    expect(instead.length).toBeLessThanOrEqual(80);
    expect(instead.endsWith('…')).toBe(true);
    expect(defaultText.startsWith(instead.slice(0, -1))).toBe(true);
    expect(instead).toContain('Gear up for every trail');
    // The segment, its description, the confidence in words, reasons with numbers and window, the manifest.
    expect(text).toContain('Looks mostly at tents and sleeping bags.');
    expect(text).toMatch(/How sure: (very sure|fairly sure|not sure)\./);
    expect(text).toContain('Because of your recent activity');
    expect(text).toContain('5 clicks on tents in the past 30 days');
    expect(text).toMatch(/\d+ bytes about the past 30 days\. Nothing leaves this device\./);
    expect(text).toContain('Segments: trailhead-demo-2026-11-24, issued 2026-11-24.');

    // Opening again (here from the API, while it is open) reuses the one host.
    await page.evaluate(() => window.inkling!.openPanel());
    await expect.poll(() => panelText(page)).not.toContain('About this part of the page');
    expect(await page.locator('inkling-panel').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('inkling-panel').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('inkling-why'))).toBe(true);
    await context.close();
  });

  it('"Show default content" persists across pages; pause records nothing until resume', async () => {
    const context = await browser.newContext();
    const page = await open(await context.newPage());
    await becomeCamper(page);
    await openFromFooter(page);
    await button(page, 'Show default content').click();
    await button(page, 'Turn personalization back on').waitFor();
    expect(await visibleVariants(page, 'hero')).toEqual(['default']);
    await expect.poll(() => panelText(page)).toContain('Why: personalization is off.');
    await page.reload();
    await page.evaluate(() => window.inkling!.ready);
    expect(await visibleVariants(page, 'hero')).toEqual(['default']);
    expect(await page.evaluate(() => window.inkling!.segment())).toBeNull();
    await openFromFooter(page);
    await button(page, 'Turn personalization back on').click();
    await button(page, 'Show default content').waitFor();
    await expect.poll(() => visibleVariants(page, 'hero')).toEqual(['camper']);

    await button(page, 'Pause tracking').click();
    await button(page, 'Resume tracking').waitFor();
    await page.keyboard.press('Escape');
    for (let i = 0; i < 3; i++) await page.locator(card('bikes')).nth(i).click();
    await page.waitForTimeout(1500); // longer than the idle flush's 1 s cap
    expect((await exported(page)).buckets.filter((b) => b.topic === 'bikes')).toEqual([]);
    await openFromFooter(page);
    await button(page, 'Resume tracking').click();
    await button(page, 'Pause tracking').waitFor();
    await page.keyboard.press('Escape');
    await page.locator(card('bikes')).first().click();
    const bikeClicks = async () =>
      (await exported(page)).buckets.filter((b) => b.topic === 'bikes' && b.signal === 'click').reduce((n, b) => n + b.count, 0);
    await expect.poll(bikeClicks, { timeout: 5000 }).toBe(1);
    await context.close();
  });

  it('page CSS cannot reach in, its CSS cannot leak out; sites theme it and translate its strings', async () => {
    const context = await browser.newContext();
    const page = await open(await context.newPage());
    const pageStyle = () =>
      page.evaluate(() => {
        const title = getComputedStyle(document.querySelector('.hero-title')!);
        return { sheets: document.adoptedStyleSheets.length, styles: document.querySelectorAll('style').length, font: title.fontSize, color: title.color };
      });
    const before = await pageStyle();
    // Hostile author CSS, and a theme through the documented custom properties.
    await page.addStyleTag({
      content: `inkling-panel { display: none !important; opacity: 0 !important; }
        dialog, button, h2 { display: none !important; }
        * { color: red !important; font-size: 4px !important; }
        :root { --inkling-accent: rgb(120, 0, 80); }`,
    });
    // Loaded straight from the module, as pages using the ESM build can, with translated strings.
    // (A string: vitest would rewrite an `import()` inside a function.)
    const strings = { title: 'Pourquoi ce contenu ?', forget: 'Tout effacer', stored: '{bytes} octets, {days} jours.' };
    await page.evaluate(
      `import('/dist/inkling-panel.js').then((m) => m.openPanel(window.inkling, { opener: document.querySelector('[data-inkling-explain]'), strings: ${JSON.stringify(strings)} }))`,
    );
    await button(page, 'Tout effacer').waitFor();
    const inside = await dialog(page).evaluate((d) => {
      const b = d.querySelector('button')!;
      const host = getComputedStyle(document.querySelector('inkling-panel')!);
      return { height: d.getBoundingClientRect().height, host: [host.display, host.opacity], button: getComputedStyle(b).color, border: getComputedStyle(b).borderTopColor, font: getComputedStyle(b).fontSize };
    });
    expect(inside.height).toBeGreaterThan(200);
    expect(inside).toMatchObject({ host: ['inline', '1'], button: 'rgb(31, 31, 35)', border: 'rgb(120, 0, 80)', font: '16px' });
    const text = await panelText(page);
    expect(text).toContain('Pourquoi ce contenu ?');
    expect(text).toMatch(/\d+ octets, 30 jours\./);
    expect(text).toContain('Pause tracking'); // strings not overridden keep their default
    expect(await dialog(page).getAttribute('aria-labelledby')).toBeTruthy();
    await page.keyboard.press('Escape');
    expect(await pageStyle()).toMatchObject({ sheets: before.sheets, styles: before.styles + 1 }); // only the test's own <style>
    await context.close();
  });

  it('is fetched only when first opened, and works under a strict CSP', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watchProblems(page);
    const panelRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('inkling-panel')) panelRequests.push(r.url());
    });
    await page.addInitScript(() => {
      const w = window as unknown as { __violations: string[] };
      w.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await open(page, '/marketplace/?csp=strict');
    await becomeCamper(page);
    await page.waitForTimeout(500);
    expect(panelRequests).toEqual([]);

    await openFromFooter(page);
    expect(panelRequests).toEqual([`${server.url}/dist/inkling-panel.js`]);
    // Styled through a constructable stylesheet, which the CSP allows.
    expect(await dialog(page).evaluate((d) => [getComputedStyle(d).display, getComputedStyle(d).borderRadius])).toEqual(['flex', '12px']);
    await expect.poll(() => panelText(page)).toContain('Weekend camper');
    const [download] = await Promise.all([page.waitForEvent('download'), button(page, 'Download my data').click()]);
    expect(download.suggestedFilename()).toBe('inkling-profile.json');
    await page.keyboard.press('Escape');
    await page.locator('[data-inkling-explain]').click();
    await button(page, 'Delete everything').waitFor();
    expect(panelRequests).toHaveLength(1); // the module is fetched once
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    expect(problems).toEqual({ pageErrors: [], consoleErrors: [], warnings: [] });
    await context.close();
  });

  it('without constructable stylesheets it falls back to a <style> carrying the page nonce', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.addInitScript(() => {
      (window as unknown as { CSSStyleSheet?: unknown }).CSSStyleSheet = undefined;
      const w = window as unknown as { __violations: string[] };
      w.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(e.violatedDirective));
    });
    await open(page, '/marketplace/nonce.html?csp=nonce');
    await openFromFooter(page);
    expect(await page.evaluate(() => document.querySelector('inkling-panel')!.shadowRoot!.querySelector('style')?.nonce)).toBe('n0nce');
    expect(await dialog(page).evaluate((d) => getComputedStyle(d).display)).toBe('flex');
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    await context.close();
  });
});
