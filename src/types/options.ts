import type { Consent } from './instance';

/** Options of `init()`. */
export interface InitOptions {
  /** The visitor's consent; default `granted`. Sites that need consent for device storage pass `pending` until they have it. */
  consent?: Consent;
  /**
   * Global Privacy Control and Do-Not-Track are honoured by default: nothing is recorded and
   * the default content shows. `false` ignores them, for sites whose visitors gave explicit
   * legal consent to this personalization.
   */
  respectOptOut?: boolean;
  /** URL of the segment manifest (relative URLs resolve against the document base URL, as `fetch` does). */
  manifest: string;
  /**
   * Ed25519 public key(s), raw 32 bytes in standard base64 (`inkling keygen` prints one). With a
   * key, only a manifest signed by one of them is trusted; several keys let a site rotate. A
   * string may hold several keys separated by spaces or commas. Without one, signatures are not
   * checked and a development warning is logged.
   */
  publicKey?: string | string[];
  /**
   * URL of the engine's worker script. The ESM build defaults to `inkling-worker.js` beside
   * `inkling.mjs`; the script-tag build uses its own file. `false` runs the engine in-thread.
   */
  workerUrl?: string | URL | false;
  /**
   * When a new decision changes content already on screen. `next-view` (default) keeps what the
   * visitor is reading and applies it on the next page view (or route); slots out of view and
   * slots held by `data-inkling-wait` switch at once. `immediate` switches every slot at once.
   */
  applyOn?: 'next-view' | 'immediate';
  /** The page's CSP nonce, for the one `<style>` element browsers without constructable stylesheets need. */
  nonce?: string;
  /** URL of the panel module; defaults to `inkling-panel.js` beside the script (or beside `inkling.mjs`). */
  panelUrl?: string;
  /** Overrides for the panel's strings (i18n), with plural forms as `key_few` etc., passed to it when it opens. */
  panelStrings?: Record<string, string>;
  /** How long the manifest request may take before it counts as failed (ms, default 8000). */
  manifestTimeout?: number;
  /**
   * How long a worker may take to answer (ms, default 1500): at start, before the engine runs
   * in-thread instead; later, to a probe while a call waits, before a new worker replaces it.
   */
  workerTimeout?: number;
  /**
   * Development checks: each markup mistake in a slot (README, "Markup mistakes") becomes one
   * console warning. They load with the panel module, so leave this off in production (default).
   */
  debug?: boolean;
}
