/**
 * The URL of a file shipped next to this module (`inkling-worker.js`, `inkling-panel.js`).
 * In the script-tag build rollup turns `import.meta.url` into the script's own URL.
 */
export function siblingUrl(name: string): string {
  return new URL(`./${name}`, import.meta.url).href;
}
