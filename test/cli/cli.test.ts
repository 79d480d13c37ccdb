// The `inkling` CLI as a user runs it: `node dist/cli.js …` in a temporary directory.
// `npm test` builds first; on its own, run `npm run build` before `npx vitest run --project cli`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../src/cli/createRandom';
import { standardize } from '../../src/model/computeFeatures';
import { scoreVector } from '../../src/model/scoreVector';
import { validateManifest } from '../../src/model/validateManifest';
import type { Manifest } from '../../src/types/manifest';
import features from '../cases/features.json';
import scoring from '../cases/scoring.json';

const CLI = resolve('dist/cli.js');
let dir: string;

/** Runs the built CLI in `cwd` (the test's temporary directory by default). */
function inkling(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd ?? dir, encoding: 'utf8', env: { ...process.env, INKLING_DEBUG: '', ...options.env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const write = (name: string, text: string) => writeFileSync(join(dir, name), text);
const read = (name: string) => readFileSync(join(dir, name), 'utf8');
const readJson = (name: string) => JSON.parse(read(name)) as Manifest;

/** A fresh empty directory inside the test's one. */
let subdirs = 0;
const freshDir = () => {
  const path = join(dir, `case-${++subdirs}`);
  mkdirSync(path);
  return path;
};

const SPEC = {
  id: 'cli-test',
  features: [
    { name: 'views', signal: 'view', agg: 'count', transform: 'log1p', label: 'pages viewed' },
    { name: 'dwell', signal: 'dwell', agg: 'sum', transform: 'log1p', label: 'seconds on pages' },
    { name: 'ratio', signal: 'click', agg: 'rate', per: { signal: 'view' }, transform: 'none', label: 'clicks per view' },
  ],
};
const CENTRES = [
  [1, 20, 0.1],
  [10, 2, 0.9],
  [30, 40, 0.5],
];

/** 30 rows around each of three well separated centres, seeded; `blob` says which. */
function generateRows(): { values: number[]; blob: number }[] {
  const random = createRandom(11);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Array.from({ length: 90 }, (_, i) => {
    const blob = i % 3;
    const [views, dwell, ratio] = CENTRES[blob]!;
    return { blob, values: [Math.max(0, views! + gaussian()), Math.max(0, dwell! + 2 * gaussian()), ratio! + 0.05 * gaussian()].map((x) => Number(x.toFixed(4))) };
  });
}
const ROWS = generateRows();
const CSV = `views,dwell,ratio,visitor\n${ROWS.map((r, i) => `${r.values.join(',')},v${i}`).join('\n')}\n`;

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build first');
  dir = mkdtempSync(join(tmpdir(), 'inkling-cli-'));
  write('spec.json', JSON.stringify(SPEC, null, 2));
  write('vectors.csv', CSV);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('inkling (no command, help, usage)', () => {
  it('prints the commands and exits 2 without a command', () => {
    const { code, stdout } = inkling([]);
    expect(code).toBe(2);
    for (const name of ['keygen', 'sign', 'verify', 'validate', 'train', 'report', 'import', 'cases']) expect(stdout).toContain(name);
  });

  it.each(['keygen', 'sign', 'verify', 'validate', 'train', 'report', 'import', 'cases'])('%s --help prints its usage and exits 0', (name) => {
    const { code, stdout } = inkling([name, '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain(`Usage: inkling ${name}`);
  });

  it('exits 2 with one line for an unknown command, an unknown option or a missing argument', () => {
    for (const args of [['frobnicate'], ['validate', '--strict', 'm.json'], ['validate'], ['train', 'vectors.csv', '--features', 'spec.json'], ['train', 'vectors.csv', '--features', 'spec.json', '--k', 'lots']]) {
      const { code, stderr } = inkling(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
    }
  });
});

describe('keygen, sign, verify', () => {
  let publicKey: string;
  let otherKey: string;

  beforeAll(() => {
    const first = inkling(['keygen', '--out', 'key.pem']);
    expect(first.code).toBe(0);
    publicKey = first.stdout.trim();
    otherKey = inkling(['keygen', '--out', 'other.pem']).stdout.trim();
    const trained = inkling(['train', 'vectors.csv', '--features', 'spec.json', '--k', '3', '--out', 'to-sign.json']);
    expect(trained.code, trained.stderr).toBe(0);
  });

  it('keygen writes a private key only its owner can read and prints the raw public key', () => {
    expect(statSync(join(dir, 'key.pem')).mode & 0o777).toBe(0o600);
    expect(read('key.pem')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(Buffer.from(publicKey, 'base64')).toHaveLength(32);
    expect(publicKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });

  it('keygen refuses to overwrite an existing file', () => {
    const before = read('key.pem');
    const { code, stderr } = inkling(['keygen', '--out', 'key.pem']);
    expect(code).toBe(1);
    expect(stderr).toContain('key.pem already exists');
    expect(read('key.pem')).toBe(before);
  });

  it('sign then verify: valid with the right key, and names which key of several matched', () => {
    const signed = inkling(['sign', 'to-sign.json', '--key', 'key.pem', '--out', 'signed.json']);
    expect(signed.code, signed.stderr).toBe(0);
    expect(signed.stdout).toContain(publicKey);
    expect(readJson('signed.json').signature).toMatch(/^[A-Za-z0-9+/]{86}==$/);
    expect(readJson('to-sign.json').signature).toBeUndefined(); // --out leaves the input alone

    expect(inkling(['verify', 'signed.json', '--public-key', publicKey])).toMatchObject({ code: 0, stdout: 'valid signature (key 1)\n' });
    expect(inkling(['verify', 'signed.json', '--public-key', `${otherKey},${publicKey}`])).toMatchObject({ code: 0, stdout: 'valid signature (key 2)\n' });
  });

  it('signing again replaces the old signature, in place by default', () => {
    write('resign.json', read('signed.json'));
    expect(inkling(['sign', 'resign.json', '--key', 'other.pem']).code).toBe(0);
    expect(inkling(['verify', 'resign.json', '--public-key', otherKey]).code).toBe(0);
    expect(inkling(['verify', 'resign.json', '--public-key', publicKey]).code).toBe(1);
  });

  it('verify fails with another key', () => {
    const { code, stderr } = inkling(['verify', 'signed.json', '--public-key', otherKey]);
    expect(code).toBe(1);
    expect(stderr).toContain('no key matches');
  });

  it('verify fails on a tampered manifest', () => {
    const manifest = readJson('signed.json');
    manifest.segments[0]!.label = 'Tampered';
    write('tampered.json', JSON.stringify(manifest));
    const { code, stderr } = inkling(['verify', 'tampered.json', '--public-key', publicKey]);
    expect(code).toBe(1);
    expect(stderr).toContain('invalid signature');
  });

  it('verify fails on an unsigned manifest and on a malformed key', () => {
    expect(inkling(['verify', 'to-sign.json', '--public-key', publicKey])).toMatchObject({ code: 1, stderr: expect.stringContaining('unsigned') });
    const malformed = inkling(['verify', 'signed.json', '--public-key', `${publicKey},not-a-key`]);
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toContain('key 2 ("not-a-key") is malformed');
  });

  it('sign refuses a wrong key file with a clear message and leaves the manifest as it was', () => {
    const before = read('to-sign.json');
    const cases: [string, string][] = [
      ['to-sign.json', 'is not a PEM private key'],
      ['missing.pem', 'missing.pem: no such file'],
    ];
    write('public.pem', spawnSync('openssl', ['pkey', '-in', join(dir, 'key.pem'), '-pubout'], { encoding: 'utf8' }).stdout);
    if (read('public.pem').includes('PUBLIC KEY')) cases.push(['public.pem', 'holds a public key']);
    for (const [key, message] of cases) {
      const { code, stderr } = inkling(['sign', 'to-sign.json', '--key', key]);
      expect(code, key).toBe(1);
      expect(stderr, key).toContain(message);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(read('to-sign.json')).toBe(before);
  });

  it('sign refuses an invalid manifest, listing its problems', () => {
    const manifest = readJson('to-sign.json');
    manifest.features[1]!.std = 0;
    write('invalid.json', JSON.stringify(manifest));
    const { code, stderr } = inkling(['sign', 'invalid.json', '--key', 'key.pem']);
    expect(code).toBe(1);
    expect(stderr).toContain('features[1].std must be > 0');
    expect(readJson('invalid.json').signature).toBeUndefined();
  });
});

describe('validate', () => {
  it('accepts a valid manifest', () => {
    const manifest = JSON.parse(readFileSync('examples/marketplace/manifest.json', 'utf8'));
    write('good.json', JSON.stringify(manifest));
    const { code, stdout } = inkling(['validate', 'good.json']);
    expect(code).toBe(0);
    expect(stdout).toContain('good.json is valid');
  });

  it('prints every problem with its JSON path and exits 1', () => {
    const manifest = JSON.parse(readFileSync('examples/marketplace/manifest.json', 'utf8'));
    manifest.features[0].std = 0;
    manifest.segments[1].centroid.push(1);
    delete manifest.window.halfLifeDays;
    write('broken.json', JSON.stringify(manifest));
    const { code, stderr } = inkling(['validate', 'broken.json']);
    expect(code).toBe(1);
    expect(stderr).toContain('broken.json: features[0].std must be > 0');
    expect(stderr).toContain('broken.json: segments[1].centroid has');
    expect(stderr).toContain('broken.json: window.halfLifeDays must be > 0');
  });

  it('names the line and column of a JSON syntax error', () => {
    write('syntax.json', '{\n  "inkling": 1,\n  "id": "x",\n}\n');
    const { code, stderr } = inkling(['validate', 'syntax.json']);
    expect(code).toBe(1);
    expect(stderr).toContain('syntax.json is not valid JSON at line 4, column 1');
  });
});

describe('train', () => {
  it('trains a manifest that validates, whose segments are the blobs the data came from', () => {
    const { code, stdout, stderr } = inkling(['train', 'vectors.csv', '--features', 'spec.json', '--k', '3', '--out', 'trained.json']);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('It is unsigned');
    expect(inkling(['validate', 'trained.json']).code).toBe(0);
    const manifest = readJson('trained.json');
    expect(validateManifest(manifest).ok).toBe(true);
    expect(manifest.id).toBe('cli-test');
    expect(manifest.signature).toBeUndefined();
    expect(manifest.segments.map((s) => s.id)).toEqual(['segment-1', 'segment-2', 'segment-3']);
    // Scored as a browser would, every row of a blob lands in the same segment, and each blob in its own.
    const segmentOf = (values: number[]) => scoreVector(values.map((x, j) => standardize(manifest.features[j]!, x)), manifest).segment;
    const byBlob = [0, 1, 2].map((blob) => new Set(ROWS.filter((r) => r.blob === blob).map((r) => segmentOf(r.values))));
    expect(byBlob.map((s) => s.size)).toEqual([1, 1, 1]);
    expect(new Set(byBlob.map((s) => [...s][0])).size).toBe(3);
  });

  it('gives byte-identical output for the same seed', () => {
    const env = { SOURCE_DATE_EPOCH: '1795000000' };
    for (const out of ['seed-a.json', 'seed-b.json']) expect(inkling(['train', 'vectors.csv', '--features', 'spec.json', '--k', '3', '--seed', '7', '--out', out], { env }).code).toBe(0);
    expect(read('seed-a.json')).toBe(read('seed-b.json'));
    expect(readJson('seed-a.json').issued).toBe(new Date(1795000000 * 1000).toISOString());
  });

  it('sweeps a range of k, prints the table and the recommendation, and trains it', () => {
    const { code, stdout, stderr } = inkling(['train', 'vectors.csv', '--features', 'spec.json', '--k', '2..4', '--out', 'swept.json', '--report', 'swept.html']);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/k\s+inertia\s+silhouette/);
    for (const k of [2, 3, 4]) expect(stdout).toMatch(new RegExp(`^${k}\\s+\\d`, 'm'));
    expect(stdout).toMatch(/Recommended k = 3: .*silhouette/);
    expect(readJson('swept.json').segments).toHaveLength(3);
    expect(read('swept.html')).toMatch(/^<!doctype html>/);
    expect(read('swept.html')).toContain('Choosing k');
  });

  it('reads JSON Lines too, with the same result as CSV', () => {
    write('vectors.jsonl', ROWS.map((r) => JSON.stringify({ views: r.values[0], dwell: r.values[1], ratio: r.values[2] })).join('\n'));
    const env = { SOURCE_DATE_EPOCH: '1795000000' };
    expect(inkling(['train', 'vectors.jsonl', '--features', 'spec.json', '--k', '3', '--out', 'jsonl.json'], { env }).code).toBe(0);
    expect(inkling(['train', 'vectors.csv', '--features', 'spec.json', '--k', '3', '--out', 'csv.json'], { env }).code).toBe(0);
    expect(read('jsonl.json')).toBe(read('csv.json'));
  });

  it('--stream trains with mini-batch k-means to nearly the same centroids, and leaves no cache file behind', () => {
    const out = freshDir();
    const { code, stdout, stderr } = inkling(['train', join(dir, 'vectors.csv'), '--features', join(dir, 'spec.json'), '--k', '3', '--stream', '--out', 'streamed.json'], { cwd: out });
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('(streamed)');
    expect(readdirSync(out)).toEqual(['streamed.json']);
    const streamed = JSON.parse(readFileSync(join(out, 'streamed.json'), 'utf8')) as Manifest;
    expect(validateManifest(streamed).ok).toBe(true);
    const exact = readJson('trained.json');
    streamed.features.forEach((f, j) => {
      expect(f.mean).toBeCloseTo(exact.features[j]!.mean, 9);
      expect(f.std).toBeCloseTo(exact.features[j]!.std, 9);
    });
    for (const segment of exact.segments) {
      const nearest = Math.min(...streamed.segments.map((s) => Math.hypot(...s.centroid.map((c, j) => c - segment.centroid[j]!))));
      expect(nearest).toBeLessThan(0.05);
    }
  });

  describe('bad input exits 1 with one clear line and writes nothing', () => {
    const header = 'views,dwell,ratio';
    const cases: [string, string, RegExp][] = [
      ['malformed row', `${header}\n1,2,0.1\n3,4\n5,6,0.2\n`, /bad\.csv line 3: malformed CSV: .*expect 3, got 2/],
      ['non-numeric cell', `${header}\n1,2,0.1\n3,lots,0.2\n5,6,0.3\n`, /bad\.csv line 3, column 2 \(dwell\): "lots" is not a number/],
      ['NaN', `${header}\n1,2,0.1\n3,4,0.2\n5,6,NaN\n`, /bad\.csv line 4, column 3 \(ratio\): "NaN" is not a finite number/],
      ['empty cell', `${header}\n1,2,0.1\n3,,0.2\n5,6,0.3\n`, /bad\.csv line 3, column 2 \(dwell\): the cell is empty/],
      ['value outside log1p', `${header}\n1,2,0.1\n-3,4,0.2\n5,6,0.3\n`, /bad\.csv line 3, column 1 \(views\): -3 is out of range for transform log1p/],
      ['negative value that the SDK reads as 0', `${header}\n1,2,0.1\n5,-0.5,0.2\n5,6,0.3\n`, /bad\.csv line 3, column 2 \(dwell\): -0\.5 is out of range for transform log1p \(values must be 0 or more/],
      ['constant column', `${header}\n1,2,0.5\n3,4,0.5\n5,6,0.5\n7,8,0.5\n`, /feature "ratio" is constant/],
      ['k larger than the rows', `${header}\n1,2,0.1\n3,4,0.2\n`, /k = 3 is larger than the 2 rows/],
      ['empty file', '', /bad\.csv is empty/],
      ['header only', `${header}\n`, /bad\.csv has no rows/],
      ['missing column', 'views,ratio\n1,0.1\n2,0.2\n3,0.3\n', /bad\.csv line 1: the header has no column "dwell"/],
    ];

    it.each(cases)('%s', (_, text, message) => {
      const out = freshDir();
      writeFileSync(join(out, 'bad.csv'), text);
      writeFileSync(join(out, 'spec.json'), JSON.stringify(SPEC));
      for (const stream of [[], ['--stream']]) {
        const { code, stderr } = inkling(['train', 'bad.csv', '--features', 'spec.json', '--k', '3', '--out', 'm.json', '--report', 'r.html', ...stream], { cwd: out });
        expect(code).toBe(1);
        expect(stderr).toMatch(message);
        expect(stderr.trim().split('\n')).toHaveLength(1);
        expect(readdirSync(out).sort()).toEqual(['bad.csv', 'spec.json']);
      }
    });

    it('names the line and field of bad JSON Lines', () => {
      const out = freshDir();
      writeFileSync(join(out, 'bad.jsonl'), '{"views":1,"dwell":2,"ratio":0.1}\n{"views":2,"dwell":"many","ratio":0.1}\n');
      writeFileSync(join(out, 'spec.json'), JSON.stringify(SPEC));
      const { code, stderr } = inkling(['train', 'bad.jsonl', '--features', 'spec.json', '--k', '2'], { cwd: out });
      expect(code).toBe(1);
      expect(stderr).toContain('bad.jsonl line 2, field "dwell": "many" is not a number');
    });

    it('a failed train leaves an existing manifest untouched', () => {
      const out = freshDir();
      writeFileSync(join(out, 'bad.csv'), `${header}\n1,2,0.1\n3,x,0.2\n`);
      writeFileSync(join(out, 'manifest.json'), 'the previous manifest\n');
      const { code } = inkling(['train', 'bad.csv', '--features', join(dir, 'spec.json'), '--k', '2'], { cwd: out });
      expect(code).toBe(1);
      expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe('the previous manifest\n');
      expect(readdirSync(out).sort()).toEqual(['bad.csv', 'manifest.json']);
    });

    it('an invalid spec is reported by the path of each problem', () => {
      write('bad-spec.json', JSON.stringify({ features: [{ ...SPEC.features[0], agg: 'median' }, { ...SPEC.features[1], label: undefined }] }));
      const { code, stderr } = inkling(['train', 'vectors.csv', '--features', 'bad-spec.json', '--k', '2']);
      expect(code).toBe(1);
      expect(stderr).toContain('bad-spec.json: features[0].agg must be one of');
      expect(stderr).toContain('bad-spec.json: features[1].label must be a string');
    });
  });
});

describe('report', () => {
  it('writes an HTML report of a trained manifest over the data', () => {
    const { code, stdout, stderr } = inkling(['report', 'vectors.csv', '--manifest', 'trained.json', '--out', 'report.html', '--k', '2..4']);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('90 rows of vectors.csv over 3 segments (30, 30, 30)');
    const html = read('report.html');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('cli-test');
  });
});

describe('import', () => {
  const names = SPEC.features.map((f) => f.name);
  const centroids = [
    [1.5, -0.25, 0.75],
    [-1, 0.5, -0.125],
    [0, 1e-3, 2],
  ];
  const means = { views: { mean: 2.1, std: 1.2 }, dwell: { mean: 2.6, std: 1.25 }, ratio: { mean: 0.5, std: 0.33 } };

  beforeAll(() => write('means.json', JSON.stringify(means)));

  /** Imports and checks the manifest: valid, the centroids and segment ids expected, the means applied. */
  function expectImported(args: string[], ids: string[], expected = centroids) {
    const out = `imported-${++subdirs}.json`;
    const { code, stderr } = inkling(['import', ...args, '--features', 'spec.json', '--means', 'means.json', '--out', out]);
    expect(code, stderr).toBe(0);
    const manifest = readJson(out);
    expect(validateManifest(manifest).ok).toBe(true);
    expect(manifest.segments.map((s) => s.id)).toEqual(ids);
    expect(manifest.segments.map((s) => s.label)).toEqual(ids);
    manifest.segments.forEach((s, i) => s.centroid.forEach((c, j) => expect(c).toBeCloseTo(expected[i]![j]!, 12)));
    expect(manifest.features.map((f) => [f.name, f.mean, f.std])).toEqual(names.map((n) => [n, means[n as keyof typeof means].mean, means[n as keyof typeof means].std]));
    expect(inkling(['validate', out]).code).toBe(0);
  }

  it('reads Spark clusterCenters as JSON, bare or wrapped', () => {
    write('spark.json', JSON.stringify(centroids));
    write('spark-wrapped.json', JSON.stringify({ clusterCenters: centroids }));
    expectImported(['--from', 'spark', 'spark.json'], ['segment-0', 'segment-1', 'segment-2']);
    expectImported(['--from', 'spark', 'spark-wrapped.json'], ['segment-0', 'segment-1', 'segment-2']);
  });

  it('reads Spark centers as CSV, without a header or with feature names in any order', () => {
    write('spark.csv', centroids.map((c) => c.join(',')).join('\n'));
    write('spark-header.csv', `ratio,views,dwell\n${centroids.map(([v, d, r]) => [r, v, d].join(',')).join('\n')}\n`);
    expectImported(['--from', 'spark', 'spark.csv'], ['segment-0', 'segment-1', 'segment-2']);
    expectImported(['--from', 'spark', 'spark-header.csv'], ['segment-0', 'segment-1', 'segment-2']);
  });

  it('pivots BigQuery ML.CENTROIDS long CSV by centroid_id', () => {
    const lines = centroids.flatMap((c, i) => names.map((n, j) => `${i + 1},${n},${c[j]},`)).reverse();
    write('bigquery.csv', `centroid_id,feature,numerical_value,categorical_value\n${lines.join('\n')}\n`);
    expectImported(['--from', 'bigquery', 'bigquery.csv'], ['segment-1', 'segment-2', 'segment-3']);
  });

  it('--space transformed z-scores the centroids with the means first', () => {
    write('raw-space.json', JSON.stringify([[2.1 + 1.2, 2.6, 0.5 - 0.33]]));
    expectImported(['--from', 'spark', 'raw-space.json', '--space', 'transformed'], ['segment-0'], [[1, 0, -1]]);
  });

  it('names an unknown or missing feature, and requires --means', () => {
    const header = 'centroid_id,feature,numerical_value\n';
    write('bq-unknown.csv', `${header}1,views,1\n1,dwell,2\n1,ratio,3\n1,cart_adds,4\n`);
    write('bq-missing.csv', `${header}1,views,1\n1,dwell,2\n1,ratio,3\n2,views,1\n2,ratio,3\n`);
    write('means-missing.json', JSON.stringify({ views: means.views, dwell: means.dwell }));
    const run = (args: string[]) => inkling(['import', ...args, '--features', 'spec.json', '--out', 'never.json']);
    expect(run(['--from', 'bigquery', 'bq-unknown.csv', '--means', 'means.json'])).toMatchObject({ code: 1, stderr: expect.stringContaining('bq-unknown.csv line 5: feature "cart_adds" is not in the spec') });
    expect(run(['--from', 'bigquery', 'bq-missing.csv', '--means', 'means.json'])).toMatchObject({ code: 1, stderr: expect.stringContaining('centroid 2 has no value for feature "dwell"') });
    expect(run(['--from', 'spark', 'spark.json', '--means', 'means-missing.json'])).toMatchObject({ code: 1, stderr: expect.stringContaining('feature "ratio" is missing') });
    expect(run(['--from', 'spark', 'spark.json']).code).toBe(2);
    expect(existsSync(join(dir, 'never.json'))).toBe(false);
  });
});

describe('cases: the golden case files run through the CLI', () => {
  it.each([
    ['features.json', features.cases.length],
    ['scoring.json', scoring.cases.length],
  ])('%s passes', (file, count) => {
    const { code, stdout } = inkling(['cases', resolve('test/cases', file)]);
    expect(stdout).toContain(`${count} passed, 0 failed`);
    expect(code).toBe(0);
  });

  it('fails, naming the case, when an expectation is off', () => {
    const broken = structuredClone(scoring);
    broken.cases[1]!.expected.segment = 'nobody';
    write('broken-cases.json', JSON.stringify(broken));
    const { code, stdout, stderr } = inkling(['cases', 'broken-cases.json']);
    expect(code).toBe(1);
    expect(stdout).toContain(`${scoring.cases.length - 1} passed, 1 failed`);
    expect(stderr).toContain(`cases[1] ${JSON.stringify(scoring.cases[1]!.name)}: segment is`);
  });
});
