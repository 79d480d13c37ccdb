/// <reference types="node" />
import { CliError } from './cliError';

/** 9999-12-31T23:59:59Z in seconds: the last four-digit-year ISO 8601 date. */
const LAST_EPOCH = 253_402_300_799;

/**
 * The time written into manifests as `issued`: now, or `SOURCE_DATE_EPOCH` (seconds since 1970,
 * the reproducible-builds convention) when set, so the same data, spec and seed give a
 * byte-identical manifest.
 */
export function getNow(): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return new Date();
  if (!/^\d+$/.test(epoch)) throw new CliError(`SOURCE_DATE_EPOCH=${epoch}: expected whole seconds since 1970-01-01`, 2);
  if (Number(epoch) > LAST_EPOCH) throw new CliError(`SOURCE_DATE_EPOCH=${epoch}: after 9999-12-31T23:59:59Z, the last date a manifest can be issued (at most ${LAST_EPOCH})`, 2);
  return new Date(Number(epoch) * 1000);
}
