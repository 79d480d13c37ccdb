// Where a built file's gzip bytes come from, by its source map (`npm run size -- --modules`):
// which source modules removing would save the most.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { decodedMappings, TraceMap } from '@jridgewell/trace-mapping';

const NO_SOURCE = '(no source)';

const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;

/** The module and folder a source counts under: an npm package as a whole, an own file by its path from `src/`. */
function groupOf(source) {
  if (source.includes('node_modules/')) {
    const [scope, name] = source.slice(source.lastIndexOf('node_modules/') + 'node_modules/'.length).split('/');
    return { module: scope?.startsWith('@') ? `${scope}/${name}` : String(scope), folder: 'node_modules' };
  }
  const own = source.match(/(?:^|\/)(src\/.*)$/)?.[1];
  if (own) {
    const parts = own.split('/');
    return { module: own, folder: parts.length > 2 ? `src/${parts[1]}` : 'src' };
  }
  const module = source.replace(/^(\.\.?\/)+/, '');
  return { module, folder: module.includes('/') ? module.slice(0, module.lastIndexOf('/')) : module };
}

/**
 * Attributes every character of `file` (a build with its source map at `<file>.map`) to the source its
 * nearest preceding mapping points to ("(no source)" before the first mapping), groups the sources by
 * module (each npm package as one, own files by their path from `src/`) and by folder (`src/engine`,
 * `src` for top-level files, `node_modules`), and gives each group its marginal gzip (level 9) bytes:
 * gzip of the whole file minus gzip of the file without that group's characters, roughly what removing
 * it would save (never below 0). Marginal figures overlap, so they do not add up to `total`.
 * @param {string} file
 * @returns {{ total: number, modules: Group[], folders: Group[] }} groups sorted by `gzip`, largest first
 * @typedef {{ name: string, min: number, gzip: number }} Group `min`: UTF-8 bytes of its characters
 */
export function sizeByModule(file) {
  const bytes = readFileSync(file);
  const text = bytes.toString('utf8');
  const map = new TraceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')));

  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);

  // Runs of characters with one owner: `starts[i]` up to `starts[i + 1]` (or the end) belongs to `owners[i]`.
  const groups = new Map([[NO_SOURCE, { module: NO_SOURCE, folder: NO_SOURCE }]]);
  const starts = [0];
  const owners = [NO_SOURCE];
  decodedMappings(map).forEach((segments, line) => {
    for (const segment of [...segments].sort((a, b) => a[0] - b[0])) {
      const source = segment.length === 1 ? NO_SOURCE : String(map.sources[segment[1]]);
      if (!groups.has(source)) groups.set(source, groupOf(source));
      const start = Math.min((lineStarts[line] ?? text.length) + segment[0], text.length);
      if (owners.at(-1) === source) continue;
      if (starts.at(-1) === start) owners[owners.length - 1] = source;
      else {
        starts.push(start);
        owners.push(source);
      }
    }
  });
  starts.push(text.length);

  const total = gzip(bytes);
  /** Marginal bytes and size of the characters whose source `within(group)` picks out. */
  const measure = (within) => {
    let kept = '';
    let removed = '';
    for (let i = 0; i < owners.length; i++) {
      const piece = text.slice(starts[i], starts[i + 1]);
      if (within(groups.get(owners[i]))) removed += piece;
      else kept += piece;
    }
    return { min: Buffer.byteLength(removed), gzip: Math.max(0, total - gzip(Buffer.from(kept))) };
  };
  const table = (key) =>
    [...new Set([...new Set(owners)].map((source) => groups.get(source)[key]))]
      .map((name) => ({ name, ...measure((group) => group[key] === name) }))
      .sort((a, b) => b.gzip - a.gzip || b.min - a.min || a.name.localeCompare(b.name));
  return { total, modules: table('module'), folders: table('folder') };
}
