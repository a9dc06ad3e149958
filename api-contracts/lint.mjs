// Runs Redocly CLI (pinned in package.json) over the APIs of redocly.yaml and fails on any error or warning:
// `redocly lint` itself exits 0 when there are only warnings. Run by ./mvnw verify (api-contracts), or by hand:
// `npm ci && node lint.mjs` in this folder.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const redocly = fileURLToPath(new URL('./node_modules/.bin/redocly', import.meta.url));
const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };

/** The JSON reports in the output: one per API, written one after the other. */
function reports(text) {
  const found = [];
  let depth = 0, start = -1, inString = false, escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') { if (depth++ === 0) start = i; }
    else if (c === '}' && --depth === 0) found.push(JSON.parse(text.slice(start, i + 1)));
  }
  return found;
}

const run = spawnSync(redocly, ['lint', '--format=json', '--max-problems=1000'], { cwd: here, env, encoding: 'utf8' });
const found = run.error ? [] : reports(run.stdout);
if (found.length === 0) {
  process.stderr.write((run.stdout || '') + (run.stderr || '') + (run.error ? String(run.error) : ''));
  console.error('redocly lint gave no report (exit ' + run.status + ')');
  process.exit(2);
}
const errors = found.reduce((n, r) => n + r.totals.errors, 0);
const warnings = found.reduce((n, r) => n + r.totals.warnings, 0);
if (errors + warnings === 0) {
  console.log(`redocly lint: ${found.length} documents, 0 errors, 0 warnings`);
  process.exit(0);
}
// Say what is wrong, readably, then fail.
spawnSync(redocly, ['lint', '--format=stylish', '--max-problems=1000'], { cwd: here, env, stdio: 'inherit' });
console.error(`redocly lint: ${errors} error(s), ${warnings} warning(s): the contract must have none`);
process.exit(1);
