/** The ESM build's worker entry (`dist/inkling-worker.js`): serves the engine over comlink. */
import { serveEngine } from './serveEngine';

serveEngine();
