// Global setup of the `browser` vitest project: find a Chromium, build the app, serve it.
//
// - Chromium: $CHROMIUM_PATH, else the usual Debian/Google paths. When none is found and we run as
//   root on Debian (CI), it is installed with apt-get. A browser is never downloaded.
// - The app is built with Vite's JS API into a temporary directory and served by `vite preview` on 127.0.0.1 at a
//   free port. Tests read the URL with `inject('baseURL')`.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

const HOW_TO_GET_ONE =
  'No Chromium found for the browser tests. Install one with ' +
  '`apt-get update && apt-get install -y --no-install-recommends chromium fonts-liberation` ' +
  '(Debian/Ubuntu, as root), or set CHROMIUM_PATH to a Chromium or Chrome executable. ' +
  'Browsers are never downloaded by the tests.';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) {
      throw new Error(`CHROMIUM_PATH=${fromEnv} is not an executable file. ${HOW_TO_GET_ONE}`);
    }
    return fromEnv;
  }
  return CANDIDATES.find(isExecutable);
}

function installChromiumWithApt(): void {
  const command =
    'apt-get update && apt-get install -y --no-install-recommends chromium fonts-liberation';
  console.log(`[browser tests] no Chromium found; running as root on Debian: ${command}`);
  const result = spawnSync('bash', ['-c', command], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) {
    throw new Error(
      `apt-get failed (exit ${result.status ?? result.signal}) while installing chromium. ${HOW_TO_GET_ONE}`,
    );
  }
}

export function resolveChromium(): string {
  let found = findChromium();
  const canInstall =
    existsSync('/etc/debian_version') &&
    typeof process.getuid === 'function' &&
    process.getuid() === 0;
  if (!found && canInstall) {
    installChromiumWithApt();
    found = findChromium();
  }
  if (!found) throw new Error(HOW_TO_GET_ONE);
  return found;
}

/** A port that was free a moment ago (preview's strictPort refuses port 0). */
function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('could not get a free port'));
        return;
      }
      server.close(() => resolvePort(address.port));
    });
  });
}

async function buildApp(outDir: string): Promise<void> {
  // Build exactly what `vite build` ships, not a test flavour of it. Inside vitest the process has
  // NODE_ENV=test (Vite would make a development build, Svelte in dev mode) and VITEST set (the
  // @testing-library/svelte plugin then rewrites resolve.conditions, and the client bundle gets
  // Svelte's server runtime and renders nothing). Hide both while building; global setups run
  // before any test worker starts.
  const saved = { NODE_ENV: process.env.NODE_ENV, VITEST: process.env.VITEST };
  process.env.NODE_ENV = 'production';
  delete process.env.VITEST;
  try {
    await build({
      root: ROOT,
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } catch (error) {
    throw new Error(
      `[browser tests] vite build failed: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

async function startPreview(outDir: string): Promise<{ server: PreviewServer; url: string }> {
  let lastError: unknown;
  // Another process may grab the port between freePort() and listen: retry a few times.
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    try {
      const server = await preview({
        root: ROOT,
        logLevel: 'warn',
        build: { outDir },
        preview: { host: '127.0.0.1', port, strictPort: true, open: false },
      });
      return { server, url: `http://127.0.0.1:${port}/` };
    } catch (error) {
      lastError = error;
    }
  }
  throw new Error(`[browser tests] vite preview could not start: ${String(lastError)}`, {
    cause: lastError,
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Screenshots are this run's artefacts: never leave a previous run's pictures beside them.
  rmSync(`${ROOT}test-results/screenshots`, { recursive: true, force: true });
  const chromiumPath = resolveChromium();
  // A private build directory: several test runs (or a `vite build` beside them) never share files.
  const outDir = mkdtempSync(join(tmpdir(), 'segur-pulse-dist-'));
  await buildApp(outDir);
  const { server, url } = await startPreview(outDir);
  project.provide('baseURL', url);
  project.provide('chromiumPath', chromiumPath);
  console.log(`[browser tests] app served at ${url}, Chromium: ${chromiumPath}`);
  return async () => {
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  };
}
