import { CliError } from './cliError';
import { checkManifestFile } from './checkManifestFile';
import { defineCommand } from './defineCommand';

export const validateCommand = defineCommand({
  name: 'validate',
  summary: 'check a manifest against the spec, listing every problem',
  help: `Usage: inkling validate manifest.json

Checks the manifest exactly as the SDK does (validateManifest: version, dates, window, features,
segments, dimensions, finite numbers, caps) plus the 1 MB size cap, and prints every problem led
by its JSON path. The signature is not checked here: use inkling verify.

Exit code: 0 when valid, 1 when there is any problem.`,
  options: {},
  positionals: ['manifest.json'],
  run(_, [path]) {
    const { manifest, problems } = checkManifestFile(path!);
    if (problems.length > 0) {
      throw new CliError(`${path} is not a valid manifest: ${problems.length} problem${problems.length > 1 ? 's' : ''}`, 1, problems.map((p) => `  ${path}: ${p}`));
    }
    const features = (manifest.features as unknown[]).length;
    const segments = (manifest.segments as unknown[]).length;
    const expires = typeof manifest.expires === 'string' ? Date.parse(manifest.expires) : NaN;
    const note = expires <= Date.now() ? ` (note: it expired on ${manifest.expires}; the SDK will not trust it as new)` : '';
    console.log(`${path} is valid: ${features} features, ${segments} segments, ${manifest.signature ? 'signed' : 'unsigned'}${note}`);
  },
});
