// Runs the end-to-end tests with node's test runner, one file at a time:
//   SITROOM_URL=http://127.0.0.1:8099 SITROOM_ADMIN_PASSWORD=... node e2e/run.mjs [file...]
// SITROOM_SCREENSHOTS=1 also saves a screenshot of each view to docs/screenshots/.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const files = process.argv.length > 2
  ? process.argv.slice(2)
  : readdirSync(here).filter((f) => f.endsWith('.test.mjs')).sort().map((f) => join(here, f));

const result = spawnSync(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
  env: process.env,
});
process.exit(result.status ?? 1);
