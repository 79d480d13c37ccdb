import { validateManifest } from '../model/validateManifest';
import { CliError } from './cliError';
import { readJsonFile } from './readJsonFile';
import { DEFAULT_HYSTERESIS, DEFAULT_MIN_EVIDENCE, DEFAULT_WINDOW, MAX_VALID_DAYS, type TrainingSpec } from './trainingSpec';

/**
 * Reads `spec.json` (what to compute per visitor: the manifest's features without `mean` and
 * `std`, plus optional id, window, minEvidence, hysteresis and validDays) and checks it with the SDK's own
 * `validateManifest`, so every problem is reported by the path it has in the spec.
 */
export function readTrainingSpec(path: string): TrainingSpec {
  const json = readJsonFile(path);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new CliError(`${path}: a training spec must be a JSON object with a "features" array`);
  const spec = json as Record<string, unknown>;
  if (!Array.isArray(spec.features) || spec.features.length === 0) throw new CliError(`${path}: "features" must be a non-empty array of feature definitions`);
  // A manifest with this spec's fields and placeholders for what training supplies.
  const probe = {
    inkling: 1,
    id: 'probe',
    window: DEFAULT_WINDOW,
    minEvidence: DEFAULT_MIN_EVIDENCE,
    hysteresis: DEFAULT_HYSTERESIS,
    ...spec,
    features: spec.features.map((f: unknown) => (typeof f === 'object' && f !== null ? { ...f, mean: 0, std: 1 } : f)),
    segments: [{ id: 'probe', label: '', centroid: spec.features.map(() => 0) }],
  };
  if (spec.validDays !== undefined && !(Number.isInteger(spec.validDays) && (spec.validDays as number) > 0 && (spec.validDays as number) <= MAX_VALID_DAYS)) {
    throw new CliError(`${path}: "validDays" must be a whole number of days from 1 to ${MAX_VALID_DAYS}, not ${JSON.stringify(spec.validDays)}`);
  }
  const { validDays: _validDays, ...manifestFields } = probe as typeof probe & { validDays?: unknown };
  const check = validateManifest(manifestFields);
  if (!check.ok) throw new CliError(`${path} is not a valid training spec`, 1, check.problems.map((p) => `  ${path}: ${p}`));
  return spec as unknown as TrainingSpec;
}
