/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { CliError } from './cliError';
import { locateJsonError } from './locateJsonError';

/** Where the first syntax error is, as " at line L, column C". */
function where(text: string): string {
  const at = locateJsonError(text);
  if (at < 0) return '';
  const before = text.slice(0, at);
  return ` at line ${before.split('\n').length}, column ${before.length - before.lastIndexOf('\n')}`;
}

/** The text of a file, or a one-line error naming it. */
export function readTextFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `${path}: no such file` : code === 'EISDIR' ? `${path} is a directory, not a file` : `${path}: ${(e as Error).message}`);
  }
}

/** Reads and parses a JSON file; a missing file or invalid JSON is a one-line error naming the file and the line. */
export function readJsonFile(path: string): unknown {
  const text = readTextFile(path).replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new CliError(`${path} is empty`);
  try {
    return JSON.parse(text);
  } catch (e) {
    // V8's message may quote the text around the error, across lines: keep its first clause.
    const message = (e as Error).message.replace(/ in JSON at position \d+.*$/s, '').replace(/, (?:\.\.\.)?".*" is not valid JSON$/s, '');
    throw new CliError(`${path} is not valid JSON${where(text)}: ${message}`);
  }
}
