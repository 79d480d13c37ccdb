// WebKitGTK's MiniBrowser (Debian's `webkit2gtk-driver`) driven by webdriverio over classic
// WebDriver through WebKitWebDriver, shown on the Xvfb display the test run started
// (support/globalSetup.ts). MiniBrowser has no headless mode, and WebKitWebDriver speaks only
// classic WebDriver: no console events, no per-page media emulation.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { remote } from 'webdriverio';
import { PROBLEMS_KEY } from '../support/pageScripts';
import { startWebKitWebDriver } from '../support/startWebKitWebDriver';
import type { StartedProcess } from '../support/startProcess';
import { DEFAULT_VIEWPORT } from './defaultViewport';
import type { Engine, KeyName, PageProblems, Session, SessionOptions, Tab, WaitUntil } from './types';

export const MINIBROWSER_PATH = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

type Browser = WebdriverIO.Browser;

/** WebDriver's codes for the keys the scenarios press. */
const KEYS: Record<string, string> = { Enter: '\uE007', Tab: '\uE004', Shift: '\uE008', Escape: '\uE00C', ' ': ' ' };

/**
 * Launches WebKitWebDriver on `display`. Each session is a new MiniBrowser with an ephemeral
 * profile. Reduced motion follows GTK's `gtk-enable-animations` setting, read when the browser
 * starts, so reduced-motion sessions come from a second WebKitWebDriver with its own GTK settings.
 * `requestIdleCallback` is left off, as in Safari.
 */
export async function launchWebKit(display: string): Promise<Engine> {
  const drivers = new Map<boolean, Promise<StartedProcess & { port: number }>>();
  const driverFor = (reducedMotion: boolean) => {
    if (!drivers.has(reducedMotion)) drivers.set(reducedMotion, startWebKitWebDriver(display, reducedMotion ? { XDG_CONFIG_HOME: gtkSettings() } : {}));
    return drivers.get(reducedMotion)!;
  };
  // Now and then (about one session in a hundred here) WebKitWebDriver drops the new-session
  // request: that driver is replaced by a fresh one and the session asked for once more.
  const open = async (options: SessionOptions = {}): Promise<Browser> => {
    const reduced = options.reducedMotion === 'reduce';
    try {
      return await connect(options, (await driverFor(reduced)).port);
    } catch {
      const broken = drivers.get(reduced);
      drivers.delete(reduced);
      await (await broken?.catch(() => undefined))?.stop();
      return connect(options, (await driverFor(reduced)).port);
    }
  };
  const connect = (options: SessionOptions, port: number) =>
    remote({
      hostname: '127.0.0.1',
      port,
      logLevel: 'silent',
      connectionRetryCount: 0,
      connectionRetryTimeout: 20_000,
      capabilities: {
        browserName: 'MiniBrowser',
        // WebKitWebDriver's own wait (normal or eager) hangs on pages that start a Worker: the tab waits itself.
        pageLoadStrategy: 'none',
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: MINIBROWSER_PATH, args: ['--automation', '--enable-smooth-scrolling=false', ...(options.colorScheme === 'dark' ? ['--dark-mode'] : [])] },
      } as WebdriverIO.Capabilities,
    });
  const probe = await open();
  const version = `WebKitGTK ${(probe.capabilities as { browserVersion?: string }).browserVersion ?? '?'}`;
  await probe.deleteSession();
  return {
    name: 'webkit',
    version,
    cannot: {
      narrowViewport:
        "MiniBrowser's window keeps its toolbar at least 447 px wide and classic WebDriver has no viewport emulation, so a 360 px phone viewport cannot be had",
      console:
        'WebKitWebDriver speaks only classic WebDriver, which has no console events: the page-side recorder sees console.warn/error calls, uncaught errors, failed element loads and CSP violation events, not messages the browser itself logs',
    },
    async newSession(options: SessionOptions = {}): Promise<Session> {
      const browser = await open(options);
      const viewport = options.viewport ?? DEFAULT_VIEWPORT;
      let first: string | undefined = await browser.getWindowHandle();
      let current = first;
      const focus = async (handle: string) => {
        if (current !== handle) await browser.switchToWindow(handle);
        current = handle;
      };
      // One WebDriver session serves every tab, one command at a time: a tab's switch and its
      // command must not interleave with another tab's.
      let queue: Promise<unknown> = Promise.resolve();
      const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
        const run = queue.then(fn, fn);
        queue = run.catch(() => undefined);
        return run;
      };
      return {
        async newTab() {
          let handle: string;
          if (first) [handle, first] = [first, undefined];
          else handle = (await browser.createWindow('tab')).handle;
          await focus(handle);
          await setViewport(browser, viewport);
          return serialized(webdriverTab(browser, () => focus(handle)), exclusive);
        },
        close: () => browser.deleteSession().catch(() => undefined),
      };
    },
    async close() {
      await Promise.all([...drivers.values()].map(async (d) => (await d.catch(() => undefined))?.stop()));
    },
  };
}

/** The tab with each method run under `exclusive` (navigations poll, so they hold it for a while). */
function serialized(tab: Tab, exclusive: <T>(fn: () => Promise<T>) => Promise<T>): Tab {
  const wrapped = {} as Record<string, unknown>;
  for (const [name, method] of Object.entries(tab))
    wrapped[name] = typeof method === 'function' ? (...args: unknown[]) => exclusive(() => (method as (...a: unknown[]) => Promise<unknown>)(...args)) : method;
  return wrapped as unknown as Tab;
}

/** A GTK settings folder with animations off, which WebKitGTK reports as `prefers-reduced-motion: reduce`. */
function gtkSettings(): string {
  const home = mkdtempSync(join(tmpdir(), 'inkling-gtk-'));
  mkdirSync(join(home, 'gtk-3.0'));
  writeFileSync(join(home, 'gtk-3.0', 'settings.ini'), '[Settings]\ngtk-enable-animations=0\n');
  return home;
}

/** Sizes the window so that the layout viewport is `viewport` (the window adds its own frame). */
async function setViewport(browser: Browser, viewport: { width: number; height: number }): Promise<void> {
  // A new window may still be settling its size (the window manager-less Xvfb): measure again until it fits.
  for (let i = 0; i < 10; i++) {
    const inner = await browser.execute(() => [innerWidth, innerHeight]);
    const [w, h] = inner as [number, number];
    if (w === viewport.width && h === viewport.height) return;
    const rect = await browser.getWindowRect();
    await browser.setWindowRect(null, null, rect.width + viewport.width - w, rect.height + viewport.height - h);
    await new Promise((r) => setTimeout(r, 50));
  }
  const [w, h] = (await browser.execute(() => [innerWidth, innerHeight])) as [number, number];
  if (w !== viewport.width || h !== viewport.height) throw new Error(`WebKit: MiniBrowser's window gives a ${w} × ${h} viewport, not ${viewport.width} × ${viewport.height}`);
}

function webdriverTab(browser: Browser, focus: () => Promise<void>): Tab {
  let mouse = { x: 0, y: 0 };
  let wheels = 0;
  const pointer = (actions: object[]) => browser.performActions([{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }]);
  // Marks the document shown now, starts a navigation, and waits until a new document has got as far as asked.
  const navigate = async (start: () => Promise<unknown>, waitUntil: WaitUntil) => {
    await focus();
    await browser.execute(() => void ((document as unknown as Record<string, boolean>).__left = true)).catch(() => undefined);
    await start();
    const ready = waitUntil === 'load' ? ['complete'] : ['interactive', 'complete'];
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const state = await browser.execute(() => ((document as unknown as Record<string, boolean>).__left ? 'old' : document.readyState)).catch(() => 'old');
      if (ready.includes(state)) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`WebKit: the page did not reach ${waitUntil} within 30 s`);
  };
  const problems = async (): Promise<PageProblems> =>
    JSON.parse(((await browser.execute((key) => sessionStorage.getItem(key), PROBLEMS_KEY).catch(() => null)) as string | null) ?? '{"pageErrors":[],"consoleErrors":[],"warnings":[]}');
  return {
    goto: (url, waitUntil = 'load') => navigate(() => browser.navigateTo(url), waitUntil),
    reload: () => navigate(() => browser.refresh(), 'load'),
    url: async () => (await focus(), browser.getUrl()),
    async evaluate(fn, arg) {
      await focus();
      return (await browser.execute(fn as never, arg as never)) as never;
    },
    // WebDriver's Element Click: clicks at coordinates (pointer actions) often landed on a
    // neighbour of the element measured a moment before in WebKitGTK (cause not found).
    async clickElement(find, arg) {
      await focus();
      // webdriverio hands an element back as an element object (elementId), or as the raw reference.
      const element = (await browser.execute(find as never, arg as never)) as unknown as Record<string, string> | null;
      const id = element && (element.elementId ?? element['element-6066-11e4-a52e-4f735466cecf']);
      if (!id) throw new Error(`WebKit: nothing to click for ${JSON.stringify(arg)}`);
      await browser.elementClick(id);
    },
    async mouseMove(x, y) {
      await focus();
      mouse = { x: Math.round(x), y: Math.round(y) };
      await pointer([{ type: 'pointerMove', duration: 0, origin: 'viewport', ...mouse }]);
    },
    async wheel(deltaY) {
      await focus();
      // performActions without releaseActions: a release would send an equal and opposite wheel
      // (TOOLCHAIN.md). WebKitWebDriver then ignores further scrolls of the same input source, so each wheel is a new one.
      await browser.performActions([{ type: 'wheel', id: `wheel-${++wheels}`, actions: [{ type: 'scroll', origin: 'viewport', ...mouse, deltaX: 0, deltaY, duration: 0 }] }]);
    },
    async press(key: KeyName) {
      await focus();
      const keys = key === 'Shift+Tab' ? ['Shift', 'Tab'] : [key];
      const down = keys.map((k) => ({ type: 'keyDown', value: KEYS[k]! }));
      const up = [...keys].reverse().map((k) => ({ type: 'keyUp', value: KEYS[k]! }));
      await browser.performActions([{ type: 'key', id: 'keyboard', actions: [...down, ...up] }]);
    },
    bringToFront: focus,
    async screenshot(path) {
      await focus();
      await browser.saveScreenshot(path);
    },
    problems: async () => (await focus(), problems()),
    async close() {
      await focus();
      await browser.closeWindow();
    },
  };
}
