import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { trainManifest } from '../../src/cli/trainManifest';
import type { TrainingSpec } from '../../src/cli/trainingSpec';
import { validateManifest } from '../../src/model/validateManifest';

// The real data set lives outside the repository (UCI 468, see README "Example: real shoppers").
const DATA = new URL('../../../shared/data/online_shoppers_intention.csv', import.meta.url);
const dir = new URL('../../examples/online-shoppers/', import.meta.url);
const committed = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8'));
const spec: TrainingSpec = JSON.parse(readFileSync(new URL('spec.json', dir), 'utf8'));

describe('examples/online-shoppers', () => {
  it('commits a valid manifest trained with its spec', () => {
    expect(validateManifest(committed).ok).toBe(true);
    expect(committed.features.map((f: { name: string }) => f.name)).toEqual(spec.features.map((f) => f.name));
  });

  if (!existsSync(DATA)) {
    it.skip(`is rebuilt from the real data set: ${DATA.pathname} is not there (download UCI 468 to run this check)`, () => {});
    return;
  }

  it('is what the CLI trains from the real data set (reproducible)', () => {
    const csv = execFileSync(process.execPath, [new URL('toVectors.mjs', dir).pathname, DATA.pathname], { encoding: 'utf8', maxBuffer: 64 << 20 });
    // toVectors writes plain numbers only: no quoting to worry about.
    const [header, ...lines] = csv.trim().split('\n');
    const names = header!.split(',');
    const rows = lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [names[i], Number(cell)])));
    expect(rows).toHaveLength(12_330);
    const { manifest } = trainManifest(rows, spec, { k: committed.segments.length, seed: 1, restarts: 10, now: new Date(committed.issued) });
    manifest.features.forEach((f, i) => {
      expect(f.mean).toBeCloseTo(committed.features[i].mean, 9);
      expect(f.std).toBeCloseTo(committed.features[i].std, 9);
    });
    manifest.segments.forEach((s, i) => s.centroid.forEach((x, j) => expect(x).toBeCloseTo(committed.segments[i].centroid[j], 6)));
  });
});
