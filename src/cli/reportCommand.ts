import { standardize } from '../model/computeFeatures';
import { scoreVector } from '../model/scoreVector';
import type { Manifest } from '../types/manifest';
import { CliError } from './cliError';
import { checkManifestFile } from './checkManifestFile';
import { collectStats } from './collectStats';
import { defineCommand } from './defineCommand';
import { formatSweepTable } from './formatSweepTable';
import { parseIntegerOption } from './parseIntegerOption';
import { parseK } from './parseK';
import { renderReport } from './renderReport';
import { streamRows } from './streamRows';
import { scaleByWeight, sweepK } from './sweepK';
import { writeFileAtomic } from './writeFileAtomic';

/** Rows kept (a seeded uniform sample) for the scatter plot and a sweep. */
const SAMPLE_ROWS = 20_000;

export const reportCommand = defineCommand({
  name: 'report',
  summary: 'write the HTML report of a trained manifest over a data set',
  help: `Usage: inkling report <vectors.csv|vectors.jsonl> --manifest manifest.json --out report.html [--k 2..10]

Standardises each row with the manifest's own means and stds and assigns it to a segment with
the SDK's scoreVector, exactly as a browser would, then writes a self-contained HTML report:
segment sizes, a map of the segments, the centroids in original units. The rows are streamed,
so the file may be large.

Options:
  --manifest FILE  the trained manifest (required)
  --out FILE       the report to write (required)
  --k A..B         also sweep this range of k on a ${SAMPLE_ROWS.toLocaleString('en')}-row sample and chart inertia and silhouette
  --seed N         random seed of the sample and the sweep (default 1)`,
  options: { manifest: { type: 'string' }, out: { type: 'string' }, k: { type: 'string' }, seed: { type: 'string' } },
  positionals: ['vectors file'],
  async run(values, [path]) {
    if (values.manifest === undefined) throw new CliError('inkling report: --manifest manifest.json is required', 2);
    if (values.out === undefined) throw new CliError('inkling report: --out report.html is required', 2);
    const range = values.k === undefined ? undefined : parseK(values.k);
    if (range && !range.sweep) throw new CliError(`inkling report: --k takes a range to sweep here (--k 2..10); the manifest fixes k`, 2);
    const seed = parseIntegerOption(values.seed, 'seed', 1);
    const { manifest: json, problems } = checkManifestFile(values.manifest);
    if (problems.length > 0) throw new CliError(`${values.manifest} is not a valid manifest`, 1, problems.map((p) => `  ${values.manifest}: ${p}`));
    const manifest = json as unknown as Manifest;
    const index = new Map(manifest.segments.map((s, i) => [s.id, i]));
    const sizes = manifest.segments.map(() => 0);

    const scored = (async function* () {
      for await (const batch of streamRows(path!, manifest.features)) {
        for (const row of batch) {
          for (let j = 0; j < row.length; j++) row[j] = standardize(manifest.features[j]!, row[j]!);
          sizes[index.get(scoreVector(row, manifest).segment)!]!++;
        }
        yield batch;
      }
    })();
    // The rows are standardised in place above, so this sample is of z vectors.
    const { sample, rows } = await collectStats(scored, manifest.features.map((f) => ({ ...f, transform: 'none' as const })), { sampleSize: SAMPLE_ROWS, seed });

    let sweep: ReturnType<typeof sweepK> | undefined;
    if (range) {
      if (Math.max(...range.ks) > sample.length) throw new CliError(`${path}: k = ${Math.max(...range.ks)} is larger than the ${sample.length} rows of data`);
      sweep = sweepK(scaleByWeight(sample, manifest.features), range.ks, { seed });
      console.log(formatSweepTable(sweep.results, sweep.recommended));
      console.log(`Recommended k = ${sweep.recommended}: ${sweep.reason}`);
    }
    const html = renderReport({ manifest, sweep, sizes, sample: sample.map((z) => ({ z, segment: index.get(scoreVector(z, manifest).segment)! })) });
    writeFileAtomic(values.out, html);
    console.log(`Wrote ${values.out}: ${rows.toLocaleString('en')} rows of ${path} over ${manifest.segments.length} segments (${sizes.join(', ')}).`);
  },
});
