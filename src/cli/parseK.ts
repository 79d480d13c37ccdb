import { CliError } from './cliError';

/**
 * Reads `--k`: one whole number (`5`: train that k) or an inclusive range (`2..10`: sweep it and
 * train the recommended k). Anything else is a usage error.
 *
 * @example
 * parseK('2..4'); // { ks: [2, 3, 4], sweep: true }
 */
export function parseK(text: string | undefined): { ks: number[]; sweep: boolean } {
  if (text === undefined) throw new CliError('--k is required: a number of segments (--k 5) or a range to sweep (--k 2..10)', 2);
  const single = /^\d+$/.exec(text);
  if (single) {
    const k = Number(text);
    if (k < 1) throw new CliError(`--k ${text}: k must be at least 1`, 2);
    return { ks: [k], sweep: false };
  }
  const range = /^(\d+)\.\.(\d+)$/.exec(text);
  if (!range) throw new CliError(`--k ${text}: expected a whole number (--k 5) or a range (--k 2..10)`, 2);
  const [from, to] = [Number(range[1]), Number(range[2])];
  if (from < 2 || to <= from) throw new CliError(`--k ${text}: a sweep needs 2 ≤ from < to (silhouettes need at least two segments)`, 2);
  return { ks: Array.from({ length: to - from + 1 }, (_, i) => from + i), sweep: true };
}
