/** The ESM build's worker entry (`dist/inkling-worker.js`): serves the engine's calls. */
import { serveEngine } from './serveEngine';

serveEngine();
