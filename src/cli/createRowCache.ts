/// <reference types="node" />
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Rows written once as binary doubles, then read back in batches as often as needed. */
export interface RowCache {
  /** Appends rows (each `dimensions` wide). */
  write(rows: readonly (readonly number[])[]): void;
  /** Rows written so far. */
  readonly rows: number;
  /** Reads every row again from the start, in batches, each row passed through `map` (in place). */
  batches(batchSize: number, map?: (row: Float64Array) => void): AsyncGenerator<Float64Array[]>;
  /** Deletes the file. */
  remove(): void;
}

/**
 * A temporary file of rows as 64-bit floats, for the passes that mini-batch k-means makes over
 * data too large for memory: parsing CSV costs about 6 s per million 10-column rows, reading
 * the same rows back from this file a few hundredths of that. Memory stays one batch.
 * The file lives in `dir` (beside the output, so on a real disk rather than a RAM-backed /tmp)
 * and is deleted by `remove`, when the process exits, or when it is interrupted.
 *
 * @example
 * const cache = createRowCache('.', 10);
 * for await (const batch of streamRows(file, columns)) cache.write(batch);
 * for await (const batch of cache.batches(1024)) learn(batch);
 * cache.remove();
 */
export function createRowCache(dir: string, dimensions: number): RowCache {
  const path = join(dir, `.inkling-rows-${randomBytes(6).toString('hex')}.f64`);
  const fd = openSync(path, 'wx+', 0o600);
  let rows = 0;
  let open = true;
  // Interrupted (Ctrl-C, kill), the process would otherwise leave the file behind.
  const interrupted = (signal: NodeJS.Signals) => {
    remove();
    process.kill(process.pid, signal);
  };
  const remove = () => {
    if (!open) return;
    open = false;
    process.off('exit', remove);
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    closeSync(fd);
    rmSync(path, { force: true });
  };
  process.on('exit', remove);
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  return {
    get rows() {
      return rows;
    },
    write(batch) {
      const data = new Float64Array(batch.length * dimensions);
      batch.forEach((row, i) => data.set(row, i * dimensions));
      writeSync(fd, data, 0, data.byteLength, rows * dimensions * 8);
      rows += batch.length;
    },
    async *batches(batchSize, map) {
      for (let start = 0; start < rows; start += batchSize) {
        const count = Math.min(batchSize, rows - start);
        const data = new Float64Array(count * dimensions);
        const bytes = readSync(fd, data, 0, data.byteLength, start * dimensions * 8);
        if (bytes !== data.byteLength) throw new Error(`the row cache ${path} was cut short`);
        const batch = Array.from({ length: count }, (_, i) => data.subarray(i * dimensions, (i + 1) * dimensions));
        if (map) batch.forEach(map);
        yield batch;
      }
    },
    remove,
  };
}
