/// <reference types="node" />
import { createPublicKey, verify } from 'node:crypto';
import { parsePublicKeys } from '../lib/parsePublicKeys';
import { signedPayload } from '../model/canonicalJson';
import { CliError } from './cliError';
import { defineCommand } from './defineCommand';
import { readJsonFile } from './readJsonFile';

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export const verifyCommand = defineCommand({
  name: 'verify',
  summary: "check a manifest's signature against one or more public keys",
  help: `Usage: inkling verify manifest.json --public-key BASE64[,BASE64…]

Checks the Ed25519 signature over the manifest's canonical JSON, as the SDK does, against each
public key in turn (several while you rotate keys: any one that matches is enough). Keys are
raw 32 bytes in standard base64, as printed by inkling keygen and given to data-key.

Options:
  --public-key KEYS   one or more public keys, separated by commas or spaces (repeatable)

Exit code: 0 and "valid signature (key N)" when key N matches; 1 when the manifest is unsigned,
no key matches, or a key is malformed.`,
  options: { 'public-key': { type: 'string', multiple: true } },
  positionals: ['manifest.json'],
  run(values, [path]) {
    const given = values['public-key'];
    if (!given || given.length === 0) throw new CliError('inkling verify: --public-key BASE64 is required', 2);
    const { keys, malformed } = parsePublicKeys(given.join(','));
    if (keys.length === 0) throw new CliError('--public-key: no key given');
    if (malformed.length > 0) {
      const n = keys.indexOf(malformed[0]!) + 1;
      throw new CliError(`--public-key: key ${n} (${JSON.stringify(malformed[0])}) is malformed: expected a raw 32-byte Ed25519 public key in standard base64`);
    }
    const manifest = readJsonFile(path!);
    if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) throw new CliError(`${path}: a manifest must be a JSON object`);
    const { signature } = manifest as { signature?: unknown };
    if (signature === undefined) throw new CliError(`${path} is unsigned: it has no "signature" (sign it with inkling sign)`);
    const bytes = typeof signature === 'string' && BASE64.test(signature) ? Buffer.from(signature, 'base64') : undefined;
    if (!bytes || bytes.length !== 64) throw new CliError(`${path}: "signature" is not a 64-byte Ed25519 signature in standard base64`);
    const payload = Buffer.from(signedPayload(manifest));
    const match = keys.findIndex((key) => {
      const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(key, 'base64').toString('base64url') }, format: 'jwk' });
      return verify(null, payload, publicKey, bytes);
    });
    if (match < 0) {
      throw new CliError(`${path}: invalid signature: no key matches (checked ${keys.length} public key${keys.length > 1 ? 's' : ''}); the manifest was changed after signing, or signed with another key`);
    }
    console.log(`valid signature (key ${match + 1})`);
  },
});
