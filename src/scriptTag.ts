/**
 * The script-tag build (`dist/inkling.js`). The same file is the page script and its own worker:
 * in a worker global it exposes the engine; on a page it starts Inkling from its own
 * `data-manifest` (and optional `data-key`, `data-consent`, `data-respect-opt-out`,
 * `data-manifest-timeout`) attributes and publishes the instance as `window.inkling`.
 */
import { expose } from 'comlink';
import { createEngine } from './engine/createEngine';
import { init } from './init';
import type { Consent, Inkling } from './types/instance';

export { init } from './init';

declare global {
  interface Window {
    /** The instance started by the script tag. */
    inkling?: Inkling;
  }
}

if (typeof document === 'undefined') {
  expose(createEngine());
} else {
  const script = document.currentScript;
  const manifest = script?.getAttribute('data-manifest');
  if (script instanceof HTMLScriptElement && manifest) {
    window.inkling = init({
      manifest,
      workerUrl: script.src,
      publicKey: script.getAttribute('data-key') ?? undefined,
      manifestTimeout: Number(script.getAttribute('data-manifest-timeout')) || undefined,
      consent: (script.getAttribute('data-consent') as Consent | null) ?? undefined,
      respectOptOut: script.getAttribute('data-respect-opt-out') !== 'false',
    });
  }
}
