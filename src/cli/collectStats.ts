import { createRandom } from './createRandom';
import type { RowColumns } from './streamRows';

/** What one streaming pass over the rows learns. */
export interface RowStats {
  /** How many rows were read. */
  rows: number;
  /** Per column, the mean of the transformed value (`log1p` or `none`). */
  mean: number[];
  /** Per column, the population standard deviation of the transformed value. */
  std: number[];
  /** A uniform random sample of the raw rows (at most `sampleSize`), for sweeps and reports. */
  sample: number[][];
}

/**
 * One pass over batches of raw rows: the mean and standard deviation of each transformed column
 * by Welford's online algorithm (numerically stable, constant memory), and a seeded reservoir
 * sample (algorithm R) of the rows.
 *
 * @example
 * const { mean, std } = await collectStats(streamRows(file, spec.features), spec.features);
 */
export async function collectStats(batches: AsyncIterable<number[][]>, columns: RowColumns, options: { sampleSize?: number; seed?: number } = {}): Promise<RowStats> {
  const { sampleSize = 0, seed = 1 } = options;
  const random = createRandom(seed);
  const mean = columns.map(() => 0);
  const m2 = columns.map(() => 0);
  const log = columns.map((c) => c.transform === 'log1p');
  const sample: number[][] = [];
  let rows = 0;
  for await (const batch of batches) {
    for (const row of batch) {
      rows++;
      for (let j = 0; j < columns.length; j++) {
        const raw = row[j]!;
        const x = log[j] ? Math.log1p(raw) : raw;
        const delta = x - mean[j]!;
        mean[j]! += delta / rows;
        m2[j]! += delta * (x - mean[j]!);
      }
      if (sample.length < sampleSize) sample.push(row);
      else if (sampleSize > 0) {
        const slot = Math.floor(random() * rows);
        if (slot < sampleSize) sample[slot] = row;
      }
    }
  }
  return { rows, mean, std: m2.map((m) => Math.sqrt(m / Math.max(rows, 1))), sample };
}
