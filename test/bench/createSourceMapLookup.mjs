// Maps a position in a minified build back to its source, for naming the functions a CPU profile
// found (`npm run bench -- --profile`). Decoding and search are @jridgewell/trace-mapping's.
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';

/**
 * Builds `lookup(line, column)` (both 0-based, as in CPU profiles) → `{ source, line, column, name }`
 * (line 1-based) of the nearest mapping at or before that column, or null.
 */
export function createSourceMapLookup(map) {
  const traced = new TraceMap(map);
  return (line, column) => {
    // trace-mapping throws on lines before 1 and negative columns (a profile's -1 for "unknown").
    if (!(line >= 0 && column >= 0)) return null;
    // Its lines are 1-based, its columns 0-based; the default bias is the nearest at or before.
    const found = originalPositionFor(traced, { line: line + 1, column });
    if (found.source === null) return null;
    return {
      source: found.source.replace(/^(\.\.\/)+/, ''),
      line: found.line,
      column: found.column,
      name: found.name ?? undefined,
    };
  };
}
