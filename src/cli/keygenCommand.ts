/// <reference types="node" />
import { generateKeyPairSync } from 'node:crypto';
import { CliError } from './cliError';
import { defineCommand } from './defineCommand';
import { rawPublicKey } from './rawPublicKey';
import { writeFileAtomic } from './writeFileAtomic';

export const keygenCommand = defineCommand({
  name: 'keygen',
  summary: 'create an Ed25519 key pair for signing manifests',
  help: `Usage: inkling keygen [--out key.pem]

Creates an Ed25519 key pair. The private key goes to --out as PKCS#8 PEM, readable by you
only (mode 0600); an existing file is never overwritten. The public key is printed on stdout
as raw 32 bytes in standard base64: the value of data-key / publicKey.

Options:
  --out FILE   where to write the private key (default: key.pem)

Keep the private key out of your repository and your web root.`,
  options: { out: { type: 'string', default: 'key.pem' } },
  positionals: [],
  run({ out }) {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    try {
      writeFileAtomic(out, pem, { mode: 0o600, exclusive: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new CliError(`${out} already exists: refusing to overwrite a key (choose another --out, or delete it yourself)`);
      throw new CliError(`${out}: cannot write the private key (${code ?? (e as Error).message})`);
    }
    console.error(`Wrote the private key to ${out} (mode 0600). Keep it secret. Public key, for data-key:`);
    console.log(rawPublicKey(publicKey));
  },
});
