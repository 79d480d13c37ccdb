import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { serve } from '../../examples/serve.mjs';
import { generateKeys, signManifest } from '../support/signManifest';
import { events, launch, recordEvents, storedCounts, visibleVariants, watchProblems } from './support/launch';

// The demo page, trusting a key this test holds, so it can sign good and bad manifests itself.
const keys = generateKeys();
const stranger = generateKeys();
const page_ = readFileSync(new URL('../../examples/marketplace/index.html', import.meta.url), 'utf8').replace(/data-key="[^"]*"/, `data-key="${keys.publicKey}"`);
const { signature: _, ...base } = JSON.parse(readFileSync(new URL('../../examples/marketplace/manifest.json', import.meta.url), 'utf8'));
const good = signManifest(base, keys);
const json = (m: unknown) => JSON.stringify(m);

type Answer = { status?: number; body?: string; delayMs?: number; headers?: Record<string, string>; drop?: boolean };
const cases: Record<string, Answer & { code: string; says: string }> = {
  'not JSON': { body: '{"inkling": 1,', code: 'manifest-parse', says: 'is not JSON' },
  'an HTML error page': { body: '<!doctype html><title>Error</title>', code: 'manifest-parse', says: 'is not JSON' },
  'a 404': { status: 404, body: 'Not found', code: 'manifest-fetch', says: 'HTTP 404' },
  'a 500': { status: 500, body: 'oops', code: 'manifest-fetch', says: 'HTTP 500' },
  'a slow server': { body: json(good), delayMs: 3000, code: 'manifest-timeout', says: 'within 800 ms' },
  'over 1 MB': { body: json({ ...good, padding: 'x'.repeat(1_100_000) }), code: 'manifest-too-large', says: 'larger than 1000000 bytes' },
  'NaN': { body: json(good).replace('"hysteresis":0.1', '"hysteresis":NaN'), code: 'manifest-parse', says: 'is not JSON' },
  'Infinity': { body: json(good).replace('"hysteresis":0.1', '"hysteresis":1e999'), code: 'manifest-invalid', says: 'hysteresis must be' },
  'mismatched dimensions': {
    body: json(signManifest({ ...base, segments: base.segments.map((s: { centroid: number[] }, i: number) => (i === 1 ? { ...s, centroid: s.centroid.slice(1) } : s)) }, keys)),
    code: 'manifest-dimensions',
    says: 'segments[1].centroid has 5 numbers, expected 6',
  },
  'an unknown version': { body: json(signManifest({ ...base, inkling: 2 }, keys)), code: 'manifest-version', says: 'inkling is 2' },
  'a bad signature': { body: json(signManifest(base, stranger)), code: 'manifest-signature', says: 'does not match' },
  'no signature': { body: json(base), code: 'manifest-signature', says: 'not signed' },
  'an expired manifest': { body: json(signManifest({ ...base, issued: '2025-01-01T00:00:00Z', expires: '2025-02-01T00:00:00Z' }, keys)), code: 'manifest-expired', says: 'expired at 2025-02-01' },
};

let browser: Browser;
let server: { url: string; close(): Promise<void> };
let answer: Answer = { body: json(good) };

beforeAll(async () => {
  const routes = {
    '/marketplace/trusted.html': { type: 'text/html', body: page_ },
    // The same page with a short manifest time-out, as a site may configure it.
    '/marketplace/impatient.html': { type: 'text/html', body: page_.replace('<script src="/dist/inkling.js"', '<script src="/dist/inkling.js" data-manifest-timeout="800"') },
    '/marketplace/manifest.json': async (req: { headers: Record<string, string | undefined> }) => {
      await new Promise((r) => setTimeout(r, answer.delayMs ?? 0));
      const etag = answer.headers?.ETag;
      if (etag && req.headers['if-none-match'] === etag) return { status: 304, body: '' };
      return { status: answer.status ?? 200, type: 'application/json', body: answer.body, headers: answer.headers, drop: answer.drop };
    },
  };
  [browser, server] = await Promise.all([launch(), serve({ routes })]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(page: Page, path = '/marketplace/trusted.html'): Promise<void> {
  await recordEvents(page);
  await page.goto(`${server.url}${path}`);
  await page.evaluate(() => window.inkling!.ready);
}
const errorsOf = async (page: Page) => (await events(page)).filter((e) => e.type === 'error').map((e) => e.detail);

describe('every bad manifest gives one error event with a stable code and default content', () => {
  it.each(Object.entries(cases))('%s', async (_, bad) => {
    answer = bad;
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await open(page, bad.code === 'manifest-timeout' ? '/marketplace/impatient.html' : undefined);
    expect(await page.evaluate(() => window.inkling!.segment())).toBeNull();

    // Activity is still recorded for when a good manifest arrives, and causes no further errors.
    await page.locator('.card[data-inkling-topic="tents"] [data-inkling-action="save"]').first().click();
    await expect.poll(() => storedCounts(page), { timeout: 3000 }).toEqual({ tents: 1 });

    const errors = await errorsOf(page);
    expect(errors.map((e) => e.code)).toEqual([bad.code]);
    expect(errors[0]?.message).toContain(bad.says);
    expect(problems.warnings).toEqual([errors[0]?.message]);
    expect(problems.pageErrors).toEqual([]);
    expect(await visibleVariants(page, 'hero')).toEqual(['default']);
    await context.close();
  });
});

describe('the last good manifest', () => {
  it('keeps personalising from the cache when the server then sends a bad manifest, or cannot be reached', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    answer = { body: json(good), headers: { ETag: '"good-1"' } };
    await open(page);
    for (let i = 0; i < 5; i++) await page.locator('.card[data-inkling-topic="bikes"] [data-inkling-action="save"]').nth(i).click();
    await page.locator('[data-inkling-variant="cyclist"]').waitFor({ state: 'visible', timeout: 5000 });

    answer = cases['a bad signature']!;
    await open(page);
    expect(await visibleVariants(page, 'hero')).toEqual(['cyclist']);
    await expect.poll(async () => (await errorsOf(page)).map((e) => e.code), { timeout: 5000 }).toEqual(['manifest-signature']);
    expect(await visibleVariants(page, 'hero')).toEqual(['cyclist']);

    answer = { drop: true };
    await open(page);
    expect(await visibleVariants(page, 'hero')).toEqual(['cyclist']);
    await expect.poll(async () => (await errorsOf(page)).map((e) => e.code), { timeout: 5000 }).toEqual(['manifest-fetch']);
    await context.close();
  });

  it('revalidates with If-None-Match and gets 304 Not Modified', async () => {
    const seen: (string | undefined)[] = [];
    const context = await browser.newContext();
    const page = await context.newPage();
    answer = { body: json(good), headers: { ETag: '"good-2"' } };
    page.on('request', (r) => {
      if (r.url().endsWith('/manifest.json')) seen.push(r.headers()['if-none-match']);
    });
    await open(page);
    await open(page);
    await expect.poll(() => seen, { timeout: 3000 }).toEqual([undefined, '"good-2"']);
    await context.close();
  });
});
