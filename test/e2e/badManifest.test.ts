import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { serve } from '../../examples/serve.mjs';
import { events, launch, recordEvents, storedCounts, visibleVariants, watchProblems } from './support/launch';

const good = JSON.parse(readFileSync(new URL('../../examples/marketplace/manifest.json', import.meta.url), 'utf8'));
const cases = {
  'a wrong spec version': { body: JSON.stringify({ ...good, inkling: 2 }), status: 200, code: 'manifest-version', says: 'inkling is 2' },
  'centroids of the wrong length': {
    body: JSON.stringify({ ...good, segments: good.segments.map((s: { centroid: number[] }, i: number) => (i === 1 ? { ...s, centroid: s.centroid.slice(1) } : s)) }),
    status: 200,
    code: 'manifest-dimensions',
    says: 'segments[1].centroid has 5 numbers, expected 6',
  },
  'an HTML error page': { body: '<!doctype html><title>Error</title>', status: 200, code: 'manifest-parse', says: 'is not JSON' },
  'a server error': { body: 'oops', status: 500, code: 'manifest-fetch', says: 'HTTP 500' },
};

let browser: Browser;
let server: { url: string; close(): Promise<void> };
let current: { body: string; status: number } = cases['a wrong spec version'];

beforeAll(async () => {
  const routes = { '/marketplace/manifest.json': () => ({ ...current, type: 'application/json' }) };
  [browser, server] = await Promise.all([launch(), serve({ routes })]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a bad manifest on the marketplace demo', () => {
  it.each(Object.entries(cases))('%s: one error event, one warning, default content, no exception', async (_, manifest) => {
    current = manifest;
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await recordEvents(page);
    await page.goto(`${server.url}/marketplace/`);
    expect(await page.evaluate(() => window.inkling!.ready)).toBeNull();

    // Activity is still recorded for when a good manifest arrives, and causes no further errors.
    await page.locator('.card[data-inkling-topic="tents"] [data-inkling-action="save"]').first().click();
    await expect.poll(() => storedCounts(page), { timeout: 3000 }).toEqual({ tents: 1 });

    const errors = (await events(page)).filter((e) => e.type === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.detail.code).toBe(manifest.code);
    expect(errors[0]?.detail.message).toContain(manifest.says);
    expect(problems.warnings).toHaveLength(1);
    expect(problems.warnings[0]).toContain(manifest.says);
    expect(problems.pageErrors).toEqual([]);
    expect(await visibleVariants(page, 'hero')).toEqual(['default']);
    expect(await page.evaluate(() => window.inkling!.segment())).toBeNull();
    await context.close();
  });
});
