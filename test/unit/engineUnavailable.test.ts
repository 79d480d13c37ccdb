import { expect, it, vi } from 'vitest';
import { init } from '../../src/init';

// The engine's code cannot load at all (the ESM build's lazy in-thread chunk refused by CSP, or
// a network failure), and no worker runs: the page keeps its default content, hears of it once,
// and never gets an unhandled rejection (vitest fails a run that has one).
vi.mock('../../src/engine/createEngine', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

it('an engine that cannot load gives one error event and the default content, and no unhandled rejection', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  document.body.innerHTML = '<section data-inkling-slot="hero"><div data-inkling-variant="default">Default</div><div data-inkling-variant="camper" hidden>Camper</div></section>';
  const sdk = init({ manifest: '/manifest.json', workerUrl: false });
  const errors: string[] = [];
  sdk.on('error', (e) => errors.push(e.code));
  expect(await sdk.ready).toBeNull();
  await new Promise((r) => setTimeout(r, 50));
  expect(errors).toEqual(['internal']);
  expect(warn).toHaveBeenCalledTimes(1);
  expect(String(warn.mock.calls[0]![0])).toMatch(/^Inkling could not start: /);
  expect([...document.querySelectorAll('[data-inkling-variant]:not([hidden])')].map((v) => v.textContent)).toEqual(['Default']);
  sdk.destroy();
});

it('an engine that cannot load is one problem: later calls that need it add no error and no warning', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  warn.mockClear();
  document.body.innerHTML = '<article data-inkling-topic="bikes"><button>Bike</button></article>';
  const sdk = init({ manifest: '/manifest.json', workerUrl: false, consent: 'pending' });
  const errors: string[] = [];
  sdk.on('error', (e) => errors.push(e.message));
  await sdk.ready;
  sdk.consent('granted');
  await sdk.blockTopic('tents');
  await sdk.forget();
  await new Promise((r) => setTimeout(r, 50));
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(/^Inkling could not start: /);
  expect(warn.mock.calls.map(String)).toEqual([errors[0]]);
  sdk.destroy();
});
