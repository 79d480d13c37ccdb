/// <reference types="node" />
import { CliError } from './cliError';

/**
 * The time written into manifests as `issued`: now, or `SOURCE_DATE_EPOCH` (seconds since 1970,
 * the reproducible-builds convention) when set, so the same data, spec and seed give a
 * byte-identical manifest.
 */
export function getNow(): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return new Date();
  if (!/^\d+$/.test(epoch)) throw new CliError(`SOURCE_DATE_EPOCH=${epoch}: expected whole seconds since 1970-01-01`, 2);
  return new Date(Number(epoch) * 1000);
}
