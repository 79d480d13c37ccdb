/**
 * The script-tag build (`dist/inkling.js`). The same file is the page script and its own worker:
 * in a worker global it exposes the engine; on a page it starts Inkling from its own attributes
 * and publishes the instance as `window.inkling`, replaying commands queued there before it loaded.
 *
 *   data-manifest          the manifest URL (required: without it, one warning and nothing is recorded)
 *   data-key               public key(s), separated by spaces
 *   data-consent           granted | pending | denied
 *   data-apply-on          next-view | immediate
 *   data-respect-opt-out   "false" ignores Global Privacy Control and Do-Not-Track
 *   data-manifest-timeout  milliseconds
 *   data-debug             present (and not "false"): development checks of the markup
 */
import { serveEngine } from './engine/serveEngine';
import { init } from './init';
import type { Inkling } from './types/instance';
import type { InitOptions } from './types/options';

export { init } from './init';

declare global {
  interface Window {
    /** The instance started by the script tag (before it loads, pages may keep an array of queued commands here). */
    inkling?: Inkling;
  }
}

if (typeof document === 'undefined') {
  serveEngine();
} else {
  // No current script when the tag is a module, or a script loader ran it for the page: its tag is then found by its attribute.
  const script = document.currentScript ?? document.querySelector('script[data-manifest]');
  const attr = (name: string) => script?.getAttribute(`data-${name}`) ?? undefined;
  const manifest = attr('manifest');
  if (script instanceof HTMLScriptElement) {
    const queued: unknown = window.inkling;
    const sdk = init({
      // Missing (or misspelt): init reports it, and the queued commands still reach an instance.
      manifest: manifest ?? '',
      // Its own file; an inline copy has none, and runs its engine in-thread (createWorkerFor says why).
      workerUrl: script.src,
      publicKey: attr('key'),
      consent: attr('consent') as InitOptions['consent'],
      applyOn: attr('apply-on') as InitOptions['applyOn'],
      nonce: script.nonce || undefined,
      respectOptOut: attr('respect-opt-out') !== 'false',
      manifestTimeout: Number(attr('manifest-timeout')) || undefined,
      debug: attr('debug') !== undefined && attr('debug') !== 'false',
    });
    window.inkling = sdk;
    if (Array.isArray(queued)) queued.forEach((command) => sdk.push(command as unknown[]));
  }
}
