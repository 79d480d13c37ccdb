import { CliError } from './cliError';
import { parseCsvText } from './parseCsvText';
import { isNumberCell, parseNumberCell } from './parseNumberCell';
import { readJsonFile, readTextFile } from './readJsonFile';

/** Centroids in the spec's feature order, with the engine's own cluster ids. */
export interface ImportedCentroids {
  /** The engine's cluster id of each centroid (Spark: its index from 0; BigQuery: `centroid_id`). */
  ids: string[];
  /** One row per cluster, one number per spec feature, in the spec's order. */
  centroids: number[][];
}

function fromJson(path: string, names: readonly string[]): ImportedCentroids {
  const json = readJsonFile(path);
  const centers = Array.isArray(json) ? json : (json as { clusterCenters?: unknown } | null)?.clusterCenters;
  const at = Array.isArray(json) ? '' : 'clusterCenters';
  if (!Array.isArray(centers)) throw new CliError(`${path}: expected an array of centroids (arrays of numbers) or {"clusterCenters": [[…], …]}`);
  if (centers.length === 0) throw new CliError(`${path}: ${at || 'the array'} is empty`);
  const centroids = centers.map((center: unknown, i) => {
    // Spark's JSON for a DenseVector may be {"values": […]} (or {"type": 1, "values": […]}).
    const values = Array.isArray(center) ? center : (center as { values?: unknown } | null)?.values;
    if (!Array.isArray(values)) throw new CliError(`${path}: ${at}[${i}] must be an array of numbers`);
    if (values.length !== names.length) throw new CliError(`${path}: ${at}[${i}] has ${values.length} numbers, the spec has ${names.length} features (${names.join(', ')})`);
    return values.map((x: unknown, j) => {
      if (typeof x !== 'number' || !Number.isFinite(x)) throw new CliError(`${path}: ${at}[${i}][${j}] (${names[j]}) must be a finite number, got ${JSON.stringify(x)}`);
      return x;
    });
  });
  return { ids: centroids.map((_, i) => String(i)), centroids };
}

function fromCsv(path: string, names: readonly string[]): ImportedCentroids {
  const lines = parseCsvText(path, readTextFile(path));
  if (lines.length === 0) throw new CliError(`${path} is empty`);
  const first = lines[0]!;
  // A header is a first line with a cell that is not a number; its names may come in any order.
  const hasHeader = first.cells.some((cell) => !isNumberCell(cell));
  let order = names.map((_, j) => j);
  if (hasHeader) {
    const unknown = first.cells.filter((cell) => !names.includes(cell));
    if (unknown.length > 0) throw new CliError(`${path} line ${first.line}: header column "${unknown[0]}" is not a feature of the spec (${names.join(', ')})`);
    const missing = names.filter((name) => !first.cells.includes(name));
    if (missing.length > 0) throw new CliError(`${path} line ${first.line}: the header has no column for feature "${missing[0]}"`);
    order = names.map((name) => first.cells.indexOf(name));
  }
  const rows = hasHeader ? lines.slice(1) : lines;
  if (rows.length === 0) throw new CliError(`${path} has a header but no centroids`);
  const centroids = rows.map(({ cells, line }) => {
    if (cells.length !== names.length) throw new CliError(`${path} line ${line}: ${cells.length} values, the spec has ${names.length} features (${names.join(', ')})`);
    return order.map((index, j) => parseNumberCell(cells[index]!, () => `${path} line ${line}, column ${index + 1} (${names[j]})`));
  });
  return { ids: centroids.map((_, i) => String(i)), centroids };
}

/**
 * Spark MLlib `KMeansModel.clusterCenters`, exported as JSON (an array of arrays, or
 * `{"clusterCenters": [[…]]}`) or as CSV (one centroid per line, with no header, the columns
 * then in the spec's order, or a header of feature names in any order). Cluster ids are the
 * indexes Spark's `predict` returns, from 0.
 */
export function readSparkCenters(path: string, names: readonly string[]): ImportedCentroids {
  const text = readTextFile(path).trimStart();
  return path.toLowerCase().endsWith('.json') || text.startsWith('[') || text.startsWith('{') ? fromJson(path, names) : fromCsv(path, names);
}
