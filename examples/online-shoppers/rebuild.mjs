// Rebuilds this example's manifest from the real data set, with the inkling CLI:
//   npm run example:shoppers [-- path/to/online_shoppers_intention.csv]
// 1. toVectors.mjs turns the sessions into feature vectors (spec.json's features);
// 2. `inkling train` sweeps k = 2..8, keeps the recommended k, writes manifest.json and report.html;
// 3. a throw-away key signs it; its public key goes to shop-key.pub and into the pages' data-key.
// `issued` is pinned to the data set's last rebuild day (SOURCE_DATE_EPOCH) so the output is reproducible.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const here = (name) => new URL(name, import.meta.url).pathname;
const cli = (...args) => execFileSync(process.execPath, [here('../../dist/cli.js'), ...args], { encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1795478400' } });
const work = mkdtempSync(join(tmpdir(), 'inkling-shoppers-'));
try {
  const vectors = join(work, 'vectors.csv');
  writeFileSync(vectors, execFileSync(process.execPath, [here('./toVectors.mjs'), ...process.argv.slice(2)], { encoding: 'utf8', maxBuffer: 64 << 20 }));
  process.stdout.write(cli('train', vectors, '--features', here('./spec.json'), '--k', '2..8', '--seed', '1', '--out', here('./manifest.json'), '--report', here('./report.html')));
  const key = join(work, 'key.pem');
  const publicKey = cli('keygen', '--out', key).trim().split(/\s+/).pop();
  process.stdout.write(cli('sign', here('./manifest.json'), '--key', key));
  writeFileSync(here('./shop-key.pub'), `${publicKey}\n`);
  for (const page of ['index.html', 'product.html', 'info.html', 'account.html']) {
    const html = readFileSync(here(`./${page}`), 'utf8');
    writeFileSync(here(`./${page}`), html.replace(/data-key="[^"]*"/, `data-key="${publicKey}"`));
  }
  console.log(`Signed manifest.json; public key ${publicKey} (shop-key.pub and the pages).`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
