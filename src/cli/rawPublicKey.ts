/// <reference types="node" />
import { createPublicKey, type KeyObject } from 'node:crypto';

/**
 * An Ed25519 key's public half as the SDK's `data-key` / `publicKey` takes it: the raw 32 bytes
 * in standard base64 (not PEM, not base64url). Accepts the private key too.
 */
export function rawPublicKey(key: KeyObject): string {
  const { x } = (key.type === 'public' ? key : createPublicKey(key)).export({ format: 'jwk' });
  return Buffer.from(x!, 'base64url').toString('base64');
}
