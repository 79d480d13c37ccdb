import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENTRIES, measure } from '../size.mjs';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
const [scriptTag, core, worker, panel] = ENTRIES;

/** Where the README quotes each entry's current gzip size (its history, "16.55 → 13.96 KB", is not matched). */
const QUOTES = [
  { entry: scriptTag!, patterns: [/\(([\d.]+) KB gzip, worker included/, /script tag, worker included, is ([\d.]+) KB gzip/, /The script-tag build is ([\d.]+) KB gzip/] },
  { entry: core!, patterns: [/the ESM core is ([\d.]+) KB/] },
  { entry: worker!, patterns: [/its worker, ([\d.]+) KB/] },
  { entry: panel!, patterns: [/`inkling\/panel`, ([\d.]+) KB gzip/, /the panel, ([\d.]+) KB, are within/] },
];

// The README's size figures must be the ones `npm run size` measures on the built files.
describe('README size figures', () => {
  it.each(QUOTES)('quotes the measured gzip size of the $entry.name', ({ entry, patterns }) => {
    const measured = (measure(entry.files).gzip / 1024).toFixed(2);
    for (const pattern of patterns) expect(readme.match(pattern)?.[1], String(pattern)).toBe(measured);
  });
});
