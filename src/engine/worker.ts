/** The ESM build's worker entry (`dist/inkling-worker.js`): exposes the engine over comlink. */
import { expose } from 'comlink';
import { createEngine } from './createEngine';

expose(createEngine());
