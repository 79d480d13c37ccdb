import type { FeatureSpec, Manifest } from '../types/manifest';
import { pca2d } from './pca2d';
import { findElbow, type SweepResult } from './sweepK';

/** What a feature needs to turn a z-score back into the units it was measured in. */
export type FeatureStats = Pick<FeatureSpec, 'name' | 'label' | 'transform' | 'mean' | 'std'>;

/** Everything the training report shows. */
export interface ReportInput {
  /** The trained manifest (centroids in z units). */
  manifest: Manifest;
  /** The sweep over k, when one was run: drawn as the elbow and silhouette charts. */
  sweep?: SweepResult;
  /** Standardised rows and their segment (an index into `manifest.segments`) for the scatter plot; at most 2000 are drawn. */
  sample: readonly { z: readonly number[]; segment: number }[];
  /** Rows per segment, in `manifest.segments` order. */
  sizes: readonly number[];
  /** Per feature, how to undo the z-score and the transform (default: the manifest's features). */
  featureStats?: readonly FeatureStats[];
}

/** Points drawn in the scatter plot at most. */
const MAX_POINTS = 2000;

/** Okabe–Ito's colour-blind-safe colours first, then Tableau 10; repeats beyond 18 segments. */
const PALETTE = [
  '#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#A6761D', '#555555',
  '#4E79A7', '#F28E2B', '#59A14F', '#E15759', '#B07AA1', '#76B7B2', '#EDC948', '#FF9DA7', '#9C755F', '#BAB0AC',
];
const colorOf = (segment: number): string => PALETTE[segment % PALETTE.length]!;

/** Escapes text for HTML and SVG content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Digit grouping without depending on the machine's locale. */
const group = (whole: number): string => String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** A number for people: whole and grouped from 100 up, else 3 significant digits. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const abs = Math.abs(x);
  if (abs >= 100) return group(Math.round(x));
  if (abs !== 0 && abs < 0.001) return x.toExponential(1);
  const short = Number(x.toPrecision(3));
  return String(Object.is(short, -0) ? 0 : short);
}

/** Axis labels: 12k, 3.4M. */
function formatCompact(x: number): string {
  const abs = Math.abs(x);
  for (const [size, suffix] of [[1e9, 'G'], [1e6, 'M'], [1e3, 'k']] as const) if (abs >= size) return `${formatNumber(x / size)}${suffix}`;
  return formatNumber(x);
}

const percent = (part: number, whole: number): string => (whole > 0 ? `${((100 * part) / whole).toFixed(1)} %` : '–');

/** The value a z-score stands for in the feature's original units (z-score and transform undone). */
export function toOriginalUnits(feature: Pick<FeatureSpec, 'transform' | 'mean' | 'std'>, z: number): number {
  const transformed = z * feature.std + feature.mean;
  return feature.transform === 'log1p' ? Math.expm1(transformed) : transformed;
}

/** About five round tick values, the first at or below `min` and the last at or above `max`. */
function ticks(min: number, max: number, count = 5): number[] {
  const top = max > min ? max : min + 1;
  const raw = (top - min) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude;
  const first = Math.floor(min / step + 1e-9);
  const last = Math.ceil(top / step - 1e-9);
  // Multiplying (rather than adding steps up) keeps 0.1 × 3 from printing as 0.30000000000000004.
  return Array.from({ length: last - first + 1 }, (_, i) => Number(((first + i) * step).toPrecision(12)));
}

const f1 = (x: number): string => x.toFixed(1);

/** The frame shared by the two sweep charts: plot area, axes and gridlines. */
interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}
const FRAME: Frame = { width: 460, height: 290, left: 64, right: 16, top: 20, bottom: 48 };

function axes(frame: Frame, yTicks: number[], y: (v: number) => number, xLabel: string, yLabel: string): string {
  const { width, height, left, right, top, bottom } = frame;
  const grid = yTicks
    .map((t) => `<line class="grid" x1="${left}" x2="${width - right}" y1="${f1(y(t))}" y2="${f1(y(t))}"/><text class="tick" x="${left - 8}" y="${f1(y(t) + 4)}" text-anchor="end">${escapeHtml(formatCompact(t))}</text>`)
    .join('');
  return (
    grid +
    `<line class="axis" x1="${left}" x2="${width - right}" y1="${height - bottom}" y2="${height - bottom}"/>` +
    `<text class="axis-label" x="${f1((left + width - right) / 2)}" y="${height - 8}" text-anchor="middle">${escapeHtml(xLabel)}</text>` +
    `<text class="axis-label" transform="translate(16 ${f1((top + height - bottom) / 2)}) rotate(-90)" text-anchor="middle">${escapeHtml(yLabel)}</text>`
  );
}

/** Inertia per k as a line, the recommended k ringed and the elbow named. */
function elbowChart(sweep: SweepResult, elbow: number | undefined): string {
  const { width, height, left, right, top, bottom } = FRAME;
  const results = sweep.results;
  const kMin = results[0]!.k;
  const kMax = results[results.length - 1]!.k;
  const inset = 18; // keeps the end points off the axes
  const x = (k: number) => (kMax === kMin ? (left + width - right) / 2 : left + inset + ((k - kMin) / (kMax - kMin)) * (width - left - right - 2 * inset));
  const yTicks = ticks(0, Math.max(...results.map((r) => r.inertia)));
  const yMax = yTicks[yTicks.length - 1]! || 1;
  const y = (v: number) => height - bottom - (v / yMax) * (height - top - bottom);
  const line = results.map((r) => `${f1(x(r.k))},${f1(y(r.inertia))}`).join(' ');
  const marks = results
    .map((r) => {
      const chosen = r.k === sweep.recommended;
      return (
        `<text class="tick" x="${f1(x(r.k))}" y="${height - bottom + 18}" text-anchor="middle">${r.k}</text>` +
        `<circle cx="${f1(x(r.k))}" cy="${f1(y(r.inertia))}" r="${chosen ? 7 : 4}" class="${chosen ? 'dot chosen' : 'dot'}"><title>k = ${r.k}: inertia ${escapeHtml(formatNumber(r.inertia))}</title></circle>` +
        (r.k === elbow ? `<text class="note" x="${f1(x(r.k) + 10)}" y="${f1(y(r.inertia) - 10)}">elbow</text>` : '')
      );
    })
    .join('');
  const chosen = results.find((r) => r.k === sweep.recommended);
  const guide = chosen ? `<line class="guide" x1="${f1(x(chosen.k))}" x2="${f1(x(chosen.k))}" y1="${top}" y2="${height - bottom}"/>` : '';
  return (
    `<svg class="chart" id="elbow" viewBox="0 0 ${width} ${height}" role="img" aria-label="Inertia for each k">` +
    axes(FRAME, yTicks, y, 'k (number of segments)', 'inertia (within-segment spread)') +
    guide +
    `<polyline class="series" points="${line}"/>` +
    marks +
    `</svg>`
  );
}

/** Silhouette per k as bars, the recommended k highlighted. */
function silhouetteChart(sweep: SweepResult): string {
  const { width, height, left, right, top, bottom } = FRAME;
  const results = sweep.results;
  const scores = results.map((r) => r.silhouette ?? 0);
  const yTicks = ticks(Math.min(0, ...scores), Math.max(0.2, ...scores));
  const lo = yTicks[0]!;
  const hi = yTicks[yTicks.length - 1]!;
  const y = (v: number) => height - bottom - ((v - lo) / (hi - lo || 1)) * (height - top - bottom);
  const band = (width - left - right) / results.length;
  const bars = results
    .map((r, i) => {
      const cx = left + band * (i + 0.5);
      const chosen = r.k === sweep.recommended;
      const label = `<text class="tick" x="${f1(cx)}" y="${height - bottom + 18}" text-anchor="middle">${r.k}</text>`;
      if (r.silhouette === null) return `${label}<text class="value" x="${f1(cx)}" y="${f1(y(0) - 6)}" text-anchor="middle">n/a</text>`;
      const top0 = Math.min(y(r.silhouette), y(0));
      const barHeight = Math.abs(y(r.silhouette) - y(0));
      const barWidth = Math.min(44, band * 0.7);
      return (
        label +
        `<rect class="${chosen ? 'bar chosen' : 'bar'}" x="${f1(cx - barWidth / 2)}" y="${f1(top0)}" width="${f1(barWidth)}" height="${f1(Math.max(barHeight, 1))}"><title>k = ${r.k}: silhouette ${r.silhouette.toFixed(3)}</title></rect>` +
        `<text class="value${chosen ? ' chosen-text' : ''}" x="${f1(cx)}" y="${f1(top0 - 6)}" text-anchor="middle">${r.silhouette.toFixed(2)}</text>`
      );
    })
    .join('');
  const zero = `<line class="axis" x1="${left}" x2="${width - right}" y1="${f1(y(0))}" y2="${f1(y(0))}"/>`;
  return (
    `<svg class="chart" id="silhouette" viewBox="0 0 ${width} ${height}" role="img" aria-label="Silhouette for each k">` +
    axes(FRAME, yTicks, y, 'k (number of segments)', 'mean silhouette (higher is better)') +
    zero +
    bars +
    `</svg>`
  );
}

/** Every `step`-th row, so a large sample still draws quickly and the same way each time. */
function thin<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  const step = items.length / max;
  return Array.from({ length: max }, (_, i) => items[Math.floor(i * step)]!);
}

/** The sample on its two principal axes, coloured by segment, with the centroids on top. */
function scatterChart(manifest: Manifest, sample: ReportInput['sample']): string {
  const points = thin(sample, MAX_POINTS);
  const pca = pca2d(points.map((p) => p.z));
  const projected = points.map((p) => pca.project(p.z));
  const centres = manifest.segments.map((s) => pca.project(s.centroid));
  const all = [...projected, ...centres];
  const xs = all.map((p) => p[0]);
  const ys = all.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const width = 720;
  const pad = 28;
  // One scale for both axes, so distances on screen are honest; the height follows the data's shape.
  const aspect = (y1 - y0) / (x1 - x0 || 1);
  const height = Math.round(Math.min(560, Math.max(280, aspect * (width - 2 * pad) + 2 * pad)));
  const scale = Math.min((width - 2 * pad) / (x1 - x0 || 1), (height - 2 * pad) / (y1 - y0 || 1));
  const ox = (width - (x1 - x0) * scale) / 2;
  const oy = (height - (y1 - y0) * scale) / 2;
  const sx = (v: number) => f1(ox + (v - x0) * scale);
  const sy = (v: number) => f1(height - oy - (v - y0) * scale);
  const dots = projected.map(([x, y], i) => `<circle cx="${sx(x)}" cy="${sy(y)}" r="2.6" fill="${colorOf(points[i]!.segment)}"/>`).join('');
  const centroids = centres
    .map(([x, y], s) => {
      const segment = manifest.segments[s]!;
      return `<g class="centroid"><circle cx="${sx(x)}" cy="${sy(y)}" r="11" fill="${colorOf(s)}"><title>${escapeHtml(`${segment.id}: ${segment.label}`)}</title></circle><text x="${sx(x)}" y="${f1(Number(sy(y)) + 4)}" text-anchor="middle">${s + 1}</text></g>`;
    })
    .join('');
  const share = (v: number) => (pca.totalVariance > 0 ? ` (${Math.round((100 * v) / pca.totalVariance)} % of the variance)` : '');
  return (
    `<svg class="chart scatter" id="scatter" viewBox="0 0 ${width} ${height}" role="img" aria-label="Visitors projected on two principal components, coloured by segment">` +
    `<rect class="plot-bg" x="0" y="0" width="${width}" height="${height}"/>` +
    `<g class="dots">${dots}</g>${centroids}</svg>` +
    `<p class="caption">${points.length} ${points.length < sample.length ? `of ${sample.length} sampled ` : ''}visitors on the first two principal components: horizontal${escapeHtml(share(pca.variances[0]))}, vertical${escapeHtml(share(pca.variances[1]))}. Large numbered circles are the segment centroids. Points that overlap here may still be apart in the other dimensions.</p>`
  );
}

function legend(manifest: Manifest): string {
  return `<ul class="legend">${manifest.segments.map((s, i) => `<li><span class="swatch" style="background:${colorOf(i)}"></span><strong>${i + 1}</strong> ${escapeHtml(s.label || s.id)}</li>`).join('')}</ul>`;
}

/** One row per segment: its words, its share as a bar, its count. */
function sizeBars(manifest: Manifest, sizes: readonly number[]): string {
  const total = sizes.reduce((a, b) => a + b, 0);
  const largest = Math.max(1, ...sizes);
  const rows = manifest.segments
    .map((s, i) => {
      const size = sizes[i] ?? 0;
      return (
        `<li class="segment"><div class="segment-head"><span class="swatch" style="background:${colorOf(i)}"></span>` +
        `<span class="segment-label">${i + 1}. ${escapeHtml(s.label || s.id)}</span> <code>${escapeHtml(s.id)}</code></div>` +
        (s.description ? `<p class="description">${escapeHtml(s.description)}</p>` : '') +
        `<div class="size"><span class="track"><span class="fill" style="width:${f1((100 * size) / largest)}%;background:${colorOf(i)}"></span></span>` +
        `<span class="count">${group(size)} rows · ${percent(size, total)}</span></div></li>`
      );
    })
    .join('');
  return `<ol class="segments">${rows}</ol>`;
}

/** Tints a cell by its z-score: blue above average, orange below, stronger further out. */
function tint(z: number): string {
  const alpha = Math.min(Math.abs(z) / 2.5, 1) * 0.38;
  return z >= 0 ? `rgba(0,114,178,${alpha.toFixed(3)})` : `rgba(213,94,0,${alpha.toFixed(3)})`;
}

/** Centroids converted back to the units the features were measured in. */
function centroidTable(manifest: Manifest, stats: readonly FeatureStats[]): string {
  const head =
    `<tr><th scope="col">Feature</th><th scope="col" class="num">Average visitor</th>` +
    manifest.segments.map((s, i) => `<th scope="col" class="num"><span class="swatch" style="background:${colorOf(i)}"></span>${i + 1}. ${escapeHtml(s.label || s.id)}</th>`).join('') +
    '</tr>';
  const body = stats
    .map((f, j) => {
      const cells = manifest.segments
        .map((s) => {
          const z = s.centroid[j] ?? 0;
          return `<td class="num" style="background:${tint(z)}">${escapeHtml(formatNumber(toOriginalUnits(f, z)))}<span class="z">${z >= 0 ? '+' : '−'}${Math.abs(z).toFixed(1)}σ</span></td>`;
        })
        .join('');
      return (
        `<tr><th scope="row">${escapeHtml(f.label || f.name)}<span class="feature-name">${escapeHtml(f.name)}${f.transform === 'log1p' ? ' · log1p' : ''}</span></th>` +
        `<td class="num">${escapeHtml(formatNumber(toOriginalUnits(f, 0)))}</td>${cells}</tr>`
      );
    })
    .join('');
  return `<div class="table-wrap"><table class="centroids"><thead>${head}</thead><tbody>${body}</tbody></table></div>`;
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;background:#f6f7f9;color:#1b1f24;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:1080px;margin:0 auto;padding:32px 24px 56px}
header{margin-bottom:28px}
.eyebrow{margin:0;color:#4a5560;font-size:.85rem;letter-spacing:.06em;text-transform:uppercase}
h1{margin:.15em 0 .2em;font-size:2rem;line-height:1.2;word-break:break-word}
h2{margin:0 0 .6em;font-size:1.3rem}
.meta,.caption,.note-text{color:#4a5560}
.caption{font-size:.9rem;margin:.5em 0 0}
section{background:#fff;border:1px solid #dde1e6;border-radius:10px;padding:22px 24px;margin:0 0 22px}
code,.feature-name{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85em}
code{background:#eef1f4;border-radius:4px;padding:1px 5px;color:#333b44}
.reason{font-size:1.05rem;margin:0 0 16px}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:18px}
figure{margin:0}
figcaption{font-weight:600;margin-bottom:6px}
.chart{width:100%;height:auto;display:block}
.chart text{font-family:inherit}
.grid{stroke:#e6e9ed}
.axis{stroke:#6b7480;stroke-width:1}
.tick{fill:#4a5560;font-size:12px}
.axis-label{fill:#333b44;font-size:13px}
.series{fill:none;stroke:#0072B2;stroke-width:2.5}
.dot{fill:#fff;stroke:#0072B2;stroke-width:2}
.dot.chosen{fill:#D55E00;stroke:#fff;stroke-width:2.5}
.guide{stroke:#D55E00;stroke-dasharray:4 4;stroke-width:1.5}
.note{fill:#333b44;font-size:12px;font-style:italic}
.bar{fill:#9aa5b1}
.bar.chosen{fill:#D55E00}
.value{fill:#333b44;font-size:12px}
.chosen-text{font-weight:700}
.plot-bg{fill:#fbfcfd;stroke:#e6e9ed}
.dots circle{fill-opacity:.72}
.centroid circle{stroke:#fff;stroke-width:2.5}
.centroid text{fill:#fff;font-size:12px;font-weight:700;paint-order:stroke;stroke:#1b1f24;stroke-width:2.5px}
.legend{list-style:none;display:flex;flex-wrap:wrap;gap:6px 18px;padding:0;margin:12px 0 0}
.swatch{display:inline-block;width:12px;height:12px;border-radius:3px;margin-right:6px;vertical-align:-1px}
.segments{list-style:none;padding:0;margin:0;display:grid;gap:14px}
.segment-label{font-weight:600}
.description{margin:2px 0 6px 18px;color:#333b44}
.size{display:flex;align-items:center;gap:12px;margin-left:18px}
.track{flex:1;height:10px;background:#eef1f4;border-radius:5px;overflow:hidden}
.fill{display:block;height:100%;border-radius:5px}
.count{min-width:11em;text-align:right;font-variant-numeric:tabular-nums;color:#333b44}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
th,td{padding:8px 12px;border-bottom:1px solid #e6e9ed;text-align:left;vertical-align:top}
thead th{font-size:.9rem;border-bottom:2px solid #c9d0d7}
.num{text-align:right}
tbody th{font-weight:600}
.feature-name{display:block;color:#4a5560;font-weight:400}
.z{display:block;font-size:.78rem;color:#4a5560}
footer{color:#4a5560;font-size:.85rem}
`;

/**
 * The training report: one self-contained HTML file (inline CSS and SVG, no scripts, no
 * external resources) with the segment sizes, the elbow and silhouette charts of the sweep,
 * a PCA scatter of the sample coloured by segment, and the centroids in original units.
 * All text is escaped.
 *
 * @example
 * writeFileSync('report.html', renderReport({ manifest, sweep, sample, sizes }));
 */
export function renderReport(input: ReportInput): string {
  const { manifest, sweep, sample, sizes } = input;
  const stats = input.featureStats ?? manifest.features;
  if (stats.length !== manifest.features.length) throw new Error(`featureStats has ${stats.length} entries, the manifest has ${manifest.features.length} features`);
  if (sizes.length !== manifest.segments.length) throw new Error(`sizes has ${sizes.length} entries, the manifest has ${manifest.segments.length} segments`);
  sample.forEach((p, i) => {
    if (!Number.isInteger(p.segment) || p.segment < 0 || p.segment >= manifest.segments.length) throw new Error(`sample[${i}].segment is ${p.segment}, expected an index from 0 to ${manifest.segments.length - 1}`);
    if (p.z.length !== manifest.features.length) throw new Error(`sample[${i}].z has ${p.z.length} values, expected ${manifest.features.length}`);
  });

  const total = sizes.reduce((a, b) => a + b, 0);
  const id = escapeHtml(manifest.id);
  const meta = [
    `${manifest.segments.length} segment${manifest.segments.length === 1 ? '' : 's'}`,
    `${group(total)} rows`,
    `${manifest.features.length} feature${manifest.features.length === 1 ? '' : 's'}`,
    manifest.issued ? `issued ${manifest.issued.slice(0, 10)}` : '',
    manifest.expires ? `expires ${manifest.expires.slice(0, 10)}` : '',
  ].filter(Boolean);

  let sweepSection = '';
  if (sweep && sweep.results.length > 0) {
    const elbow = findElbow(sweep.results, sweep.totalInertia);
    sweepSection =
      `<section><h2>Choosing k</h2><p class="reason"><strong>Recommended: k = ${sweep.recommended}</strong> — ${escapeHtml(sweep.reason)}</p>` +
      `<div class="charts"><figure><figcaption>Inertia by k: look for the elbow</figcaption>${elbowChart(sweep, elbow)}</figure>` +
      `<figure><figcaption>Silhouette by k: higher means better separated</figcaption>${silhouetteChart(sweep)}</figure></div></section>`;
  }
  const scatter =
    sample.length > 0
      ? `<section><h2>Segments on a map</h2>${scatterChart(manifest, sample)}${legend(manifest)}</section>`
      : '';

  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<meta name="color-scheme" content="light"><title>Inkling segments · ${id}</title><style>${STYLE}</style></head><body><main>` +
    `<header><p class="eyebrow">Inkling training report</p><h1>${id}</h1><p class="meta">${escapeHtml(meta.join(' · '))}</p></header>` +
    `<section><h2>Segments</h2>${sizeBars(manifest, sizes)}</section>` +
    sweepSection +
    scatter +
    `<section><h2>Centroids in original units</h2><p class="note-text">Each cell is a segment's centre converted back to the feature's own units (z × std + mean, then expm1 for log1p features); the small figure is how many standard deviations it sits from the average, and the tint shows the direction: blue above, orange below.` +
    (stats.some((f) => f.transform === 'log1p') ? ' For log1p features, "average visitor" is the centre on the log scale, which sits below the arithmetic mean.' : '') +
    `</p>${centroidTable(manifest, stats)}</section>` +
    `<footer>Generated by inkling train. The manifest stores the centroids in z units; labels and descriptions are suggestions to edit before signing.</footer>` +
    `</main></body></html>\n`
  );
}
