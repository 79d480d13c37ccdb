// Edge cases of the built `inkling` CLI (dist/cli.js) found in an audit: each test pins one
// defect that used to give a wrong result or an unclear error. Run `npm run build` first.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../src/cli/createRandom';
import { validateManifest } from '../../src/model/validateManifest';
import type { Manifest } from '../../src/types/manifest';

const CLI = resolve('dist/cli.js');
let dir: string;
let subdirs = 0;

/** Runs the built CLI in `cwd`. */
function inkling(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, INKLING_DEBUG: '', SOURCE_DATE_EPOCH: '', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh directory holding `files`. */
function withFiles(files: Record<string, string>): string {
  const path = join(dir, `case-${++subdirs}`);
  mkdirSync(path);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(path, name), text);
  return path;
}

const readManifest = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Manifest;

const SPEC = {
  id: 'edge',
  features: [
    { name: 'views', signal: 'view', agg: 'count', transform: 'log1p', label: 'pages viewed' },
    { name: 'ratio', signal: 'click', agg: 'rate', per: { signal: 'view' }, transform: 'none', label: 'clicks per view' },
  ],
};

/** Two blobs in `views`, noise in `ratio`. */
function blobs(rows = 200): string {
  const random = createRandom(5);
  const lines = Array.from({ length: rows }, (_, i) => `${i % 2 ? 2 + Math.round(random() * 2) : 40 + Math.round(random() * 5)},${random().toFixed(4)}`);
  return `views,ratio\n${lines.join('\n')}\n`;
}

/** Points spread evenly over a square: where k-means has many local optima, so restarts matter. */
function uniform(rows = 600): string {
  const random = createRandom(9);
  const lines = Array.from({ length: rows }, () => `${(random() * 100).toFixed(3)},${random().toFixed(4)}`);
  return `views,ratio\n${lines.join('\n')}\n`;
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build first');
  dir = mkdtempSync(join(tmpdir(), 'inkling-cli-edge-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('train --stream', () => {
  it('trains a spec with a weight-0 feature, as the in-memory trainer does', () => {
    const spec = { ...SPEC, features: [SPEC.features[0], { ...SPEC.features[1], weight: 0 }] };
    const cwd = withFiles({ 'spec.json': JSON.stringify(spec), 'v.csv': blobs() });
    for (const [out, extra] of [['memory.json', []], ['stream.json', ['--stream']]] as const) {
      const { code, stderr } = inkling(['train', 'v.csv', '--features', 'spec.json', '--k', '2', '--out', out, ...extra], cwd);
      expect(code, stderr).toBe(0);
      expect(validateManifest(readManifest(join(cwd, out))).ok).toBe(true);
    }
    const memory = readManifest(join(cwd, 'memory.json'));
    const stream = readManifest(join(cwd, 'stream.json'));
    // The weight-0 dimension of each centroid is its segment's mean z there, as in memory
    // (segments matched by the weighted dimension: equal sizes may come in either order).
    for (const segment of memory.segments) {
      const match = stream.segments.find((s) => Math.abs(s.centroid[0]! - segment.centroid[0]!) < 0.1)!;
      segment.centroid.forEach((c, j) => expect(match.centroid[j]).toBeCloseTo(c, 1));
    }
  });

  it('honours --restarts', () => {
    const cwd = withFiles({ 'spec.json': JSON.stringify({ ...SPEC, features: [{ ...SPEC.features[0], transform: 'none' }, SPEC.features[1]] }), 'v.csv': uniform() });
    const centroids = (restarts: string) => {
      const out = `r${restarts}.json`;
      const { code, stderr } = inkling(['train', 'v.csv', '--features', 'spec.json', '--k', '7', '--stream', '--restarts', restarts, '--out', out], cwd);
      expect(code, stderr).toBe(0);
      return readManifest(join(cwd, out)).segments.map((s) => s.centroid);
    };
    expect(centroids('1')).not.toEqual(centroids('25'));
  });
});

describe('train: cells that are not plain decimal numbers', () => {
  it.each(['0x10', '0b11', '0o7'])('%s is refused, naming the line and column', (cell) => {
    const cwd = withFiles({ 'spec.json': JSON.stringify(SPEC), 'v.csv': `views,ratio\n1,0.5\n${cell},0.25\n3,0.75\n` });
    for (const extra of [[], ['--stream']]) {
      const { code, stderr } = inkling(['train', 'v.csv', '--features', 'spec.json', '--k', '2', ...extra], cwd);
      expect(code).toBe(1);
      expect(stderr.trim()).toBe(`error: v.csv line 3, column 1 (views): "${cell}" is not a number`);
      expect(readdirSync(cwd).sort()).toEqual(['spec.json', 'v.csv']);
    }
  });
});

describe('train: JSON Lines with a byte order mark', () => {
  it('reads it like the same file without one', () => {
    const jsonl = '{"views":1,"ratio":0.5}\n{"views":30,"ratio":0.25}\n{"views":2,"ratio":0.75}\n{"views":35,"ratio":0.3}\n';
    const cwd = withFiles({ 'spec.json': JSON.stringify(SPEC), 'plain.jsonl': jsonl, 'bom.jsonl': `\uFEFF${jsonl}` });
    for (const name of ['plain', 'bom']) {
      const { code, stderr } = inkling(['train', `${name}.jsonl`, '--features', 'spec.json', '--k', '2', '--out', `${name}.json`], cwd, { SOURCE_DATE_EPOCH: '1700000000' });
      expect(code, stderr).toBe(0);
    }
    expect(readFileSync(join(cwd, 'bom.json'), 'utf8')).toBe(readFileSync(join(cwd, 'plain.json'), 'utf8'));
  });
});

describe('dates out of range', () => {
  it('a SOURCE_DATE_EPOCH beyond what a date can hold is a usage error naming it', () => {
    const cwd = withFiles({ 'spec.json': JSON.stringify(SPEC), 'v.csv': blobs(20) });
    const { code, stderr } = inkling(['train', 'v.csv', '--features', 'spec.json', '--k', '2'], cwd, { SOURCE_DATE_EPOCH: '99999999999999' });
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^error: SOURCE_DATE_EPOCH=99999999999999: /);
    expect(readdirSync(cwd).sort()).toEqual(['spec.json', 'v.csv']);
  });

  it('a validDays too large for a date is reported on the spec, by train and import', () => {
    const means = { views: { mean: 1, std: 1 }, ratio: { mean: 0.5, std: 0.2 } };
    const cwd = withFiles({ 'spec.json': JSON.stringify({ ...SPEC, validDays: 1e9 }), 'v.csv': blobs(20), 'means.json': JSON.stringify(means), 'c.json': '[[1,2],[3,4]]' });
    for (const args of [
      ['train', 'v.csv', '--features', 'spec.json', '--k', '2'],
      ['import', '--from', 'spark', 'c.json', '--features', 'spec.json', '--means', 'means.json'],
    ]) {
      const { code, stderr } = inkling(args, cwd);
      expect(code).toBe(1);
      expect(stderr.trim()).toMatch(/^error: spec\.json: "validDays" must be a whole number of days from 1 to \d+/);
    }
  });
});

describe('output path that is a directory', () => {
  it('is one error line naming the path given, not a temporary file', () => {
    const cwd = withFiles({ 'spec.json': JSON.stringify(SPEC), 'v.csv': blobs(20) });
    mkdirSync(join(cwd, 'out'));
    const { code, stderr } = inkling(['train', 'v.csv', '--features', 'spec.json', '--k', '2', '--out', 'out'], cwd);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('cannot write out: it is a directory');
    expect(stderr).not.toContain('.tmp');
    expect(readdirSync(cwd).sort()).toEqual(['out', 'spec.json', 'v.csv']);
    expect(readdirSync(join(cwd, 'out'))).toEqual([]);
  });
});

describe('writing over an existing file', () => {
  it('sign in place keeps a private manifest private (0600 stays 0600)', () => {
    const cwd = withFiles({ 'spec.json': JSON.stringify(SPEC), 'v.csv': blobs(20) });
    expect(inkling(['keygen', '--out', 'key.pem'], cwd).code).toBe(0);
    expect(inkling(['train', 'v.csv', '--features', 'spec.json', '--k', '2', '--out', 'm.json'], cwd).code).toBe(0);
    chmodSync(join(cwd, 'm.json'), 0o600);
    const { code, stderr } = inkling(['sign', 'm.json', '--key', 'key.pem'], cwd);
    expect(code, stderr).toBe(0);
    expect(readManifest(join(cwd, 'm.json')).signature).toBeTruthy();
    expect(statSync(join(cwd, 'm.json')).mode & 0o777).toBe(0o600);
  });

  it('writes through a symlink to the file it points at, and keeps the link', () => {
    const cwd = withFiles({ 'spec.json': JSON.stringify(SPEC), 'v.csv': blobs(20) });
    mkdirSync(join(cwd, 'releases'));
    writeFileSync(join(cwd, 'releases', 'manifest-v1.json'), '{}');
    symlinkSync(join('releases', 'manifest-v1.json'), join(cwd, 'current.json'));
    const { code, stderr } = inkling(['train', 'v.csv', '--features', 'spec.json', '--k', '2', '--out', 'current.json'], cwd);
    expect(code, stderr).toBe(0);
    expect(lstatSync(join(cwd, 'current.json')).isSymbolicLink()).toBe(true);
    expect(validateManifest(readManifest(join(cwd, 'releases', 'manifest-v1.json'))).ok).toBe(true);
    expect(readdirSync(join(cwd, 'releases'))).toEqual(['manifest-v1.json']);
  });

  it('writes through a symlink whose file does not exist yet', () => {
    const cwd = withFiles({ 'spec.json': JSON.stringify(SPEC), 'v.csv': blobs(20) });
    mkdirSync(join(cwd, 'releases'));
    symlinkSync(join('releases', 'next.json'), join(cwd, 'current.json'));
    const { code, stderr } = inkling(['train', 'v.csv', '--features', 'spec.json', '--k', '2', '--out', 'current.json'], cwd);
    expect(code, stderr).toBe(0);
    expect(lstatSync(join(cwd, 'current.json')).isSymbolicLink()).toBe(true);
    expect(validateManifest(readManifest(join(cwd, 'releases', 'next.json'))).ok).toBe(true);
  });
});

describe('cases', () => {
  it('a case that is not an object is a failed case, not a crash', () => {
    const cwd = withFiles({ 'c.json': JSON.stringify({ specVersion: 1, cases: [null, 7] }) });
    const { code, stdout, stderr } = inkling(['cases', 'c.json'], cwd);
    expect(code).toBe(1);
    expect(stdout).toContain('0 passed, 2 failed');
    expect(stderr).toContain('FAIL c.json cases[0] "": needs "manifest" and "expected"');
    expect(stderr).toContain('FAIL c.json cases[1] "": needs "manifest" and "expected"');
  });
});

describe('sweeps measure distance as the SDK scores it, weights included', () => {
  // Four groups along a weight-0 feature, two along the other: the browser can tell two apart.
  const spec = {
    id: 'weighted',
    features: [
      { name: 'views', signal: 'view', agg: 'count', transform: 'none', label: 'pages viewed', weight: 0 },
      { name: 'ratio', signal: 'click', agg: 'rate', per: { signal: 'view' }, transform: 'none', label: 'clicks per view' },
    ],
  };
  function grid(): string {
    const random = createRandom(3);
    const lines = Array.from({ length: 320 }, (_, i) => `${(i % 4) * 10 + random()},${((i >> 2) % 2) * 10 + random()}`);
    return `views,ratio\n${lines.join('\n')}\n`;
  }

  it('train --k 2..6 recommends the 2 segments the browser can tell apart', () => {
    const cwd = withFiles({ 'spec.json': JSON.stringify(spec), 'v.csv': grid() });
    for (const extra of [[], ['--stream']]) {
      const { code, stdout, stderr } = inkling(['train', 'v.csv', '--features', 'spec.json', '--k', '2..6', '--out', 'm.json', ...extra], cwd);
      expect(code, stderr).toBe(0);
      expect(stdout).toContain('Recommended k = 2:');
      expect(readManifest(join(cwd, 'm.json')).segments).toHaveLength(2);
    }
  });

  it('report --k 2..6 recommends the same', () => {
    const cwd = withFiles({ 'spec.json': JSON.stringify(spec), 'v.csv': grid() });
    expect(inkling(['train', 'v.csv', '--features', 'spec.json', '--k', '2', '--out', 'm.json'], cwd).code).toBe(0);
    const { code, stdout, stderr } = inkling(['report', 'v.csv', '--manifest', 'm.json', '--out', 'r.html', '--k', '2..6'], cwd);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('Recommended k = 2:');
  });
});
