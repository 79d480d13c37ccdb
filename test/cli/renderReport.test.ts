import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/cli/createRandom';
import { escapeHtml, formatNumber, renderReport, toOriginalUnits } from '../../src/cli/renderReport';
import { sweepK } from '../../src/cli/sweepK';
import { trainManifest } from '../../src/cli/trainManifest';
import type { TrainingSpec } from '../../src/cli/trainingSpec';
import type { Manifest } from '../../src/types/manifest';

const gaussian = (random: () => number) => () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

const spec: TrainingSpec = {
  id: 'report-test',
  features: [
    { name: 'views', signal: 'view', agg: 'sum', transform: 'log1p', label: '<script>alert("views")</script>' },
    { name: 'exits', signal: 'click', agg: 'count', transform: 'none', label: 'exits & bounces' },
    { name: 'dwell', signal: 'dwell', agg: 'mean', transform: 'none', label: 'seconds per page' },
  ],
};

function train() {
  const normal = gaussian(createRandom(6));
  const centres = [[3, 10, 20], [40, 2, 90], [12, 5, 45]];
  const rows = centres.flatMap((c) => Array.from({ length: 200 }, () => ({ views: Math.max(0, c[0]! * Math.exp(0.2 * normal())), exits: c[1]! + normal(), dwell: c[2]! + 4 * normal() })));
  const { manifest, sizes, assignments, z } = trainManifest(rows, spec, { k: 3, seed: 1, now: new Date('2026-11-20T00:00:00Z') });
  const points = Array.from({ length: z.rows }, (_, i) => Array.from(z.data.subarray(i * z.dimensions, (i + 1) * z.dimensions)));
  const sweep = sweepK(points, [2, 3, 4, 5], { seed: 1, restarts: 3 });
  const sample = points.map((p, i) => ({ z: p, segment: assignments[i]! }));
  return { manifest, sizes, sweep, sample };
}

/** A one-feature-per-transform manifest with centroids chosen to land on round numbers. */
const roundManifest: Manifest = {
  inkling: 1,
  id: 'round',
  window: { days: 30, halfLifeDays: 7 },
  minEvidence: 5,
  hysteresis: 0.1,
  features: [
    { name: 'views', signal: 'view', agg: 'sum', transform: 'log1p', mean: Math.log(100), std: 1, label: 'pages viewed' },
    { name: 'dwell', signal: 'dwell', agg: 'mean', transform: 'none', mean: 40, std: 10, label: 'seconds per page' },
  ],
  segments: [
    { id: 'a', label: 'Readers', centroid: [Math.log(2), 1.25] },
    { id: 'b', label: 'Skimmers', centroid: [-Math.log(2), -1] },
  ],
};

describe('renderReport', () => {
  const input = train();
  const html = renderReport(input);

  it('is one self-contained HTML page: inline style, no scripts, no external resources', () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\b(src|href)=/);
    expect(html).not.toMatch(/url\(/);
    expect(html).toContain('<title>Inkling segments · report-test</title>');
  });

  it('draws the elbow, the silhouette and the scatter as SVG, marking the recommended k', () => {
    expect(html).toMatch(/<svg class="chart" id="elbow"[^>]*>.*<polyline/);
    expect(html).toMatch(/<svg class="chart" id="silhouette"[^>]*>.*<rect class="bar/);
    expect(html).toMatch(/<svg class="chart scatter" id="scatter"/);
    expect(html).toContain(`Recommended: k = ${input.sweep.recommended}`);
    expect(html).toContain('class="dot chosen"');
    expect(html).toContain('class="bar chosen"');
    const scatter = html.slice(html.indexOf('id="scatter"'), html.indexOf('</svg>', html.indexOf('id="scatter"')));
    expect(scatter.match(/<circle /g)).toHaveLength(600 + 3);
  });

  it('draws at most 2,000 sample points', () => {
    const big = { ...input, sample: Array.from({ length: 5000 }, (_, i) => input.sample[i % input.sample.length]!) };
    const scatter = renderReport(big).split('<g class="dots">')[1]!.split('</g>')[0]!;
    expect(scatter.match(/<circle /g)).toHaveLength(2000);
  });

  it('shows segment sizes as counts and shares', () => {
    expect(input.sizes).toEqual([200, 200, 200]);
    expect(html).toContain('200 rows · 33.3 %');
  });

  it('escapes every label, so a feature called <script> stays text', () => {
    expect(html).toContain('&lt;script&gt;alert(&quot;views&quot;)&lt;/script&gt;');
    expect(html).toContain('exits &amp; bounces');
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;');
  });

  it('shows centroids in original units: z-score and log1p undone', () => {
    const page = renderReport({ manifest: roundManifest, sample: [{ z: [0, 0], segment: 0 }, { z: [1, 1], segment: 1 }], sizes: [30, 10] });
    const table = page.slice(page.indexOf('<table'), page.indexOf('</table>'));
    // Readers: expm1(ln 100 + ln 2) = 199 pages and 40 + 1.25 × 10 = 52.5 s; the average visitor: 99 pages, 40 s.
    expect(table).toMatch(/<td class="num" style="[^"]*">199<span class="z">\+0\.7σ<\/span><\/td>/);
    expect(table).toMatch(/>52\.5<span class="z">\+1\.3σ</);
    expect(table).toMatch(/<td class="num">99<\/td>/);
    expect(table).toMatch(/>30<span class="z">−1\.0σ</);
    expect(table).toContain('pages viewed');
    expect(page).toContain('30 rows · 75.0 %');
    expect(page).not.toContain('id="elbow"');
  });

  it('takes separate feature statistics when given', () => {
    const page = renderReport({ manifest: roundManifest, sample: [], sizes: [1, 1], featureStats: roundManifest.features.map((f) => ({ ...f, transform: 'none' as const, mean: 0, std: 2 })) });
    expect(page).toMatch(/>2\.5<span class="z">\+1\.3σ</);
    expect(page).not.toContain('id="scatter"');
  });

  it('rejects inconsistent input', () => {
    expect(() => renderReport({ manifest: roundManifest, sample: [], sizes: [1] })).toThrow(/sizes has 1 entries/);
    expect(() => renderReport({ manifest: roundManifest, sample: [{ z: [0, 0], segment: 2 }], sizes: [1, 1] })).toThrow(/sample\[0\]\.segment is 2/);
  });
});

describe('formatNumber and toOriginalUnits', () => {
  it('formats for people and inverts the transform', () => {
    expect(formatNumber(19.000000000000004)).toBe('19');
    expect(formatNumber(1234567.8)).toBe('1,234,568');
    expect(formatNumber(0.12345)).toBe('0.123');
    expect(formatNumber(-0.0001)).toBe('-1.0e-4');
    expect(toOriginalUnits({ transform: 'log1p', mean: Math.log1p(19), std: 0.5 }, 0)).toBeCloseTo(19, 12);
    expect(toOriginalUnits({ transform: 'none', mean: 40, std: 10 }, -1)).toBe(30);
  });
});
