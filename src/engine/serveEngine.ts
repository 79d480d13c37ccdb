import { expose } from 'comlink';
import { ENGINE_READY } from '../constants';
import { createEngine } from './createEngine';

/**
 * In a worker global: exposes the engine over comlink, then tells the page it is listening
 * with one `ENGINE_READY` message. The page waits for that message to tell a live worker
 * from one that never runs (a CSP-blocked Blob worker neither throws nor errors).
 */
export function serveEngine(): void {
  expose(createEngine());
  postMessage(ENGINE_READY);
}
