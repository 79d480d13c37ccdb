// The "why am I seeing this" panel (dist/inkling-panel.js) on the marketplace demo, in each engine
// against the built files: keyboard use, axe-core in light and dark mode, small and zoomed
// viewports (screenshots in test-results/screenshots/<engine>/), the visitor's choices, lazy
// loading and a strict CSP.
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KeyName, Tab } from './drivers/types';
import { click, clickButton, countButtons } from './support/click';
import { ready, storedCounts, visibleVariants } from './support/readPage';
import { useEngine } from './support/useEngine';
import { waitFor } from './support/waitFor';

const STRICT = "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self'; img-src 'self' data:";
const NONCE_ONLY = "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self' 'nonce-n0nce'; img-src 'self' data:";
const marketplace = readFileSync(new URL('../../examples/marketplace/index.html', import.meta.url), 'utf8');

const t = useEngine(() => ({
  headers: (url: URL): Record<string, string> => {
    const csp = url.searchParams.get('csp');
    return csp === 'strict' ? { 'Content-Security-Policy': STRICT } : csp === 'nonce' ? { 'Content-Security-Policy': NONCE_ONLY } : {};
  },
  // The demo with a nonce on its script tag, for the `<style nonce>` fallback.
  routes: { '/marketplace/nonce.html': { type: 'text/html', body: marketplace.replace('<script src="/dist/inkling.js"', '<script nonce="n0nce" src="/dist/inkling.js"') } },
}));
let screenshots = '';
beforeAll(() => {
  screenshots = fileURLToPath(new URL(`../../test-results/screenshots/${t.engine.name}/`, import.meta.url));
  mkdirSync(screenshots, { recursive: true });
});

const card = (topic: string) => `.card[data-inkling-topic="${topic}"] [data-inkling-action="save"]`;
/** The text of the panel's dialog, as rendered. */
const panelText = (tab: Tab) => tab.evaluate(() => (document.querySelector('inkling-panel')?.shadowRoot?.querySelector('dialog') as HTMLElement | null)?.innerText ?? '');
const panelCount = (tab: Tab) => tab.evaluate(() => document.querySelectorAll('inkling-panel').length);
/** Waits until the panel shows a button labelled `name`. */
const waitForButton = (tab: Tab, name: string) => expect.poll(() => countButtons(tab, name), { timeout: 10_000 }).toBeGreaterThan(0);
const press = (tab: Tab, key: KeyName) => tab.press(key);

/** Loads a demo page (with the `downloads` page script) and waits for the SDK's first decision. */
async function open(tab: Tab, path = '/marketplace/'): Promise<Tab> {
  await tab.goto(`${t.server.url}${path}${path.includes('?') ? '&' : '?'}harness=downloads`);
  await ready(tab);
  return tab;
}
const visitor = async (options?: Parameters<typeof t.visitor>[0]) => open((await t.visitor(options)).tab);

/** Five saves of tent cards make the visitor a camper (the demo applies decisions at once). */
async function becomeCamper(tab: Tab): Promise<void> {
  for (let i = 0; i < 5; i++) await click(tab, card('tents'), i);
  await waitFor(tab, () => window.inkling!.segment()?.segment === 'camper');
  await expect.poll(() => visibleVariants(tab, 'hero')).toEqual(['camper']);
}

/** Opens the panel from the footer's [data-inkling-explain] button and waits for its content. */
async function openFromFooter(tab: Tab): Promise<void> {
  await click(tab, '[data-inkling-explain]');
  await waitForButton(tab, 'Delete everything');
}

/** Closes the panel with Esc, and waits until it is gone (focus has gone back, and the page may have scrolled to it). */
async function closePanel(tab: Tab): Promise<void> {
  await tab.press('Escape');
  await expect.poll(() => panelCount(tab)).toBe(0);
  // WebKit scrolls the re-focused opener into view a little later: wait until the page stands still.
  let last = -1;
  for (let still = 0; still < 3; ) {
    await new Promise((r) => setTimeout(r, 100));
    const now = await tab.evaluate(() => scrollY);
    still = now === last ? still + 1 : 0;
    last = now;
  }
}

/** Waits for the opening animation (when motion is allowed) to finish. */
const settled = (tab: Tab) =>
  tab.evaluate(() => Promise.all(document.querySelector('inkling-panel')!.shadowRoot!.querySelector('dialog')!.getAnimations().map((a) => a.finished)).then(() => true));

/** Where focus really is: inside the panel's shadow root, or on the page. */
function focused(tab: Tab): Promise<{ inPanel: boolean; tag: string; text: string }> {
  return tab.evaluate(() => {
    const active = document.activeElement;
    const inner = active?.shadowRoot?.activeElement;
    const el = inner ?? active;
    return { inPanel: active?.localName === 'inkling-panel' && !!inner, tag: el?.localName ?? '', text: (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim() };
  });
}

/** The accessible labels of the panel's buttons, in document order. */
const panelButtons = (tab: Tab) =>
  tab.evaluate(() => [...document.querySelector('inkling-panel')!.shadowRoot!.querySelectorAll('button')].map((b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim()));

const exported = (tab: Tab) => tab.evaluate(() => window.inkling!.export());
const downloads = (tab: Tab) => tab.evaluate(() => (window as unknown as { __downloads: { name: string; text?: string }[] }).__downloads);
const focusElement = (tab: Tab, selector: string, nth = 0) => tab.evaluate(([s, n]) => (document.querySelectorAll<HTMLElement>(s)[n]!.focus(), true), [selector, nth] as [string, number]);

describe('the "why am I seeing this" panel', () => {
  it('works from the keyboard alone: focus moves in, cycles inside, every control acts, Esc returns focus', async () => {
    const page = await visitor();
    // Keyboard only from here on, the camper's clicks included (Enter on a button clicks it).
    for (let i = 0; i < 5; i++) {
      await focusElement(page, card('tents'), i);
      await press(page, 'Enter');
    }
    await waitFor(page, () => window.inkling!.segment()?.segment === 'camper');
    await focusElement(page, '[data-inkling-explain]');
    await press(page, 'Enter');
    await waitForButton(page, 'Delete everything');
    expect(await page.evaluate(() => {
      const d = document.querySelector('inkling-panel')!.shadowRoot!.querySelector('dialog')!;
      return d.open && d.matches(':modal');
    })).toBe(true);
    expect(await focused(page)).toMatchObject({ inPanel: true, tag: 'h2', text: 'Why am I seeing this?' });

    // Tab visits every control in order and wraps around without leaving the dialog; Shift+Tab too.
    const labels = await panelButtons(page);
    expect(labels).toEqual(['Block tents', 'Block outdoor', 'Show default content', 'Pause tracking', 'Download my data', 'Delete everything', 'Close']);
    const seen: string[] = [];
    for (let i = 0; i < labels.length + 2; i++) {
      await press(page, 'Tab');
      const now = await focused(page);
      expect(now.inPanel).toBe(true);
      seen.push(now.text);
    }
    expect(seen).toEqual([...labels, ...labels.slice(0, 2)]);
    await press(page, 'Shift+Tab');
    await press(page, 'Shift+Tab');
    expect(await focused(page)).toMatchObject({ inPanel: true, text: 'Close' });

    // Space and Enter act on each control; focus stays on it (or moves to the sensible next one).
    const focusOn = async (label: string) => {
      for (let i = 0; i < 12 && (await focused(page)).text !== label; i++) await press(page, 'Tab');
      expect(await focused(page)).toMatchObject({ inPanel: true, text: label });
    };
    await focusOn('Pause tracking');
    await press(page, ' ');
    await expect.poll(() => focused(page)).toMatchObject({ inPanel: true, text: 'Resume tracking' });
    expect(await page.evaluate(() => window.inkling!.settings().paused)).toBe(true);
    await expect.poll(() => panelText(page)).toContain('Tracking is paused');
    await press(page, 'Enter');
    await expect.poll(() => focused(page)).toMatchObject({ text: 'Pause tracking' });
    expect(await page.evaluate(() => window.inkling!.settings().paused)).toBe(false);

    await focusOn('Show default content');
    await press(page, 'Enter');
    await expect.poll(() => focused(page)).toMatchObject({ inPanel: true, text: 'Turn personalization back on' });
    expect(await visibleVariants(page, 'hero')).toEqual(['default']);
    await press(page, ' ');
    await expect.poll(() => focused(page)).toMatchObject({ text: 'Show default content' });
    await expect.poll(() => visibleVariants(page, 'hero')).toEqual(['camper']);

    await focusOn('Download my data');
    await press(page, 'Enter');
    const download = await waitFor(page, () => (window as unknown as { __downloads: { name: string; text?: string }[] }).__downloads.find((d) => d.text !== undefined));
    expect(download.name).toBe('inkling-profile.json');
    const data = JSON.parse(download.text!);
    expect(data).toMatchObject({ format: 'inkling-profile', version: 1 });
    const tentClicks = data.buckets.filter((b: { topic?: string; signal: string }) => b.topic === 'tents' && b.signal === 'click');
    expect(tentClicks.reduce((n: number, b: { count: number }) => n + b.count, 0)).toBe(5);

    // Delete asks first, inside the dialog: Cancel keeps everything, Yes deletes it.
    await focusOn('Delete everything');
    await press(page, 'Enter');
    await expect.poll(() => focused(page)).toMatchObject({ inPanel: true, text: 'Cancel' });
    await expect.poll(() => panelText(page)).toContain('This cannot be undone');
    await press(page, 'Enter');
    await expect.poll(() => focused(page)).toMatchObject({ inPanel: true, text: 'Delete everything' });
    expect((await exported(page)).buckets.length).toBeGreaterThan(0);
    await press(page, 'Enter');
    await expect.poll(() => focused(page)).toMatchObject({ text: 'Cancel' });
    await press(page, 'Shift+Tab');
    expect(await focused(page)).toMatchObject({ inPanel: true, text: 'Yes, delete everything' });
    await press(page, ' ');
    await expect.poll(() => panelText(page)).toContain('Everything was deleted.');
    await expect.poll(() => panelText(page)).toContain('Nothing is kept');
    expect(await focused(page)).toMatchObject({ inPanel: true, text: 'Delete everything' });

    // Esc closes it and gives focus back to the opener; the host element goes away.
    await press(page, 'Escape');
    await expect.poll(() => panelCount(page)).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-inkling-explain'))).toBe(true);

    // Reopened with Enter, its Close button works from the keyboard too.
    await press(page, 'Enter');
    await waitForButton(page, 'Delete everything');
    await focusOn('Close');
    await press(page, 'Enter');
    await expect.poll(() => panelCount(page)).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-inkling-explain'))).toBe(true);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no axe-core violations in ${colorScheme} mode, including the confirmation step`, async () => {
      const page = await visitor({ colorScheme });
      await becomeCamper(page);
      await click(page, '#hero .inkling-why');
      await waitForButton(page, 'Delete everything');
      await settled(page);
      // The palette follows prefers-color-scheme.
      const background = await page.evaluate(() => getComputedStyle(document.querySelector('inkling-panel')!.shadowRoot!.querySelector('dialog')!).backgroundColor);
      expect(background).toBe(colorScheme === 'dark' ? 'rgb(31, 31, 35)' : 'rgb(255, 255, 255)');

      await page.screenshot(`${screenshots}panel-${colorScheme}.png`);
      await page.evaluate(
        () =>
          new Promise((loaded) => {
            const script = document.createElement('script');
            script.src = '/__harness/axe.js';
            script.onload = loaded;
            document.head.append(script);
          }),
      );
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

      await clickButton(page, 'Delete everything');
      await waitForButton(page, 'Yes, delete everything');
      expect((await audit()).violations).toEqual([]);
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
      const options = { viewport, reducedMotion: name === '1280' ? 'no-preference' : 'reduce' } as const;
      if (name === '360' && t.engine.cannot.narrowViewport) {
        // Checked, not assumed: this engine really cannot give a 360 px viewport (see the README's browser table).
        await expect(visitor(options)).rejects.toThrow(/viewport/);
        continue;
      }
      const page = await visitor(options);
      await becomeCamper(page);
      await click(page, '#hero .inkling-why');
      await waitForButton(page, 'Delete everything');
      await clickButton(page, 'Delete everything');
      await waitForButton(page, 'Yes, delete everything');
      await settled(page);
      const layout = await page.evaluate(() => {
        const d = document.querySelector('inkling-panel')!.shadowRoot!.querySelector('dialog')!;
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
      await page.screenshot(`${screenshots}panel-${name}.png`);
      expect(layout.box.left).toBeGreaterThanOrEqual(0);
      expect(layout.box.right).toBeLessThanOrEqual(viewport.width);
      expect(layout.box.top).toBeGreaterThanOrEqual(0);
      expect(layout.box.bottom).toBeLessThanOrEqual(viewport.height);
      expect(layout).toMatchObject({ dialogScrolls: false, bodyScrollsSideways: false, overflowing: [], pageScrollsSideways: false, closeVisible: true });
      // The content scrolls inside the dialog when the viewport is short.
      if (name === 'zoom-200') expect(layout.bodyScrollsDown).toBe(true);
      expect(layout.animation).toBe(name === '1280' ? 'inkling-in' : 'none');
    }
  });

  it('"Delete everything" empties IndexedDB and localStorage, and another open tab shows the default', async () => {
    const { session, tab } = await t.visitor();
    const page = await open(tab);
    await becomeCamper(page);
    const other = await open(await session.newTab());
    expect(await other.evaluate(() => window.inkling!.segment()?.segment)).toBe('camper');
    expect(await visibleVariants(other, 'hero')).toEqual(['camper']);

    await page.bringToFront();
    await openFromFooter(page);
    await clickButton(page, 'Delete everything');
    await clickButton(page, 'Yes, delete everything');
    await expect.poll(() => panelText(page)).toContain('Everything was deleted.');
    await expect.poll(() => panelText(page)).toContain('Nothing is kept. Nothing leaves this device.');
    expect((await exported(page)).buckets).toEqual([]);
    await expect.poll(() => countButtons(page, /^Block/)).toBe(0);
    // The clicks are gone from IndexedDB. (The database itself may be back already: the other
    // tab, hidden by bringToFront, stores its own page's measures after the delete.)
    expect(await storedCounts(page)).toEqual({});
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('inkling:')))).toEqual([]);
    expect(await page.evaluate(() => window.inkling!.segment())).toBeNull();
    expect(await visibleVariants(page, 'hero')).toEqual(['default']);

    // The other tab heard about it.
    await expect.poll(() => other.evaluate(() => window.inkling!.segment())).toBeNull();
    expect(await visibleVariants(other, 'hero')).toEqual(['default']);

    await press(page, 'Escape');
    await page.reload();
    await page.evaluate(() => window.inkling!.ready);
    // This new page view records its own signals; nothing from before the delete is back.
    const after = (await exported(page)).buckets;
    expect(after.filter((b) => b.signal === 'click' || b.topic === 'tents')).toEqual([]);
    expect(await page.evaluate(() => window.inkling!.segment()?.segment ?? null)).not.toBe('camper');
    expect(await visibleVariants(page, 'hero')).toEqual(['default']);
  });

  it('when what is stored cannot be read, says so and still offers every choice: "Delete everything" deletes', async () => {
    const page = await visitor();
    await becomeCamper(page);
    // As when storage fails while the page is open: explain() rejects (and the panel calls it on the instance).
    await page.evaluate(() => void (window.inkling!.explain = () => Promise.reject(new Error('the profile cannot be read'))));
    await click(page, '[data-inkling-explain]');
    await waitForButton(page, 'Delete everything');
    const text = await panelText(page);
    expect(text).toContain('Something went wrong. Please try again.');
    expect(text).not.toContain('Loading');
    for (const label of ['Show default content', 'Pause tracking', 'Download my data']) expect(await countButtons(page, label)).toBe(1);
    await clickButton(page, 'Delete everything');
    await clickButton(page, 'Yes, delete everything');
    // The action's own outcome stays on the status line, though the explanation still cannot be read.
    await expect.poll(() => panelText(page)).toContain('Everything was deleted.');
    await expect.poll(() => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).not.toContain('inkling');
    expect(await page.evaluate(() => window.inkling!.segment())).toBeNull();
    expect(await visibleVariants(page, 'hero')).toEqual(['default']);
  });

  it('another open tab follows "Show default content" and its undoing, with no reload', async () => {
    const { session, tab } = await t.visitor();
    const page = await open(tab);
    await becomeCamper(page);
    const other = await open(await session.newTab());
    expect(await visibleVariants(other, 'hero')).toEqual(['camper']);

    await page.bringToFront();
    await page.evaluate(() => window.inkling!.personalize(false));
    await expect.poll(() => visibleVariants(other, 'hero')).toEqual(['default']);
    expect(await other.evaluate(() => [window.inkling!.segment(), window.inkling!.settings().personalizationOff])).toEqual([null, true]);

    await page.evaluate(() => window.inkling!.personalize(true));
    await expect.poll(() => visibleVariants(other, 'hero')).toEqual(['camper']);
    expect(await other.evaluate(() => window.inkling!.settings().personalizationOff)).toBe(false);
  });

  it('blocking a topic deletes its data, decides again and stops recording it', async () => {
    const page = await visitor();
    await becomeCamper(page);
    await openFromFooter(page);
    await expect.poll(() => panelText(page)).toMatch(/tents: \d+ events/);
    await clickButton(page, 'Block tents');
    await expect.poll(() => panelText(page)).toContain('“tents” is blocked and its data deleted.');
    await expect.poll(() => panelText(page)).toContain('Never tracked: tents.');
    await expect.poll(() => countButtons(page, 'Block tents')).toBe(0);
    expect((await exported(page)).buckets.filter((b) => b.topic === 'tents')).toEqual([]);
    await expect.poll(() => page.evaluate(() => window.inkling!.segment()?.segment)).not.toBe('camper');
    expect(await page.evaluate(() => window.inkling!.settings().blockedTopics)).toEqual(['tents']);

    // New tent clicks are dropped; a bike click after them shows that the batch was stored.
    await closePanel(page);
    for (let i = 0; i < 3; i++) await click(page, card('tents'), i);
    await click(page, card('bikes'));
    await expect.poll(async () => (await exported(page)).buckets.some((b) => b.topic === 'bikes'), { timeout: 5000 }).toBe(true);
    expect((await exported(page)).buckets.filter((b) => b.topic === 'tents')).toEqual([]);
  });

  it('opened from the hero\'s "why?" button it names the variant shown and the default one', async () => {
    const page = await visitor();
    const defaultText = await page.evaluate(() =>
      document.querySelector('#hero > [data-inkling-variant="default"]')!.textContent!.replace(/\s+/g, ' ').trim(),
    );

    // A new visitor sees the default, and the panel says so.
    await click(page, '#hero .inkling-why');
    await waitForButton(page, 'Delete everything');
    await expect.poll(() => panelText(page)).toContain('About this part of the page');
    await expect.poll(() => panelText(page)).toContain('It shows the default version, the same for everyone.');
    await press(page, 'Escape');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('inkling-why'))).toBe(true);

    await becomeCamper(page);
    await click(page, '#hero .inkling-why');
    await waitForButton(page, 'Delete everything');
    const text = await panelText(page);
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
    expect(text).toMatch(/\d[\d,]* bytes about the past 30 days\. Nothing leaves this device\./);
    expect(text).toContain('Segments: trailhead-demo-2026-11-24, issued 2026-11-24.');

    // Opening again (here from the API, while it is open) reuses the one host.
    await page.evaluate(() => window.inkling!.openPanel());
    await expect.poll(() => panelText(page)).not.toContain('About this part of the page');
    expect(await panelCount(page)).toBe(1);
    await press(page, 'Escape');
    await expect.poll(() => panelCount(page)).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('inkling-why'))).toBe(true);
  });

  it('"Show default content" persists across pages; pause records nothing until resume', async () => {
    const page = await visitor();
    await becomeCamper(page);
    await openFromFooter(page);
    await clickButton(page, 'Show default content');
    await waitForButton(page, 'Turn personalization back on');
    expect(await visibleVariants(page, 'hero')).toEqual(['default']);
    await expect.poll(() => panelText(page)).toContain('Why: personalization is off.');
    await page.reload();
    await page.evaluate(() => window.inkling!.ready);
    expect(await visibleVariants(page, 'hero')).toEqual(['default']);
    expect(await page.evaluate(() => window.inkling!.segment())).toBeNull();
    await openFromFooter(page);
    await clickButton(page, 'Turn personalization back on');
    await waitForButton(page, 'Show default content');
    await expect.poll(() => visibleVariants(page, 'hero')).toEqual(['camper']);

    await clickButton(page, 'Pause tracking');
    await waitForButton(page, 'Resume tracking');
    await closePanel(page);
    for (let i = 0; i < 3; i++) await click(page, card('bikes'), i);
    await new Promise((r) => setTimeout(r, 1500)); // longer than the idle flush's 1 s cap
    // Not one of the clicks made while paused is recorded.
    expect((await exported(page)).buckets.filter((b) => b.topic === 'bikes' && b.signal === 'click')).toEqual([]);
    await openFromFooter(page);
    await clickButton(page, 'Resume tracking');
    await waitForButton(page, 'Pause tracking');
    await closePanel(page);
    const bikeClicks = async () =>
      (await exported(page)).buckets.filter((b) => b.topic === 'bikes' && b.signal === 'click').reduce((n, b) => n + b.count, 0);
    // From the keyboard: in WebKitGTK a pointer click right after resuming landed on the card
    // around the button, then again on the button (two clicks; cause not found).
    await focusElement(page, card('bikes'));
    await press(page, 'Enter');
    await expect.poll(bikeClicks, { timeout: 5000 }).toBe(1);
  });

  it('page CSS cannot reach in, its CSS cannot leak out; sites theme it and translate its strings', async () => {
    const page = await visitor();
    const pageStyle = () =>
      page.evaluate(() => {
        const title = getComputedStyle(document.querySelector('.hero-title')!);
        return { sheets: document.adoptedStyleSheets.length, styles: document.querySelectorAll('style').length, font: title.fontSize, color: title.color };
      });
    const before = await pageStyle();
    // Hostile author CSS, and a theme through the documented custom properties.
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = `inkling-panel { display: none !important; opacity: 0 !important; }
        dialog, button, h2 { display: none !important; }
        * { color: red !important; font-size: 4px !important; }
        :root { --inkling-accent: rgb(120, 0, 80); }`;
      document.head.append(style);
    });
    // Loaded straight from the module, as pages using the ESM build can, with translated strings.
    // (Through indirect eval of a string: vitest would rewrite an `import()` inside a function. This page has no CSP.)
    const strings = { title: 'Pourquoi ce contenu ?', forget: 'Tout effacer', stored: '{bytes} octets, {days} jours.' };
    await page.evaluate((given) => {
      const load = (0, eval)("import('/dist/inkling-panel.js')") as Promise<{ openPanel(sdk: unknown, options: unknown): void }>;
      return load.then((m) => (m.openPanel(window.inkling, { opener: document.querySelector('[data-inkling-explain]'), strings: given }), true));
    }, strings);
    await waitForButton(page, 'Tout effacer');
    const inside = await page.evaluate(() => {
      const d = document.querySelector('inkling-panel')!.shadowRoot!.querySelector('dialog')!;
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
    expect(await page.evaluate(() => document.querySelector('inkling-panel')!.shadowRoot!.querySelector('dialog')!.getAttribute('aria-labelledby'))).toBeTruthy();
    await press(page, 'Escape');
    expect(await pageStyle()).toMatchObject({ sheets: before.sheets, styles: before.styles + 1 }); // only the test's own <style>
  });

  it('is fetched only when first opened, and works under a strict CSP', async () => {
    const since = t.server.requests.length;
    const panelRequests = () => t.server.requests.slice(since).filter((r) => r.path.includes('inkling-panel')).map((r) => r.path);
    const page = await open((await t.visitor()).tab, '/marketplace/?csp=strict');
    await becomeCamper(page);
    await new Promise((r) => setTimeout(r, 500));
    expect(panelRequests()).toEqual([]);

    await openFromFooter(page);
    expect(panelRequests()).toEqual(['/dist/inkling-panel.js']);
    // Styled through a constructable stylesheet, which the CSP allows.
    expect(await page.evaluate(() => [getComputedStyle(document.querySelector('inkling-panel')!.shadowRoot!.querySelector('dialog')!).display, getComputedStyle(document.querySelector('inkling-panel')!.shadowRoot!.querySelector('dialog')!).borderRadius])).toEqual(['flex', '12px']);
    await expect.poll(() => panelText(page)).toContain('Weekend camper');
    await clickButton(page, 'Download my data');
    await expect.poll(async () => (await downloads(page)).map((d) => d.name)).toEqual(['inkling-profile.json']);
    await press(page, 'Escape');
    await click(page, '[data-inkling-explain]');
    await waitForButton(page, 'Delete everything');
    expect(panelRequests()).toHaveLength(1); // the module is fetched once
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    expect(await page.problems()).toEqual({ pageErrors: [], consoleErrors: [], warnings: [] });
  });

  it('opened by a second copy of its module and closed there, it opens again as a modal dialog from the first', async () => {
    const page = await visitor();
    await openFromFooter(page);
    // Another copy (another URL) opens its own panel; the first copy's, still open, is taken off the page.
    await page.evaluate(() => (new Function('u', 'return import(u)')('/dist/inkling-panel.js?copy=2') as Promise<{ openPanel(sdk: unknown): Promise<void> }>).then((m) => m.openPanel(window.inkling), () => undefined).then(() => true));
    await waitForButton(page, 'Delete everything');
    expect(await panelCount(page)).toBe(1);
    await closePanel(page);

    await openFromFooter(page);
    expect(await panelCount(page)).toBe(1);
    expect(await page.evaluate(() => document.querySelector('inkling-panel')!.shadowRoot!.querySelector('dialog')!.matches(':modal'))).toBe(true);
    await closePanel(page);
    expect(await focused(page)).toMatchObject({ inPanel: false, tag: 'button' });
    expect((await page.problems()).pageErrors).toEqual([]);
  });

  it('without constructable stylesheets it falls back to a <style> carrying the page nonce', async () => {
    const page = await open((await t.visitor()).tab, '/marketplace/nonce.html?csp=nonce&harness=no-cssstylesheet');
    await openFromFooter(page);
    expect(await page.evaluate(() => document.querySelector('inkling-panel')!.shadowRoot!.querySelector('style')?.nonce)).toBe('n0nce');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('inkling-panel')!.shadowRoot!.querySelector('dialog')!).display)).toBe('flex');
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    expect((await page.problems()).pageErrors).toEqual([]);
  });
});
