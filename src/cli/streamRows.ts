/// <reference types="node" />
import { createReadStream, statSync } from 'node:fs';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline, type Readable } from 'node:stream';
import { CsvError, parse, type Options } from 'csv-parse';
import type { FeatureSpec } from '../types/manifest';
import { CliError } from './cliError';
import { parseNumberCell } from './parseNumberCell';

/** The columns a reader takes from each row, in this order. */
export type RowColumns = readonly Pick<FeatureSpec, 'name' | 'transform'>[];

const CSV_OPTIONS: Options = { bom: true, trim: true, skip_empty_lines: true, record_delimiter: ['\r\n', '\n', '\r'] };
const CHUNK_BYTES = 1 << 20;
/** What `+cell` reads as a number but a CSV cell must not be: hex, binary and octal literals (`0x10`). */
const RADIX_PREFIX = /^0[xbo]/i;

/** Checks one value against its column: finite, and 0 or more when the feature uses log1p (as the SDK reads it). */
function check(value: number, column: RowColumns[number], where: () => string, shown: string): number {
  if (!Number.isFinite(value)) throw new CliError(`${where()}: ${shown} is not a finite number`);
  if (column.transform === 'log1p' && value < 0) throw new CliError(`${where()}: ${shown} is out of range for transform log1p (values must be 0 or more: the SDK reads less as 0)`);
  return value;
}

/** `file line N: message`, with csv-parse's own "on line N" dropped from its message. */
function csvProblem(path: string, error: CsvError): CliError {
  const line = (error as CsvError & { lines?: number }).lines;
  const message = error.message.replace(/,? (?:on|at) line \d+/, '');
  return new CliError(`${path}${line ? ` line ${line}` : ''}: malformed CSV: ${message}`);
}

/**
 * Objects from a readable stream in arrays of up to `size`: one promise per batch, not per
 * object (`for await` over a stream costs a promise per record, a quarter of the parse time).
 */
async function* readBatches<T>(stream: Readable, size: number): AsyncGenerator<T[]> {
  let ended = false;
  let failure: unknown;
  let wake = () => {};
  stream.on('readable', () => wake());
  stream.on('end', () => ((ended = true), wake()));
  stream.on('error', (e) => ((failure = e), wake()));
  let batch: T[] = [];
  for (;;) {
    let item: T | null;
    while ((item = stream.read() as T | null) !== null) {
      batch.push(item);
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
    }
    if (failure !== undefined) throw failure;
    if (ended) break;
    await new Promise<void>((resolve) => (wake = resolve));
  }
  if (batch.length > 0) yield batch;
}

/**
 * The physical line on which CSV record `n` (from 1, the header included) ends. Parsing with
 * line numbers costs a third more, so the fast pass counts records and this second parse runs
 * only to word an error.
 */
async function lineOfRecord(path: string, n: number): Promise<number> {
  let line = 0;
  const parser = parse({ ...CSV_OPTIONS, to: n, on_record: (record: string[], info: { lines: number }) => ((line = info.lines), record) });
  pipeline(createReadStream(path, { highWaterMark: CHUNK_BYTES }), parser, () => {});
  for await (const _ of readBatches(parser, 4096));
  return line;
}

async function* csvBatches(path: string, columns: RowColumns, batchSize: number): AsyncGenerator<number[][]> {
  const parser = parse(CSV_OPTIONS);
  pipeline(createReadStream(path, { highWaterMark: CHUNK_BYTES }), parser, () => {});
  let indexes: number[] | undefined;
  let record = 0; // records read, the header included
  try {
    for await (const records of readBatches<string[]>(parser, batchSize)) {
      const rows: number[][] = [];
      for (const cells of records) {
        record++;
        if (!indexes) {
          indexes = columns.map((c) => {
            const index = cells.indexOf(c.name);
            if (index < 0) throw new CliError(`${path} line 1: the header has no column "${c.name}" (a feature of the spec); its columns are ${cells.join(', ')}`);
            return index;
          });
          continue;
        }
        const row = new Array<number>(indexes.length);
        for (let j = 0; j < indexes.length; j++) {
          const index = indexes[j]!;
          const cell = cells[index]!;
          const column = columns[j]!;
          const value = +cell;
          // The fast path: a plain number; anything else is checked strictly and reported with its line.
          if (cell === '' || !Number.isFinite(value) || (column.transform === 'log1p' && value < 0) || (cell.charCodeAt(0) === 48 && RADIX_PREFIX.test(cell))) {
            const line = await lineOfRecord(path, record);
            const where = () => `${path} line ${line}, column ${index + 1} (${column.name})`;
            check(parseNumberCell(cell, where), column, where, cell);
          }
          row[j] = value;
        }
        rows.push(row);
      }
      if (rows.length > 0) yield rows;
    }
  } catch (e) {
    throw e instanceof CsvError ? csvProblem(path, e) : e;
  } finally {
    parser.destroy();
  }
  if (!indexes) throw new CliError(`${path} is empty: expected a header line of feature names, then one row per visitor`);
}

async function* jsonlBatches(path: string, columns: RowColumns, batchSize: number): AsyncGenerator<number[][]> {
  let line = 0;
  let rows: number[][] = [];
  for await (const input of createInterface({ input: createReadStream(path, { highWaterMark: CHUNK_BYTES }), crlfDelay: Infinity })) {
    line++;
    // A byte order mark (as some Windows tools write) is not part of the first object.
    const text = line === 1 ? input.replace(/^\uFEFF/, '') : input;
    if (text.trim() === '') continue;
    let object: unknown;
    try {
      object = JSON.parse(text);
    } catch (e) {
      throw new CliError(`${path} line ${line}: not valid JSON (${(e as Error).message.split('\n')[0]})`);
    }
    if (typeof object !== 'object' || object === null || Array.isArray(object)) throw new CliError(`${path} line ${line}: expected a JSON object of feature values`);
    const values = object as Record<string, unknown>;
    rows.push(
      columns.map((column) => {
        const value = values[column.name];
        const where = () => `${path} line ${line}, field "${column.name}"`;
        if (value === undefined) throw new CliError(`${where()} is missing`);
        if (typeof value !== 'number') throw new CliError(`${where()}: ${JSON.stringify(value)} is not a number`);
        return check(value, column, where, String(value));
      }),
    );
    if (rows.length >= batchSize) {
      yield rows;
      rows = [];
    }
  }
  if (rows.length > 0) yield rows;
}

/** True for JSON Lines input (`.jsonl`, `.ndjson`); everything else is read as CSV. */
export function isJsonLines(path: string): boolean {
  return ['.jsonl', '.ndjson'].includes(extname(path).toLowerCase());
}

/**
 * Reads visitor vectors from CSV (a header of feature names, then one row per visitor) or JSON
 * Lines (one object per visitor), taking `columns` in order and yielding them in batches of
 * raw (untransformed) numbers. Other columns are ignored. Streams: memory does not grow with
 * the file. A malformed row, a non-numeric or non-finite cell, a value outside log1p's domain
 * or an empty file is a `CliError` naming the file, the line and the column.
 *
 * @example
 * for await (const batch of streamRows('vectors.csv', spec.features)) train(batch);
 */
export async function* streamRows(path: string, columns: RowColumns, batchSize = 4096): AsyncGenerator<number[][]> {
  if (!statSync(path, { throwIfNoEntry: false })?.isFile()) throw new CliError(`${path}: no such file`);
  let rows = 0;
  for await (const batch of isJsonLines(path) ? jsonlBatches(path, columns, batchSize) : csvBatches(path, columns, batchSize)) {
    rows += batch.length;
    yield batch;
  }
  if (rows === 0) throw new CliError(`${path} has no rows`);
}
