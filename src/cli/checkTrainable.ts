import { CliError } from './cliError';
import type { RowStats } from './collectStats';

/**
 * Stops, naming the file and the feature, on what would make training meaningless: a constant
 * feature (std 0 cannot be standardised) or more segments than rows.
 */
export function checkTrainable(stats: RowStats, features: readonly { name: string }[], ks: readonly number[], path: string): void {
  features.forEach((f, j) => {
    if (!(stats.std[j]! > 0)) throw new CliError(`${path}: feature "${f.name}" is constant (the same value in all ${stats.rows} rows), so it cannot be standardised; drop it from the spec`);
  });
  const k = Math.max(...ks);
  if (k > stats.rows) throw new CliError(`${path}: k = ${k} is larger than the ${stats.rows} row${stats.rows > 1 ? 's' : ''} of data`);
}
