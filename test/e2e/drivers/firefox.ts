// Firefox ESR (Debian's `firefox-esr`) driven by puppeteer-core over WebDriver BiDi.
// Playwright cannot drive a stock Firefox and geckodriver is not available here (TOOLCHAIN.md).
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import type { Engine, KeyName, PageProblems, Session, SessionOptions, Tab } from './types';
import { DEFAULT_VIEWPORT } from './defaultViewport';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/lib/firefox-esr/firefox-esr';

/**
 * Launches Firefox ESR headless. Colour scheme and reduced motion are browser-wide preferences in
 * Firefox (BiDi has no per-page media emulation yet), so a session that asks for them gets a
 * browser of its own, launched once with those preferences.
 */
export async function launchFirefox(): Promise<Engine> {
  const browsers = new Map<string, Promise<Browser>>();
  const browserFor = (options: SessionOptions) => {
    const key = `${options.colorScheme ?? 'light'}/${options.reducedMotion ?? 'no-preference'}`;
    if (!browsers.has(key)) browsers.set(key, start(options));
    return browsers.get(key)!;
  };
  const first = await browserFor({});
  return {
    name: 'firefox',
    version: (await first.version()).replace(/^firefox\//i, 'Firefox ESR '),
    cannot: {},
    async newSession(options: SessionOptions = {}): Promise<Session> {
      const context = await (await browserFor(options)).createBrowserContext();
      const viewport = options.viewport ?? DEFAULT_VIEWPORT;
      return {
        async newTab() {
          const page = await context.newPage();
          await page.setViewport(viewport);
          return puppeteerTab(page);
        },
        close: () => context.close(),
      };
    },
    async close() {
      await Promise.all([...browsers.values()].map(async (b) => (await b).close()));
    },
  };
}

function start(options: SessionOptions): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX_PATH,
    headless: true,
    extraPrefsFirefox: {
      // 0 dark, 1 light: what `prefers-color-scheme` reports to pages.
      'layout.css.prefers-color-scheme.content-override': options.colorScheme === 'dark' ? 0 : 1,
      'ui.prefersReducedMotion': options.reducedMotion === 'reduce' ? 1 : 0,
    },
  });
}

function puppeteerTab(page: Page): Tab {
  const problems: PageProblems = { pageErrors: [], consoleErrors: [], warnings: [] };
  // Firefox reports its own CSP blocks as JavaScript errors; Chromium logs them as console errors, where they belong.
  page.on('pageerror', (e) => (/^Content-Security-Policy:/.test((e as Error).message) ? problems.consoleErrors : problems.pageErrors).push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.consoleErrors.push(m.text());
    if (m.type() === 'warn') problems.warnings.push(m.text());
  });
  return {
    goto: async (url, waitUntil = 'load') => void (await page.goto(url, { waitUntil })),
    reload: async () => void (await page.reload()),
    url: async () => page.url(),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    // Puppeteer's own element click: it scrolls the element into view and clicks its centre as it is now.
    async clickElement(find, arg) {
      const element = (await page.evaluateHandle(find, arg)).asElement() as ElementHandle<Element> | null;
      if (!element) throw new Error(`Firefox: nothing to click for ${JSON.stringify(arg)}`);
      await element.click();
    },
    mouseMove: (x, y) => page.mouse.move(x, y),
    wheel: (deltaY) => page.mouse.wheel({ deltaY }),
    async press(key: KeyName) {
      if (key === 'Shift+Tab') {
        await page.keyboard.down('Shift');
        await page.keyboard.press('Tab');
        await page.keyboard.up('Shift');
      } else await page.keyboard.press(key);
    },
    bringToFront: () => page.bringToFront(),
    screenshot: async (path) => void (await page.screenshot({ path: path as `${string}.png` })),
    problems: async () => structuredClone(problems),
    close: () => page.close({ runBeforeUnload: true }),
  };
}
