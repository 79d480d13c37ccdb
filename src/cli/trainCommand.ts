/// <reference types="node" />
import { rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { standardize } from '../model/computeFeatures';
import { validateManifest } from '../model/validateManifest';
import type { FeatureSpec, Manifest } from '../types/manifest';
import { checkTrainable } from './checkTrainable';
import { CliError } from './cliError';
import { collectStats } from './collectStats';
import { defineCommand } from './defineCommand';
import { formatSweepTable } from './formatSweepTable';
import { getNow } from './getNow';
import { parseIntegerOption } from './parseIntegerOption';
import { parseK } from './parseK';
import { readTrainingSpec } from './readTrainingSpec';
import { renderReport } from './renderReport';
import { streamRows } from './streamRows';
import { scaleByWeight, sweepK, type SweepResult } from './sweepK';
import { trainManifest } from './trainManifest';
import { STREAM_SAMPLE_ROWS, trainStreaming } from './trainStreaming';
import { writeFileAtomic } from './writeFileAtomic';

/** Above this size the input is streamed even without `--stream`. */
const STREAM_ABOVE_BYTES = 200 * 1024 * 1024;
/** Rows a sweep runs on at most (a seeded uniform sample), streaming or not. */
const SWEEP_ROWS = STREAM_SAMPLE_ROWS;
/** Rows of an in-memory run drawn in the report (evenly spaced); it plots at most 2,000 anyway. */
const REPORT_ROWS = 20_000;

/** What either way of training produced. */
interface Trained {
  manifest: Manifest;
  sizes: number[];
  rows: number;
  sample: { z: readonly number[]; segment: number }[];
}

/** Every row in memory: `trainManifest` (k-means with restarts), the SDK's own scoring for the sizes. */
async function trainInMemory(path: string, spec: ReturnType<typeof readTrainingSpec>, options: { ks: readonly number[]; chooseK(points: number[][]): number; seed: number; restarts: number; id?: string; now: Date }): Promise<Trained> {
  const columns = spec.features;
  const rows: number[][] = [];
  const batches = (async function* () {
    for await (const batch of streamRows(path, columns)) {
      for (const row of batch) rows.push(row);
      yield batch;
    }
  })();
  // A sweep runs k-means many times over: it sees a seeded sample (every row, up to its size).
  const stats = await collectStats(batches, columns, { sampleSize: SWEEP_ROWS, seed: options.seed });
  checkTrainable(stats, columns, options.ks, path);
  const features = columns.map((f, j) => ({ ...f, mean: stats.mean[j]!, std: stats.std[j]! }) as FeatureSpec);
  const k = options.chooseK(stats.sample.map((row) => row.map((x, j) => standardize(features[j]!, x))));
  const records = rows.map((row) => Object.fromEntries(columns.map((c, j) => [c.name, row[j]!])));
  const { manifest, sizes, assignments, z } = trainManifest(records, spec, { k, seed: options.seed, restarts: options.restarts, id: options.id, now: options.now });
  const d = z.dimensions;
  const step = Math.max(1, Math.ceil(z.rows / REPORT_ROWS));
  const sample: Trained['sample'] = [];
  for (let i = 0; i < z.rows; i += step) sample.push({ z: Array.from(z.data.subarray(i * d, (i + 1) * d)), segment: assignments[i]! });
  return { manifest, sizes, rows: rows.length, sample };
}

export const trainCommand = defineCommand({
  name: 'train',
  summary: 'cluster visitor vectors into segments and write an unsigned manifest',
  help: `Usage: inkling train <vectors.csv|vectors.jsonl> --features spec.json --k 5 [options]

Reads one row per visitor (CSV with a header of feature names, or JSON Lines objects) holding
each feature's raw aggregate, learns each feature's mean and std (of the transformed value),
standardises with the SDK's own code and runs k-means. Writes an UNSIGNED manifest: review the
suggested labels, then inkling sign it.

Options:
  --features FILE  the training spec: {"features": [...], "id"?, "window"?, "minEvidence"?,
                   "hysteresis"?}; features as in a manifest, without mean and std (required)
  --k K | A..B     segments to train (--k 5), or a range to sweep (--k 2..10): prints k, inertia
                   and silhouette for each, recommends one and trains it (required)
  --restarts N     k-means++ restarts, the best kept (default 10)
  --seed N         random seed (default 1): same data, spec and seed, same manifest
                   (set SOURCE_DATE_EPOCH to pin "issued" too)
  --out FILE       the manifest to write (default manifest.json)
  --report FILE    also write a self-contained HTML report
  --id ID          the manifest id (default: the spec's id, else one made from the date)
  --stream         constant memory: mini-batch k-means over a binary copy of the rows kept
                   beside --out while it runs; automatic above 200 MB. A sweep then runs
                   on a ${STREAM_SAMPLE_ROWS.toLocaleString('en')}-row sample.

Output files are written atomically: a failed run leaves none behind.`,
  options: {
    features: { type: 'string' },
    k: { type: 'string' },
    restarts: { type: 'string' },
    seed: { type: 'string' },
    out: { type: 'string', default: 'manifest.json' },
    report: { type: 'string' },
    id: { type: 'string' },
    stream: { type: 'boolean', default: false },
  },
  positionals: ['vectors file'],
  async run(values, [path]) {
    if (values.features === undefined) throw new CliError('inkling train: --features spec.json is required', 2);
    const { ks, sweep } = parseK(values.k);
    const seed = parseIntegerOption(values.seed, 'seed', 1);
    const restarts = parseIntegerOption(values.restarts, 'restarts', 10, 1);
    const now = getNow();
    const spec = readTrainingSpec(values.features);
    const file = statSync(path!, { throwIfNoEntry: false });
    if (!file?.isFile()) throw new CliError(`${path}: no such file`);
    const stream = values.stream || file.size > STREAM_ABOVE_BYTES;
    // Fail before the long part, not after it.
    for (const out of [values.out, values.report]) {
      if (out !== undefined && !statSync(dirname(out), { throwIfNoEntry: false })?.isDirectory()) throw new CliError(`${out}: the directory ${dirname(out)} does not exist`);
    }

    let sweepResult: SweepResult | undefined;
    const chooseK = (points: number[][]): number => {
      if (!sweep) return ks[0]!;
      sweepResult = sweepK(scaleByWeight(points, spec.features), ks, { seed, restarts });
      console.log(`Sweep over k = ${ks[0]}..${ks[ks.length - 1]} on ${points.length.toLocaleString('en')}${stream || points.length === SWEEP_ROWS ? ' sampled' : ''} rows:`);
      console.log(formatSweepTable(sweepResult.results, sweepResult.recommended));
      console.log(`Recommended k = ${sweepResult.recommended}: ${sweepResult.reason}`);
      return sweepResult.recommended;
    };

    let trained: Trained;
    try {
      trained = stream
        ? await trainStreaming(path!, spec, { ks, chooseK, seed, restarts, id: values.id, now, cacheDir: dirname(values.out) })
        : await trainInMemory(path!, spec, { ks, chooseK, seed, restarts, id: values.id, now });
    } catch (e) {
      if (e instanceof CliError) throw e;
      throw new CliError(`${path}: training failed: ${(e as Error).message}`);
    }
    const { manifest, sizes } = trained;
    const check = validateManifest(manifest);
    if (!check.ok) throw new CliError('the trained manifest is invalid, nothing was written', 1, check.problems.map((p) => `  ${p}`));

    // Everything is rendered before anything is written: a failure leaves no output at all.
    const text = `${JSON.stringify(manifest, null, 2)}\n`;
    const report = values.report === undefined ? undefined : renderReport({ manifest, sweep: sweepResult, sample: trained.sample, sizes });
    if (report !== undefined) writeFileAtomic(values.report!, report);
    try {
      writeFileAtomic(values.out, text);
    } catch (e) {
      if (report !== undefined) rmSync(values.report!, { force: true });
      throw e;
    }
    const segments = manifest.segments.map((s, i) => `  ${s.id}  ${String(sizes[i]).padStart(9)} rows  ${s.label}`);
    console.log(`Trained ${manifest.segments.length} segment${manifest.segments.length > 1 ? 's' : ''} on ${trained.rows.toLocaleString('en')} rows of ${path}${stream ? ' (streamed)' : ''}:`);
    console.log(segments.join('\n'));
    console.log(`Wrote ${values.out}${report !== undefined ? ` and ${values.report}` : ''}. It is unsigned: review the labels, then inkling sign ${values.out} --key key.pem`);
  },
});
