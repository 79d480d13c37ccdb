import { fromBase64 } from '../lib/fromBase64';
import { signedPayload } from '../model/canonicalJson';
import type { Manifest } from '../types/manifest';

/** The outcome of checking a manifest's signature against the configured keys. */
export type Verdict = { ok: true } | { ok: false; reason: string };

/**
 * Checks the manifest's Ed25519 signature (WebCrypto) over its canonical JSON against each
 * public key in turn, so a site can rotate keys: any one key that verifies is enough.
 * Never throws, and fails closed: no signature, one that does not decode, no usable key, or no
 * Ed25519 in this browser means rejection.
 */
export async function verifyManifest(manifest: Manifest, publicKeys: readonly string[]): Promise<Verdict> {
  if (!manifest.signature) return { ok: false, reason: 'it is not signed, and a public key is configured' };
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return { ok: false, reason: 'this page is not a secure context, so WebCrypto cannot verify it' };
  let signature: Uint8Array<ArrayBuffer>;
  try {
    signature = fromBase64(manifest.signature);
  } catch {
    // The manifest check lets through any base64 alphabet, but "A" (say) does not decode.
    return { ok: false, reason: 'its signature is not valid base64' };
  }
  const data = new TextEncoder().encode(signedPayload(manifest));
  let unsupported = false;
  for (const encoded of publicKeys) {
    try {
      const key = await subtle.importKey('raw', fromBase64(encoded), { name: 'Ed25519' }, false, ['verify']);
      if (await subtle.verify({ name: 'Ed25519' }, key, signature, data)) return { ok: true };
    } catch (e) {
      // A malformed key is skipped (init reported it); a browser without Ed25519 cannot verify at all.
      if ((e as DOMException)?.name === 'NotSupportedError') unsupported = true;
    }
  }
  return { ok: false, reason: unsupported ? 'this browser cannot verify Ed25519 signatures' : `its signature does not match any of the ${publicKeys.length} configured public key(s)` };
}
