import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Tab } from './drivers/types';
import { generateKeys, signManifest } from '../support/signManifest';
import { click } from './support/click';
import { events, storedCounts, visibleVariants } from './support/readPage';
import { useEngine } from './support/useEngine';
import { waitFor } from './support/waitFor';

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

let answer: Answer = { body: json(good) };

const t = useEngine(() => ({
  routes: {
    '/marketplace/trusted.html': { type: 'text/html', body: page_ },
    // The same page with a short manifest time-out, as a site may configure it.
    '/marketplace/impatient.html': { type: 'text/html', body: page_.replace('<script src="/dist/inkling.js"', '<script src="/dist/inkling.js" data-manifest-timeout="800"') },
    '/marketplace/manifest.json': async (req: { headers: Record<string, string | undefined> }) => {
      await new Promise((r) => setTimeout(r, answer.delayMs ?? 0));
      const etag = answer.headers?.ETag;
      if (etag && req.headers['if-none-match'] === etag) return { status: 304, body: '' };
      return { status: answer.status ?? 200, type: 'application/json', body: answer.body, headers: answer.headers, drop: answer.drop };
    },
  },
}));

/** Loads a page of this test server in the tab, recording the SDK's events, and waits for its first decision. */
async function load(tab: Tab, path = '/marketplace/trusted.html'): Promise<void> {
  await tab.goto(`${t.server.url}${path}?harness=events`);
  await tab.evaluate(() => window.inkling!.ready);
}
const errorsOf = async (tab: Tab) => (await events(tab)).filter((e) => e.type === 'error').map((e) => e.detail);
const save = (topic: string) => `.card[data-inkling-topic="${topic}"] [data-inkling-action="save"]`;

describe('every bad manifest gives one error event with a stable code and default content', () => {
  it.each(Object.entries(cases))('%s', async (_, bad) => {
    answer = bad;
    const { tab } = await t.visitor();
    await load(tab, bad.code === 'manifest-timeout' ? '/marketplace/impatient.html' : undefined);
    expect(await tab.evaluate(() => window.inkling!.segment())).toBeNull();

    // Activity is still recorded for when a good manifest arrives, and causes no further errors.
    await click(tab, save('tents'));
    await expect.poll(() => storedCounts(tab), { timeout: 3000 }).toEqual({ tents: 1 });

    const errors = await errorsOf(tab);
    expect(errors.map((e) => e.code)).toEqual([bad.code]);
    expect(errors[0]?.message).toContain(bad.says);
    const problems = await tab.problems();
    expect(problems.warnings).toEqual([errors[0]?.message]);
    expect(problems.pageErrors).toEqual([]);
    expect(await visibleVariants(tab, 'hero')).toEqual(['default']);
  });
});

describe('the last good manifest', () => {
  it('keeps personalising from the cache when the server then sends a bad manifest, or cannot be reached', async () => {
    const { tab } = await t.visitor();
    answer = { body: json(good), headers: { ETag: '"good-1"' } };
    await load(tab);
    for (let i = 0; i < 5; i++) await click(tab, save('bikes'), i);
    await waitFor(tab, () => getComputedStyle(document.querySelector('[data-inkling-variant="cyclist"]')!).display !== 'none');

    answer = cases['a bad signature']!;
    await load(tab);
    expect(await visibleVariants(tab, 'hero')).toEqual(['cyclist']);
    await expect.poll(async () => (await errorsOf(tab)).map((e) => e.code), { timeout: 5000 }).toEqual(['manifest-signature']);
    expect(await visibleVariants(tab, 'hero')).toEqual(['cyclist']);

    answer = { drop: true };
    await load(tab);
    expect(await visibleVariants(tab, 'hero')).toEqual(['cyclist']);
    await expect.poll(async () => (await errorsOf(tab)).map((e) => e.code), { timeout: 5000 }).toEqual(['manifest-fetch']);
  });

  it('revalidates with If-None-Match and gets 304 Not Modified', async () => {
    const since = t.server.requests.length;
    const { tab } = await t.visitor();
    answer = { body: json(good), headers: { ETag: '"good-2"' } };
    await load(tab);
    await load(tab);
    const seen = () => t.server.requests.slice(since).filter((r) => r.path === '/marketplace/manifest.json').map((r) => r.headers['if-none-match']);
    await expect.poll(seen, { timeout: 3000 }).toEqual([undefined, '"good-2"']);
  });
});
