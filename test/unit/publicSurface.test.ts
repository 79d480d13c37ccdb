import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as inkling from '../../src/index';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

// The public surface is a promise to every site: adding to it is a decision, removing from it a breaking change.
describe('public surface', () => {
  it('exports exactly these runtime names', () => {
    expect(Object.keys(inkling).sort()).toEqual(['MANIFEST_VERSION', 'init', 'validateManifest']);
  });

  it('a running instance and one refused for bad options have exactly these members', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{}')));
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const members = ['blockTopic', 'consent', 'destroy', 'explain', 'export', 'forget', 'on', 'openPanel', 'pause', 'personalize', 'push', 'ready', 'resume', 'segment', 'settings', 'track'];
    const running = inkling.init({ manifest: '/m.json', workerUrl: false });
    expect(Object.keys(running).sort()).toEqual(members);
    await running.ready;
    running.destroy();
    expect(Object.keys(inkling.init(undefined as never)).sort()).toEqual(members);
  });
});

// Every stable error code and every init() option is documented in the README's tables.
describe('README reference tables', () => {
  const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
  const readme = read('../../README.md');

  it('list every error code', () => {
    const codes = [...read('../../src/types/error.ts').matchAll(/^\s+\| '([a-z-]+)'/gm)].map((m) => m[1]);
    expect(codes.length).toBeGreaterThan(10);
    expect(codes.filter((code) => !readme.includes(`| \`${code}\` |`))).toEqual([]);
  });

  it('list every init() option', () => {
    const options = [...read('../../src/types/options.ts').matchAll(/^ {2}(\w+)\??:/gm)].map((m) => m[1]);
    expect(options).toContain('manifest');
    expect(options.filter((option) => !readme.includes(`| \`${option}\` |`))).toEqual([]);
  });
});
