/** Options of `init()`. */
export interface InitOptions {
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
