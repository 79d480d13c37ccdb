/// <reference types="node" />
import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { CliError } from './cliError';

/** One CSV record with the line it ends on. */
export interface CsvLine {
  /** The record's cells, trimmed. */
  cells: string[];
  /** Its line number in the file (from 1). */
  line: number;
}

/**
 * Parses a small CSV file's text (centroids, not visitor rows: those stream through
 * `streamRows`). Blank lines are skipped; a malformed row is a `CliError` naming the line.
 */
export function parseCsvText(path: string, text: string): CsvLine[] {
  try {
    const records = parse(text, { bom: true, trim: true, skip_empty_lines: true, record_delimiter: ['\r\n', '\n', '\r'], info: true }) as { record: string[]; info: { lines: number } }[];
    return records.map(({ record, info }) => ({ cells: record, line: info.lines }));
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    const line = (e as CsvError & { lines?: number }).lines;
    throw new CliError(`${path}${line ? ` line ${line}` : ''}: malformed CSV: ${e.message.replace(/,? (?:on|at) line \d+/, '')}`);
  }
}
