import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { signedPayload } from '../../src/model/canonicalJson';

/** An Ed25519 key pair: the public key as the SDK takes it (raw 32 bytes, standard base64). */
export interface TestKeys {
  publicKey: string;
  privateKey: KeyObject;
}

export function generateKeys(): TestKeys {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  return { publicKey: raw.toString('base64'), privateKey };
}

/** The manifest with `signature` set: Ed25519 over its canonical JSON without `signature`. */
export function signManifest<T extends object>(manifest: T, keys: TestKeys): T & { signature: string } {
  const signature = sign(null, Buffer.from(signedPayload(manifest)), keys.privateKey).toString('base64');
  return { ...manifest, signature };
}
