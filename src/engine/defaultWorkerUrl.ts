/** Where the ESM build finds its worker: `inkling-worker.js` beside `inkling.mjs`. */
export function defaultWorkerUrl(): string {
  return new URL('./inkling-worker.js', import.meta.url).href;
}
