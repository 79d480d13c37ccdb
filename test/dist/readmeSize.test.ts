import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENTRIES, measure } from '../size.mjs';

// The README's headline size must be the one `npm run size` measures on the built file.
describe('README size figure', () => {
  it('quotes the measured gzip size of the script-tag build', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const quoted = readme.match(/\(([\d.]+) KB gzip, worker included/)?.[1];
    const scriptTag = ENTRIES[0]!;
    expect(quoted).toBe((measure(scriptTag.files).gzip / 1024).toFixed(2));
  });
});
