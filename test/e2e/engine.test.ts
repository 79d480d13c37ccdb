// What the README's browser-support table says about this engine is what the driver declares.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useEngine } from './support/useEngine';

const t = useEngine();
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const table = readme.slice(readme.indexOf('## Browser support'), readme.indexOf('## Development'));

describe('the browser-support table', () => {
  it("names this engine's tested version", () => {
    const version = t.engine.version.match(/^(.*?) (\d+\.\d+|\d+)/)!;
    expect(table).toContain(`${version[1]} ${version[2]}`);
  });

  it("lists each of this engine's limitations", () => {
    const row = table.split('\n').find((line) => line.startsWith(`| ${t.engine.version.split(' ')[0]}`)) ?? '';
    for (const reason of Object.values(t.engine.cannot)) expect(row).toContain(reason.split(/[,:(]/)[0]!.trim());
  });
});
