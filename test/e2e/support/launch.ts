import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../vitest.config';

const DIST = new URL('../../../dist/inkling.js', import.meta.url);

/** Launches Debian's Chromium headless with the flags that work as root on a closed network. */
export async function launch(): Promise<Browser> {
  if (!existsSync(DIST)) throw new Error('dist/ is missing: run `npm run build` before the e2e tests (npm test does it for you)');
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** Everything a page reported that a visitor's console would show as a problem. */
export interface PageProblems {
  /** Uncaught exceptions. */
  pageErrors: string[];
  /** `console.error` messages (including failed loads). */
  consoleErrors: string[];
  /** `console.warn` messages. */
  warnings: string[];
}

/** Starts collecting a page's errors and warnings. */
export function watchProblems(page: Page): PageProblems {
  const problems: PageProblems = { pageErrors: [], consoleErrors: [], warnings: [] };
  page.on('pageerror', (e) => problems.pageErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.consoleErrors.push(m.text());
    if (m.type() === 'warning') problems.warnings.push(m.text());
  });
  return problems;
}

/**
 * Records every `error` and `segmentchange` event of the script tag's instance from the moment
 * `window.inkling` is assigned, so none is missed however early it fires.
 */
export async function recordEvents(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __inkling?: unknown; __events: { type: string; detail: unknown }[] };
    w.__events = [];
    Object.defineProperty(window, 'inkling', {
      configurable: true,
      get: () => w.__inkling,
      set(instance: { on(type: string, fn: (d: unknown) => void): void }) {
        w.__inkling = instance;
        for (const type of ['error', 'segmentchange', 'ready']) instance.on(type, (detail) => w.__events.push({ type, detail }));
      },
    });
  });
}

/** The events recorded by `recordEvents`. */
export function events(page: Page): Promise<{ type: string; detail: { code?: string; segment?: string; message?: string } }[]> {
  return page.evaluate(() => (window as unknown as { __events: never[] }).__events);
}

/** The text of the visible variants of a slot. */
export function visibleVariants(page: Page, slot: string): Promise<string[]> {
  return page.evaluate(
    (name) =>
      [...document.querySelectorAll(`[data-inkling-slot="${name}"] > [data-inkling-variant]`)]
        .filter((el) => getComputedStyle(el).display !== 'none')
        .map((el) => el.getAttribute('data-inkling-variant') ?? ''),
    slot,
  );
}

/** Every stored bucket, straight from the page origin's IndexedDB. */
export function storedBuckets(page: Page): Promise<{ signal: string; topic: string; action: string; count: number; sum: number; max: number }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('inkling');
        // Never create the database from here: that would skip the SDK's own upgrade.
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => resolve([]);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('buckets').objectStore('buckets').getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result);
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

/** Click counts per topic, straight from the page origin's IndexedDB. */
export async function storedCounts(page: Page): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const row of await storedBuckets(page)) if (row.signal === 'click') counts[row.topic] = (counts[row.topic] ?? 0) + row.count;
  return counts;
}
