import { ENGINE_READY } from '../constants';
import { serveCalls } from '../lib/serveCalls';
import { createEngine } from './createEngine';

/**
 * In a worker global: serves the engine's calls, then tells the page it is listening with one
 * `ENGINE_READY` message. The page waits for that message to tell a live worker from one that
 * never runs (a CSP-blocked Blob worker neither throws nor errors).
 */
export function serveEngine(): void {
  serveCalls(createEngine(), self);
  postMessage(ENGINE_READY);
}
