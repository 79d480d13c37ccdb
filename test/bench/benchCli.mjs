// `npm run bench:cli`: times `inkling train --stream` on 1,000,000 synthetic 10-D visitor vectors
// (8 Gaussian blobs, seeded, so every run reads the same file) and samples the child's peak
// resident memory from /proc/<pid>/status (VmHWM, Linux only). Target: < 60 s and < 500 MB.
// Run after `npm run build`. Exits non-zero when a target is missed.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROWS = 1_000_000;
const DIMENSIONS = 10;
const BLOBS = 8;
const TARGET_SECONDS = 60;
const TARGET_MB = 500;
const cli = join(process.cwd(), 'dist/cli.js');

if (!existsSync(cli)) {
  console.error('dist/cli.js is missing: run npm run build first.');
  process.exit(1);
}

/** mulberry32, as src/cli/createRandom.ts: the same seed gives the same file. */
function createRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes the CSV: a header of feature names, then ROWS rows around BLOBS random centres. */
function writeVectors(path) {
  const random = createRandom(42);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const centres = Array.from({ length: BLOBS }, () => Array.from({ length: DIMENSIONS }, () => (random() - 0.5) * 20));
  const fd = openSync(path, 'w');
  writeSync(fd, `${Array.from({ length: DIMENSIONS }, (_, j) => `f${j}`).join(',')}\n`);
  let chunk = '';
  for (let i = 0; i < ROWS; i++) {
    const centre = centres[Math.floor(random() * BLOBS)];
    chunk += `${centre.map((c) => (c + gaussian()).toFixed(4)).join(',')}\n`;
    if (chunk.length > 1 << 20) {
      writeSync(fd, chunk);
      chunk = '';
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
}

/** Peak resident set of a live process in MB, or undefined once it has gone. */
function peakMb(pid) {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return kb ? Number(kb[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'inkling-bench-'));
try {
  const vectors = join(dir, 'vectors.csv');
  const spec = join(dir, 'spec.json');
  const out = join(dir, 'manifest.json');
  let started = performance.now();
  writeVectors(vectors);
  const features = Array.from({ length: DIMENSIONS }, (_, j) => ({ name: `f${j}`, signal: `custom:f${j}`, agg: 'sum', transform: 'none', label: `feature ${j}` }));
  writeFileSync(spec, JSON.stringify({ id: 'bench', features }));
  console.log(`Generated ${ROWS.toLocaleString('en')} × ${DIMENSIONS} vectors (${BLOBS} blobs, ${(statSync(vectors).size / 1e6).toFixed(0)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  started = performance.now();
  const child = spawn(process.execPath, [cli, 'train', vectors, '--features', spec, '--k', String(BLOBS), '--stream', '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, peakMb(child.pid) ?? 0)), 20);
  const code = await new Promise((resolve) => child.on('exit', (c) => resolve(c)));
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) {
    console.error(`inkling train failed (exit code ${code}):\n${output}`);
    process.exitCode = 1;
  } else {
    const manifest = JSON.parse(readFileSync(out, 'utf8'));
    const fast = seconds < TARGET_SECONDS;
    const small = peak > 0 && peak < TARGET_MB;
    console.log(output.trim());
    console.log(`train --stream --k ${BLOBS}: ${seconds.toFixed(1)} s (target < ${TARGET_SECONDS} s: ${fast ? 'met' : 'MISSED'}), ` +
      `peak RSS ${peak > 0 ? `${peak.toFixed(0)} MB` : 'unknown (no /proc)'} (target < ${TARGET_MB} MB: ${small ? 'met' : 'MISSED'}), ${manifest.segments.length} segments`);
    if (!fast || !small) process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
