import { computeFeatures } from '../model/computeFeatures';
import { scoreVector } from '../model/scoreVector';
import { MANIFEST_VERSION } from '../model/validateManifest';
import type { Manifest } from '../types/manifest';
import type { ProfileBucket } from '../types/profile';
import { CliError } from './cliError';
import { defineCommand } from './defineCommand';
import { readJsonFile } from './readJsonFile';

// The same tolerance as the SDK's golden-case test (vitest `toBeCloseTo(x, 12)`).
const close = (a: unknown, b: unknown) => typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) < 5e-13;

type Case = Record<string, unknown> & { name?: string; manifest?: Manifest; expected?: Record<string, unknown> };

/** Differences between a features case's expectation and what `computeFeatures` gives. */
function checkFeatures(c: Case): string[] {
  const expected = c.expected as { raw: number[]; z: number[]; evidence: number };
  const vector = computeFeatures(c.buckets as ProfileBucket[], c.manifest!, c.today as number);
  const problems: string[] = [];
  for (const key of ['raw', 'z'] as const) {
    if (vector[key].length !== expected[key].length) problems.push(`${key} has ${vector[key].length} numbers, expected ${expected[key].length}`);
    else vector[key].forEach((x, i) => close(x, expected[key][i]) || problems.push(`${key}[${i}] is ${x}, expected ${expected[key][i]}`));
  }
  if (vector.evidence !== expected.evidence) problems.push(`evidence is ${vector.evidence}, expected ${expected.evidence}`);
  return problems;
}

/** Differences between a scoring case's expectation and what `scoreVector` gives. */
function checkScoring(c: Case): string[] {
  const expected = c.expected as { segment: string; confidence: number; distances: Record<string, number> };
  const score = scoreVector(c.z as number[], c.manifest!, (c.current as string | null) ?? undefined);
  const problems: string[] = [];
  if (score.segment !== expected.segment) problems.push(`segment is ${score.segment}, expected ${expected.segment}`);
  if (!close(score.confidence, expected.confidence)) problems.push(`confidence is ${score.confidence}, expected ${expected.confidence}`);
  for (const [id, d] of Object.entries(expected.distances)) if (!close(score.distances[id], d)) problems.push(`distance to ${id} is ${score.distances[id]}, expected ${d}`);
  return problems;
}

export const casesCommand = defineCommand({
  name: 'cases',
  summary: 'run golden cases (test/cases/*.json) through the CLI',
  help: `Usage: inkling cases features.json|scoring.json

Runs a golden case file through the same computeFeatures and scoreVector modules the SDK runs in
the browser, so the training side and the browser provably compute the same numbers. The kind of
file is recognised from its cases: "buckets" (features) or "z" (scoring). Prints each failure and
then "N passed, M failed".

Exit code: 0 only if every case passes.`,
  options: {},
  positionals: ['cases.json'],
  run(_, [path]) {
    const file = readJsonFile(path!) as { specVersion?: unknown; cases?: unknown };
    if (typeof file !== 'object' || file === null || !Array.isArray(file.cases)) throw new CliError(`${path}: expected an object with a "cases" array`);
    if (file.specVersion !== MANIFEST_VERSION) throw new CliError(`${path}: specVersion is ${JSON.stringify(file.specVersion)}, this CLI runs version ${MANIFEST_VERSION}`);
    let passed = 0;
    let failed = 0;
    (file.cases as Case[]).forEach((c, i) => {
      const name = `cases[${i}] ${JSON.stringify((typeof c === 'object' && c?.name) || '')}`;
      let problems: string[];
      try {
        if (typeof c !== 'object' || c === null || !c.manifest || !c.expected) problems = ['needs "manifest" and "expected"'];
        else if (Array.isArray(c.buckets)) problems = checkFeatures(c);
        else if (Array.isArray(c.z)) problems = checkScoring(c);
        else problems = ['has neither "buckets" (a features case) nor "z" (a scoring case)'];
      } catch (e) {
        problems = [`threw ${(e as Error).message}`];
      }
      if (problems.length === 0) passed++;
      else {
        failed++;
        for (const problem of problems) console.error(`FAIL ${path} ${name}: ${problem}`);
      }
    });
    console.log(`${passed} passed, ${failed} failed`);
    if (failed > 0 || passed === 0) process.exitCode = 1;
  },
});
