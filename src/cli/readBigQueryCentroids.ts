import { CliError } from './cliError';
import { parseCsvText } from './parseCsvText';
import { parseNumberCell } from './parseNumberCell';
import { readTextFile } from './readJsonFile';
import type { ImportedCentroids } from './readSparkCenters';

const COLUMNS = ['centroid_id', 'feature', 'numerical_value'] as const;

/**
 * BigQuery ML `ML.CENTROIDS` results exported as CSV: long format, one line per centroid and
 * feature, with a header naming at least `centroid_id,feature,numerical_value` (other columns,
 * such as `categorical_value`, are ignored). Pivoted into one centroid per `centroid_id`, in
 * ascending id order, each in the spec's feature order. An unknown feature, a missing or
 * repeated one, or a non-numeric value is a `CliError` naming it.
 */
export function readBigQueryCentroids(path: string, names: readonly string[]): ImportedCentroids {
  const [header, ...rows] = parseCsvText(path, readTextFile(path));
  if (!header) throw new CliError(`${path} is empty`);
  const index = Object.fromEntries(COLUMNS.map((c) => [c, header.cells.findIndex((cell) => cell.toLowerCase() === c)])) as Record<(typeof COLUMNS)[number], number>;
  const absent = COLUMNS.filter((c) => index[c] < 0);
  if (absent.length > 0) throw new CliError(`${path} line ${header.line}: the header needs ${COLUMNS.join(', ')} (ML.CENTROIDS output); missing ${absent.join(', ')}`);
  if (rows.length === 0) throw new CliError(`${path} has a header but no centroids`);
  const byId = new Map<string, (number | undefined)[]>();
  for (const { cells, line } of rows) {
    const id = cells[index.centroid_id]!;
    const feature = cells[index.feature]!;
    if (!/^\d+$/.test(id)) throw new CliError(`${path} line ${line}, column ${index.centroid_id + 1} (centroid_id): ${JSON.stringify(id)} is not a centroid id`);
    const j = names.indexOf(feature);
    if (j < 0) throw new CliError(`${path} line ${line}: feature "${feature}" is not in the spec (${names.join(', ')})`);
    const value = parseNumberCell(cells[index.numerical_value]!, () => `${path} line ${line}, column ${index.numerical_value + 1} (numerical_value of "${feature}")`);
    const centroid = byId.get(id) ?? names.map(() => undefined);
    if (centroid[j] !== undefined) throw new CliError(`${path} line ${line}: centroid ${id} has feature "${feature}" twice`);
    centroid[j] = value;
    byId.set(id, centroid);
  }
  const ids = [...byId.keys()].sort((a, b) => Number(a) - Number(b));
  const centroids = ids.map((id) => {
    const centroid = byId.get(id)!;
    const missing = names.filter((_, j) => centroid[j] === undefined);
    if (missing.length > 0) throw new CliError(`${path}: centroid ${id} has no value for feature "${missing[0]}"`);
    return centroid as number[];
  });
  return { ids, centroids };
}
