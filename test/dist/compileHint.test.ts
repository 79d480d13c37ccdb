import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dist = new URL('../../dist/', import.meta.url);

describe('the script-tag file', () => {
  it("starts with V8's compile hint, and its source map accounts for that line", () => {
    const [first] = readFileSync(new URL('inkling.js', dist), 'utf8').split('\n', 1);
    expect(first).toBe('//# allFunctionsCalledOnLoad');
    const map = JSON.parse(readFileSync(new URL('inkling.js.map', dist), 'utf8')) as { mappings: string };
    // An empty first line of mappings: the minified code begins on line 2.
    expect(map.mappings.startsWith(';')).toBe(true);
  });
});
