/// <reference types="node" />
import { MANIFEST_MAX_BYTES } from '../constants';
import { validateManifest } from '../model/validateManifest';
import { CliError } from './cliError';
import { readJsonFile, readTextFile } from './readJsonFile';

/**
 * Reads a manifest file and checks it as the SDK will: `validateManifest` (every problem, led by
 * its JSON path) and the 1 MB byte cap. Not JSON, or not an object, is a `CliError`.
 */
export function checkManifestFile(path: string, options: { withoutSignature?: boolean } = {}): { manifest: Record<string, unknown>; problems: string[] } {
  const json = readJsonFile(path);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new CliError(`${path}: a manifest must be a JSON object`);
  const manifest = { ...(json as Record<string, unknown>) };
  if (options.withoutSignature) delete manifest.signature;
  const check = validateManifest(manifest);
  const problems = check.ok ? [] : [...check.problems];
  const bytes = Buffer.byteLength(readTextFile(path));
  if (bytes > MANIFEST_MAX_BYTES) problems.push(`the file has ${bytes} bytes, the SDK accepts at most ${MANIFEST_MAX_BYTES}`);
  return { manifest, problems };
}
