import { describe, expect, it } from 'vitest';
import { ENTRIES, measure } from '../size.mjs';
import { sizeByModule } from '../sizeByModule.mjs';

// `npm run size -- --modules`: the script tag's gzip bytes by source module, from the built file and its map.
describe('sizeByModule', () => {
  const file = 'dist/inkling.js';
  const { total, modules, folders } = sizeByModule(file);
  const gzipOf = (name: string) => modules.find((row) => row.name === name)?.gzip;

  it('names own modules by their path from src/ (the script tag bundles no npm package)', () => {
    expect(gzipOf('src/init.ts')).toBeGreaterThan(0);
    expect(gzipOf('src/lib/createCaller.ts')).toBeGreaterThan(0);
    expect(modules.some((row) => row.name.includes('node_modules') || row.name.startsWith('../'))).toBe(false);
  });

  it('gives every row a whole, non-negative figure, and no row most of the file', () => {
    for (const row of [...modules, ...folders]) {
      expect(Number.isInteger(row.gzip), row.name).toBe(true);
      expect(row.gzip, row.name).toBeGreaterThanOrEqual(0);
    }
    expect(modules.length).toBeGreaterThan(20);
    expect(Math.max(...modules.map((row) => row.gzip))).toBeLessThan(total / 4);
    expect(folders.map((row) => row.name)).toEqual(expect.arrayContaining(['src', 'src/engine', 'src/model', 'src/tracker']));
    expect(folders.map((row) => row.name)).not.toContain('node_modules');
  });

  it('totals the gzip size npm run size measures', () => {
    expect(ENTRIES[0]!.files).toEqual([file]);
    expect(total).toBe(measure([file]).gzip);
  });
});
