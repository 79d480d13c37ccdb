/// <reference types="node" />
import { sign } from 'node:crypto';
import { MANIFEST_MAX_BYTES } from '../constants';
import { signedPayload } from '../model/canonicalJson';
import { CliError } from './cliError';
import { checkManifestFile } from './checkManifestFile';
import { defineCommand } from './defineCommand';
import { rawPublicKey } from './rawPublicKey';
import { readPrivateKey } from './readPrivateKey';
import { writeFileAtomic } from './writeFileAtomic';

export const signCommand = defineCommand({
  name: 'sign',
  summary: 'validate a manifest and sign it with your Ed25519 private key',
  help: `Usage: inkling sign manifest.json --key key.pem [--out signed.json]

Validates the manifest first (nothing invalid is ever signed), drops any old signature, signs the
canonical JSON (RFC 8785) of the rest with Ed25519 and writes the manifest with its new
"signature" (standard base64). The file is replaced atomically: never half-written.

Options:
  --key FILE   the PKCS#8 PEM private key from inkling keygen (required)
  --out FILE   where to write the signed manifest (default: in place)`,
  options: { key: { type: 'string' }, out: { type: 'string' } },
  positionals: ['manifest.json'],
  run({ key, out }, [path]) {
    if (key === undefined) throw new CliError('inkling sign: --key key.pem is required (create one with inkling keygen)', 2);
    const { manifest, problems } = checkManifestFile(path!, { withoutSignature: true });
    if (problems.length > 0) throw new CliError(`${path}: not signed, the manifest is invalid`, 1, problems.map((p) => `  ${path}: ${p}`));
    const privateKey = readPrivateKey(key);
    const signature = sign(null, Buffer.from(signedPayload(manifest)), privateKey).toString('base64');
    const text = `${JSON.stringify({ ...manifest, signature }, null, 2)}\n`;
    if (Buffer.byteLength(text) > MANIFEST_MAX_BYTES) throw new CliError(`${path}: signed, it would have ${Buffer.byteLength(text)} bytes; the SDK accepts at most ${MANIFEST_MAX_BYTES}`);
    const target = out ?? path!;
    writeFileAtomic(target, text);
    console.log(`Signed ${target} with public key ${rawPublicKey(privateKey)}`);
  },
});
