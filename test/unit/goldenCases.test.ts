import { describe, expect, it } from 'vitest';
import features from '../cases/features.json';
import scoring from '../cases/scoring.json';
import { computeFeatures } from '../../src/model/computeFeatures';
import { scoreVector } from '../../src/model/scoreVector';
import { MANIFEST_VERSION } from '../../src/model/validateManifest';
import type { Manifest } from '../../src/types/manifest';

// The same files are run by the CLI (issue 8), so browser and training side compute the same numbers.
// The expected values were computed by an independent implementation, not by this code.
const close = (actual: number[], expected: number[]) => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((x, i) => expect(x).toBeCloseTo(expected[i]!, 12));
};

describe('golden cases', () => {
  it('are for this spec version', () => {
    expect(features.specVersion).toBe(MANIFEST_VERSION);
    expect(scoring.specVersion).toBe(MANIFEST_VERSION);
  });

  describe('features.json', () => {
    it.each(features.cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
      const vector = computeFeatures(c.buckets, c.manifest as unknown as Manifest, c.today);
      close(vector.raw, c.expected.raw);
      close(vector.z, c.expected.z);
      expect(vector.evidence).toBe(c.expected.evidence);
    });
  });

  describe('scoring.json', () => {
    it.each(scoring.cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
      const score = scoreVector(c.z, c.manifest as unknown as Manifest, c.current ?? undefined);
      expect(score.segment).toBe(c.expected.segment);
      expect(score.confidence).toBeCloseTo(c.expected.confidence, 12);
      for (const [id, d] of Object.entries(c.expected.distances)) expect(score.distances[id]).toBeCloseTo(d, 12);
    });
  });
});
