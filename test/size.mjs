// `npm run size`: minified, gzip and brotli bytes of each built entry, checked against its budget
// (DESIGN.md section 7). Exits non-zero when an entry is over. Run after `npm run build`.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const KB = 1024;
export const ENTRIES = [
  { name: 'script tag (dist/inkling.js, worker included)', files: ['dist/inkling.js'], budget: 8 * KB },
  { name: 'ESM core (dist/inkling.mjs)', files: ['dist/inkling.mjs'], budget: 8 * KB },
  { name: 'ESM worker (dist/inkling-worker.js)', files: ['dist/inkling-worker.js'], budget: 8 * KB },
];

/** Sizes of one entry: the files concatenated, as a browser would download them. */
export function measure(files) {
  const source = Buffer.concat(files.map((f) => readFileSync(f)));
  return {
    min: source.length,
    gzip: gzipSync(source, { level: 9 }).length,
    brotli: brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const kb = (n) => `${(n / KB).toFixed(2)} KB`;
  let over = 0;
  console.log('| entry | min | gzip | brotli | gzip budget |\n| --- | --- | --- | --- | --- |');
  for (const entry of ENTRIES) {
    const size = measure(entry.files);
    const ok = size.gzip <= entry.budget;
    if (!ok) over++;
    console.log(`| ${entry.name} | ${kb(size.min)} | ${kb(size.gzip)} | ${kb(size.brotli)} | ${kb(entry.budget)} ${ok ? 'ok' : 'OVER'} |`);
  }
  if (over) {
    console.error(`${over} entr${over === 1 ? 'y is' : 'ies are'} over budget.`);
    process.exit(1);
  }
}
