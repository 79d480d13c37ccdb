// Signs the demo manifest with a fresh Ed25519 key pair and puts the public key in the page.
// Run: npm run demo:sign   (after editing manifest.json). The private key is thrown away:
// the demo has nothing to protect, and a committed private key would be a bad example.
// In production use the CLI's keygen/sign and keep the private key out of the repository.
import { generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { signedPayload } from '../../src/model/canonicalJson';
import { validateManifest } from '../../src/model/validateManifest';

// Paths from the package root, where npm runs scripts (the bundled script does not live here).
const here = (name: string) => `examples/marketplace/${name.slice(2)}`;
const { signature: _old, ...manifest } = JSON.parse(readFileSync(here('./manifest.json'), 'utf8'));
const check = validateManifest(manifest);
if (!check.ok) throw new Error(check.error.message);

const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const signature = sign(null, Buffer.from(signedPayload(manifest)), privateKey).toString('base64');
const rawPublicKey = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('base64');

writeFileSync(here('./manifest.json'), `${JSON.stringify({ ...manifest, signature }, null, 2)}\n`);
writeFileSync(here('./demo-key.pub'), `${rawPublicKey}\n`);
console.log(`Signed examples/marketplace/manifest.json; public key ${rawPublicKey} (examples/marketplace/demo-key.pub).`);
