// Maps a position in a minified build back to its source, for naming the functions a CPU profile
// found (`npm run bench -- --profile`). Source map v3, `mappings` only (no index maps, no
// `sourcesContent`): enough for the single-file maps rollup writes next to dist/*.js.

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

/** Decodes one segment of base64 VLQ numbers ("AAgBC" → [0, 0, 16, 1]). */
function decodeSegment(text) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = DIGIT.get(char);
    if (digit === undefined) throw new Error(`bad source map character ${JSON.stringify(char)}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/**
 * Builds `lookup(line, column)` (both 0-based, as in CPU profiles) → `{ source, line, column, name }`
 * (line 1-based) of the nearest mapping at or before that column, or null.
 */
export function createSourceMapLookup(map) {
  const lines = [];
  let source = 0;
  let sourceLine = 0;
  let sourceColumn = 0;
  let name = 0;
  for (const text of map.mappings.split(';')) {
    const segments = [];
    let column = 0;
    for (const part of text ? text.split(',') : []) {
      const v = decodeSegment(part);
      column += v[0];
      if (v.length >= 4) {
        source += v[1];
        sourceLine += v[2];
        sourceColumn += v[3];
        if (v.length >= 5) name += v[4];
        segments.push({ column, source, sourceLine, sourceColumn, name: v.length >= 5 ? name : -1 });
      }
    }
    lines.push(segments);
  }
  return (line, column) => {
    const segments = lines[line] ?? [];
    let found;
    for (const segment of segments) {
      if (segment.column > column) break;
      found = segment;
    }
    if (!found) return null;
    return {
      source: String(map.sources[found.source] ?? '?').replace(/^(\.\.\/)+/, ''),
      line: found.sourceLine + 1,
      column: found.sourceColumn,
      name: found.name >= 0 ? map.names[found.name] : undefined,
    };
  };
}
