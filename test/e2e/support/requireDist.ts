import { existsSync } from 'node:fs';

/** The e2e scenarios load the built files as a page would: fails early, and clearly, without them. */
export function requireDist(): void {
  if (!existsSync(new URL('../../../dist/inkling.js', import.meta.url))) throw new Error('dist/ is missing: run `npm run build` before the e2e tests (npm test does it for you)');
}
