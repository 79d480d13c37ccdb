import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Strict pages (require-trusted-types-for 'script', no 'unsafe-eval') break on any of these.
// The shipped files are checked, so a dependency that brings one in is caught too.
const FORBIDDEN = /\binnerHTML\b|\bouterHTML\b|insertAdjacentHTML|document\.write|\beval\(|new Function\b|set(?:Timeout|Interval)\(\s*["'`]/;
const dist = new URL('../../dist/', import.meta.url);

describe('the built files', () => {
  const files = readdirSync(dist).filter((f) => /\.m?js$/.test(f));
  it('exist', () => expect(files.length).toBeGreaterThanOrEqual(4));
  it.each(files)('%s has no innerHTML, eval, Function constructor or string timer', (file) => {
    const source = readFileSync(new URL(file, dist), 'utf8');
    expect(source.match(FORBIDDEN)?.[0]).toBeUndefined();
  });
});
