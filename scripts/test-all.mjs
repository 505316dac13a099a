#!/usr/bin/env node
// `npm test`: every vitest project (unit + browser), then one summary line the CI can read.
// The last line printed is `N passed, N failed` (plus `, N skipped`); the summary is also written
// to test-results/summary.json. Extra arguments are passed to vitest (`npm test -- --project unit`).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = resolve(ROOT, 'test-results');
const JSON_REPORT = resolve(RESULTS, 'vitest.json');
const SUMMARY = resolve(RESULTS, 'summary.json');

mkdirSync(RESULTS, { recursive: true });
rmSync(JSON_REPORT, { force: true }); // never read a previous run's report

const args = [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${JSON_REPORT}`,
  ...process.argv.slice(2),
];

const exitCode = await new Promise((done) => {
  const child = spawn('npx', args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('error', (error) => {
    console.error(`could not start vitest: ${error.message}`);
    done(1);
  });
  child.on('close', (code, signal) => done(code ?? (signal ? 1 : 0)));
});

/** Counts from vitest's JSON report; a missing or unreadable report counts as one failure. */
function readCounts() {
  if (!existsSync(JSON_REPORT)) {
    console.error(`vitest wrote no report at ${JSON_REPORT}`);
    return { passed: 0, failed: 1, skipped: 0 };
  }
  try {
    const report = JSON.parse(readFileSync(JSON_REPORT, 'utf8'));
    return {
      passed: report.numPassedTests ?? 0,
      failed: report.numFailedTests ?? 0,
      skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    };
  } catch (error) {
    console.error(`could not read ${JSON_REPORT}: ${error.message}`);
    return { passed: 0, failed: 1, skipped: 0 };
  }
}

let { passed, failed, skipped } = readCounts();
// A run can fail without a failing test (a file that does not load, a global setup that throws,
// an unhandled error): count it as one failure so the line agrees with the exit code.
if (exitCode !== 0 && failed === 0) {
  console.error(`vitest exited with code ${exitCode} although no test failed`);
  failed = 1;
}

writeFileSync(SUMMARY, `${JSON.stringify({ passed, failed, skipped }, null, 2)}\n`);
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || exitCode !== 0 ? 1 : 0);
