#!/usr/bin/env node
// `npm run test:browser`: only the browser project (builds the app, serves it, drives Chromium).
// Extra arguments go to vitest, e.g. `npm run test:browser -- -t offline`.
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const child = spawn('npx', ['vitest', 'run', '--project', 'browser', ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: ['ignore', 'inherit', 'inherit'],
});
child.on('error', (error) => {
  console.error(`could not start vitest: ${error.message}`);
  process.exit(1);
});
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
