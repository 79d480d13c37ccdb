// Chromium (Debian's `chromium`) driven by playwright-core over the Chrome DevTools Protocol.
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../vitest.config';
import type { Engine, KeyName, PageProblems, Session, SessionOptions, Tab } from './types';
import { DEFAULT_VIEWPORT } from './defaultViewport';

/** Launches Debian's Chromium headless with the flags that work as root on a closed network. */
export async function launchChromium(): Promise<Engine> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  return {
    name: 'chromium',
    version: `Chromium ${browser.version()}`,
    cannot: {},
    async newSession(options: SessionOptions = {}): Promise<Session> {
      const context = await browser.newContext({
        viewport: options.viewport ?? DEFAULT_VIEWPORT,
        colorScheme: options.colorScheme ?? 'light',
        reducedMotion: options.reducedMotion ?? 'no-preference',
      });
      return { newTab: async () => playwrightTab(await context.newPage()), close: () => context.close() };
    },
    close: () => browser.close(),
  };
}

function playwrightTab(page: Page): Tab {
  const problems: PageProblems = { pageErrors: [], consoleErrors: [], warnings: [] };
  page.on('pageerror', (e) => problems.pageErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.consoleErrors.push(m.text());
    if (m.type() === 'warning') problems.warnings.push(m.text());
  });
  return {
    goto: async (url, waitUntil = 'load') => void (await page.goto(url, { waitUntil })),
    reload: async () => void (await page.reload()),
    url: async () => page.url(),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    // Playwright's own element click: it waits for the element to be visible, still and the one
    // hit at its centre, and retries, where coordinates measured a moment before could be stale.
    async clickElement(find, arg) {
      const element = (await page.evaluateHandle(find, arg)).asElement();
      if (!element) throw new Error(`Chromium: nothing to click for ${JSON.stringify(arg)}`);
      await element.click();
    },
    mouseMove: (x, y) => page.mouse.move(x, y),
    wheel: (deltaY) => page.mouse.wheel(0, deltaY),
    press: (key: KeyName) => page.keyboard.press(key === ' ' ? 'Space' : key),
    bringToFront: () => page.bringToFront(),
    screenshot: async (path) => void (await page.screenshot({ path })),
    problems: async () => structuredClone(problems),
    close: () => page.close({ runBeforeUnload: true }),
  };
}
