import { CliError } from './cliError';

// A plain decimal number: no hex, no `Infinity`, no empty cell (which `Number` reads as 0).
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** True when a CSV cell is a plain decimal number (how a header line is told from a data line). */
export const isNumberCell = (cell: string): boolean => DECIMAL.test(cell);

/**
 * A CSV cell as a finite number, or a `CliError` led by `where()` (file, line, column; built only
 * on failure, as this runs for every cell of a large file). `NaN`, `Infinity`, hex and empty
 * cells are errors.
 */
export function parseNumberCell(cell: string, where: () => string): number {
  if (!DECIMAL.test(cell)) {
    throw new CliError(`${where()}: ${cell === '' ? 'the cell is empty' : `${JSON.stringify(cell)} is not a ${/^[+-]?(nan|inf(inity)?)$/i.test(cell) ? 'finite ' : ''}number`}`);
  }
  const value = Number(cell);
  if (!Number.isFinite(value)) throw new CliError(`${where()}: ${cell} is not a finite number`);
  return value;
}
