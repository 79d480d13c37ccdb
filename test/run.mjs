// `npm test`: makes sure the three browsers are there, builds dist/ (the e2e tests load it), runs every
// vitest project (unit, browser, e2e) and ends with the plain line `N passed, N failed`.
// Exits non-zero when anything failed or nothing ran.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const report = 'test-results/vitest.json';
const run = (command, args) => spawnSync(command, args, { stdio: 'inherit' }).status ?? 1;

function finish(passed, failed, skipped) {
  console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exit(failed > 0 || passed === 0 ? 1 : 0);
}

if (run('bash', ['.ci/ensure-browsers.sh']) !== 0) finish(0, 1, 0);
if (run('npm', ['run', '--silent', 'build']) !== 0) {
  console.error('The build failed: no test was run.');
  finish(0, 1, 0);
}

rmSync(report, { force: true });
mkdirSync('test-results', { recursive: true });
const status = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${report}`, ...process.argv.slice(2)]);

if (!existsSync(report)) {
  console.error(`vitest wrote no report (exit code ${status}).`);
  finish(0, 1, 0);
}
const result = JSON.parse(readFileSync(report, 'utf8'));
// A test file that fails to load has no tests but is a failure all the same.
const brokenFiles = result.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
const failed = result.numFailedTests + brokenFiles + (status !== 0 && result.numFailedTests + brokenFiles === 0 ? 1 : 0);
finish(result.numPassedTests, failed, result.numPendingTests + result.numTodoTests);
