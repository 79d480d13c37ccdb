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
  /** URL of the segment manifest (relative URLs resolve against the page). */
  manifest: string;
  /**
   * URL of the engine's worker script. The ESM build defaults to `inkling-worker.js` beside
   * `inkling.mjs`; the script-tag build uses its own file. `false` runs the engine in-thread.
   */
  workerUrl?: string | URL | false;
  /** How long a worker may take to answer before the engine runs in-thread instead (ms). */
  workerTimeout?: number;
}
