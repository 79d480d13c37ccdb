/// <reference types="node" />
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { CliError } from './cliError';
import { readTextFile } from './readJsonFile';

/** The Ed25519 private key in a PEM file (as `inkling keygen` writes it), or a `CliError` that says what the file is instead. */
export function readPrivateKey(path: string): KeyObject {
  const pem = readTextFile(path);
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (e) {
    let isPublic = false;
    try {
      isPublic = createPublicKey(pem).type === 'public';
    } catch {
      // Neither: reported below.
    }
    if (isPublic) throw new CliError(`${path} holds a public key; signing needs the private key file written by inkling keygen`);
    const encrypted = /passphrase/i.test((e as Error).message);
    throw new CliError(`${path} is not ${encrypted ? 'an unencrypted' : 'a PEM'} private key (expected the PKCS#8 PEM file written by inkling keygen)`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new CliError(`${path} holds ${key.asymmetricKeyType ?? 'an unknown'} key; manifests are signed with Ed25519 (create one with inkling keygen)`);
  return key;
}
