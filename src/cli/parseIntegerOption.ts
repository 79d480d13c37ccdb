import { CliError } from './cliError';

/** A whole-number option such as `--seed 1`, or its default; anything else is a usage error naming the option. */
export function parseIntegerOption(value: string | undefined, name: string, fallback: number, min = 0): number {
  if (value === undefined) return fallback;
  if (!/^-?\d+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value))) throw new CliError(`--${name} ${value}: expected a whole number ≥ ${min}`, 2);
  return Number(value);
}
