import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serve } from '../../examples/serve.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../vitest.config';
import { readStoredBuckets } from './support/readPage';
import { requireDist } from './support/requireDist';
import { startProcess, type StartedProcess } from './support/startProcess';

// A page the browser prerenders (Speculation Rules: Chromium prerenders a likely next page, often
// on hover) may never be shown. Nothing about it may enter the profile unless the visitor goes
// there. Only Chromium prerenders, and it does not while DevTools drives a page (the status is
// PrerenderingDisabledByDevTools), so this scenario starts Chromium on its own, with no driver:
// the pages report what they see to the test server.

/** What the next page reports: whether it was prerendered, and what the profile holds. */
interface Report {
  prerendered: string | null;
  activated: boolean;
  ready: boolean;
  buckets: string[] | null;
  outbox: string | null;
}

/**
 * The marketplace page, marked: it notes in localStorage whether it began as a prerender, and
 * when it is shown, and when the SDK's first decision is made; as it loads, its own script tracks
 * a custom signal (while prerendering).
 */
const NEXT = readFileSync(new URL('../../examples/marketplace/index.html', import.meta.url), 'utf8')
  .replace(
    '<head>',
    `<head><script>
    localStorage.setItem('test:prerendered', String(document.prerendering === true));
    document.addEventListener('prerenderingchange', () => localStorage.setItem('test:activated', 'true'));
  </script>`,
  )
  .replace('<body data-inkling-topic="outdoor">', `<body data-inkling-topic="outdoor"><script>
    window.inkling.track('loaded', { topic: 'probe' });
    window.inkling.ready.then(() => localStorage.setItem('test:ready', 'true'));
  </script>`);

/** Reads the stored profile (signal/topic/action of each bucket, null without a database) and posts it, with the marks, to /report. */
const REPORT_SCRIPT = `
  ${readStoredBuckets.toString()}
  async function readBuckets() {
    if (!(await indexedDB.databases()).some((d) => d.name === 'inkling')) return null;
    return (await readStoredBuckets()).map((b) => b.signal + '/' + b.topic + '/' + b.action).sort();
  }
  async function report() {
    const body = JSON.stringify({ prerendered: localStorage.getItem('test:prerendered'), activated: localStorage.getItem('test:activated') === 'true', ready: localStorage.getItem('test:ready') === 'true', buckets: await readBuckets(), outbox: localStorage.getItem('inkling:outbox') });
    await fetch('/report', { method: 'POST', body });
  }`;

/**
 * The page the visitor is on: it asks Chromium to prerender the next page and, once that page's
 * SDK has made its first decision (or after 15 s), goes there (`go`) or reports what the profile
 * holds a second later (the SDK stores what it records with that first decision).
 */
const firstPage = (go: boolean) => `<!doctype html><title>Start</title><p>Start</p>
<script type="speculationrules">{"prerender":[{"source":"list","urls":["/marketplace/next.html"]}]}</script>
<script>${REPORT_SCRIPT}
  (async () => {
    for (const start = Date.now(); Date.now() - start < 15000 && localStorage.getItem('test:ready') !== 'true'; ) await new Promise((r) => setTimeout(r, 100));
    ${go ? "location.href = '/marketplace/next.html';" : 'await new Promise((r) => setTimeout(r, 1000)); await report();'}
  })();
</script>`;

const readBody = (req: IncomingMessage) => new Promise<string>((resolve) => {
  let text = '';
  req.on('data', (chunk) => (text += chunk));
  req.on('end', () => resolve(text));
});

describe.runIf(inject('engine') === 'chromium')('a prerendered page (Speculation Rules, Chromium)', () => {
  let server: { url: string; close(): Promise<void> };
  let waiting: ((report: Report) => void) | undefined;
  beforeAll(async () => {
    requireDist();
    server = await serve({
      routes: {
        '/marketplace/stay.html': { status: 200, type: 'text/html; charset=utf-8', body: firstPage(false) },
        '/marketplace/go.html': { status: 200, type: 'text/html; charset=utf-8', body: firstPage(true) },
        // Once shown, the next page reports when its visit is in the profile (or after 8 s).
        '/marketplace/next.html': {
          status: 200,
          type: 'text/html; charset=utf-8',
          body: NEXT.replace(
            '</body>',
            `<script>${REPORT_SCRIPT}
              document.addEventListener('prerenderingchange', async () => {
                for (const start = Date.now(); Date.now() - start < 8000; ) {
                  await new Promise((r) => setTimeout(r, 250));
                  if ((await readBuckets())?.includes('view/outdoor/')) break;
                }
                await report();
              });
            </script></body>`,
          ),
        },
        '/report': async (req: IncomingMessage) => {
          waiting?.(JSON.parse(await readBody(req)) as Report);
          return { status: 204, body: '' };
        },
      },
    });
  });
  afterAll(() => server?.close());

  /** Opens `path` in a fresh Chromium profile with no DevTools attached, and resolves with the first report. */
  async function visit(path: string): Promise<Report> {
    const profile = mkdtempSync(join(tmpdir(), 'inkling-prerender-'));
    const reported = new Promise<Report>((resolve) => (waiting = resolve));
    let browser: StartedProcess | undefined;
    try {
      browser = await startProcess(CHROMIUM_PATH, [...CHROMIUM_ARGS, '--headless=new', `--user-data-dir=${profile}`, `${server.url}${path}`], { ready: async () => true });
      return await Promise.race([reported, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no report from ${path} within 30 s`)), 30_000))]);
    } finally {
      await browser?.stop();
      rmSync(profile, { recursive: true, force: true });
    }
  }

  it('records nothing about a prerendered page the visitor never goes to', async () => {
    const report = await visit('/marketplace/stay.html');
    // The page was prerendered (its SDK ran and decided, so the profile database exists), and never shown.
    expect(report.prerendered).toBe('true');
    expect(report.ready).toBe(true);
    expect(report.activated).toBe(false);
    expect(report.buckets).toEqual([]);
    expect(report.outbox).toBeNull();
  });

  it('records the visit once the visitor goes there: the view, the context and what the page tracked while prerendered', async () => {
    const report = await visit('/marketplace/go.html');
    expect(report.prerendered).toBe('true');
    expect(report.activated).toBe(true);
    // The page's own signal from its load, tracked while it was prerendered, counts too.
    expect(report.buckets).toEqual(expect.arrayContaining(['view/outdoor/', 'context/referrer/internal', 'custom:loaded/probe/']));
  });
});
