import { CliError } from './cliError';
import { readJsonFile } from './readJsonFile';

/**
 * `means.json`: the standardisation applied before clustering, `{ "feature": { "mean": m, "std": s } }`
 * for every feature of the spec (of the transformed value). Returns means and stds in the
 * spec's order; anything missing, unknown or not a usable number is a `CliError` naming it.
 */
export function readMeans(path: string, names: readonly string[]): { mean: number[]; std: number[] } {
  const json = readJsonFile(path);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new CliError(`${path}: expected an object {"feature": {"mean": m, "std": s}, …}`);
  const entries = json as Record<string, unknown>;
  const unknown = Object.keys(entries).filter((name) => !names.includes(name));
  if (unknown.length > 0) throw new CliError(`${path}: "${unknown[0]}" is not a feature of the spec (${names.join(', ')})`);
  const mean: number[] = [];
  const std: number[] = [];
  for (const name of names) {
    const entry = entries[name] as { mean?: unknown; std?: unknown } | undefined;
    if (typeof entry !== 'object' || entry === null) throw new CliError(`${path}: feature "${name}" is missing (expected {"mean": m, "std": s})`);
    if (typeof entry.mean !== 'number' || !Number.isFinite(entry.mean)) throw new CliError(`${path}: "${name}".mean must be a finite number`);
    if (typeof entry.std !== 'number' || !Number.isFinite(entry.std) || entry.std <= 0) throw new CliError(`${path}: "${name}".std must be a number > 0`);
    mean.push(entry.mean);
    std.push(entry.std);
  }
  return { mean, std };
}
