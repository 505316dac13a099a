// Helpers for the browser tests: a headless Chromium driven by playwright-core, kept on 127.0.0.1.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Frame, type Page, type Route } from 'playwright-core';
import { inject } from 'vitest';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SCREENSHOT_DIR = resolve(ROOT, 'test-results/screenshots');

const PROFILE_PREFIX = join(tmpdir(), 'segur-pulse-profile-');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function baseURL(): string {
  return inject('baseURL');
}

/** The app's URL for a hash route, e.g. appURL('#/sources'). */
export function appURL(hash = '#/'): string {
  return new URL(hash, baseURL()).href;
}

export function newProfileDir(): string {
  return mkdtempSync(PROFILE_PREFIX);
}

/** Removes a profile directory, but only one this module created under the temp directory. */
export function removeProfileDir(profileDir: string): void {
  if (profileDir.startsWith(PROFILE_PREFIX)) {
    rmSync(profileDir, { recursive: true, force: true });
  }
}

export interface LaunchedBrowser {
  context: BrowserContext;
  profileDir: string;
  /** Requests the guard refused (anything not on the app's origin). */
  blocked: string[];
  /** Closes Chromium; with removeProfile, also deletes the profile if it is one of our temp dirs. */
  close(options?: { removeProfile?: boolean }): Promise<void>;
}

/**
 * Launches headless Chromium with a persistent profile (a fresh temp dir unless one is given, so
 * IndexedDB can survive a restart). Only requests to the app's origin go through; everything else
 * is aborted, so a test never reaches outside 127.0.0.1. Service workers are blocked so that
 * page-level routes see every request.
 */
export async function launchBrowser(
  profileDir?: string,
  /** A device to emulate, e.g. a phone: `{ hasTouch: true, isMobile: true, viewport }`. */
  device: {
    hasTouch?: boolean;
    isMobile?: boolean;
    viewport?: { width: number; height: number };
    deviceScaleFactor?: number;
  } = {},
): Promise<LaunchedBrowser> {
  const dir = profileDir ?? newProfileDir();
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: inject('chromiumPath'),
    headless: true,
    args: CHROMIUM_ARGS,
    serviceWorkers: 'block',
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: 1280, height: 900 },
    ...device,
  });
  const allowedOrigin = new URL(baseURL()).origin;
  const blocked: string[] = [];
  // Registered first, so routes a test adds later take precedence over it.
  await context.route('**', (route: Route) => {
    const url = route.request().url();
    let origin: string;
    try {
      origin = new URL(url).origin;
    } catch {
      origin = '';
    }
    if (origin === allowedOrigin) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  return {
    context,
    profileDir: dir,
    blocked,
    async close(options = {}) {
      await context.close();
      if (options.removeProfile) removeProfileDir(dir);
    },
  };
}

/** The page a persistent context opens with, or a new one. */
export async function firstPage(context: BrowserContext): Promise<Page> {
  return context.pages()[0] ?? (await context.newPage());
}

export interface BrowserError {
  kind: 'console' | 'pageerror';
  text: string;
  location?: string;
}

/** Collects console errors and uncaught page errors of a page, as they happen. */
export function trackErrors(page: Page): BrowserError[] {
  const errors: BrowserError[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url, lineNumber } = message.location();
    errors.push({
      kind: 'console',
      text: message.text(),
      location: url ? `${url}:${lineNumber}` : undefined,
    });
  });
  page.on('pageerror', (error) => {
    errors.push({ kind: 'pageerror', text: error.stack ?? `${error.name}: ${error.message}` });
  });
  return errors;
}

/** Chromium logs every failed request as a console error; these are expected when a test aborts one. */
export function isFailedResourceLoad(error: BrowserError): boolean {
  return error.kind === 'console' && /^Failed to load resource\b/.test(error.text);
}

/** Saves a full-page PNG as test-results/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Like screenshot(), but never throws: for evidence when a test is already failing. */
export async function screenshotQuietly(page: Page, name: string): Promise<void> {
  try {
    await screenshot(page, name);
  } catch {
    // the page may be gone; the original failure matters more
  }
}

/** The CSP source (`'sha256-…'`) of each inline `<style>` element of an HTML text. */
export function inlineStyleSources(html: string): string[] {
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, '');
  return [...withoutComments.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
    ([, css]) => `'sha256-${createHash('sha256').update(css!).digest('base64')}'`,
  );
}

/**
 * Opens an address of the app and waits until the app has replaced the Overview prerendered into
 * index.html (src/prerender/) and rendered every part of the page that waited for its turn
 * (src/lib/renderQueue.ts): what the test then reads is the live app's whole page, not a page
 * about to be swapped out or still filling. (test/browser/prerender.test.ts looks at the
 * prerendered page itself.)
 */
export async function gotoApp(
  page: Page,
  url: string,
  options?: Parameters<Page['goto']>[1],
): Promise<void> {
  await page.goto(url, options);
  await appShown(page);
}

/**
 * Resolves once the live app has replaced the prerendered page in `target` (a page, or the frame
 * of an embed) and no part of it waits for its turn: until then both pages may be in the document.
 */
export async function appShown(target: Page | Frame): Promise<void> {
  await target.waitForSelector('#app:not([data-prerendered])', {
    state: 'attached',
    timeout: 15_000,
  });
  await target.waitForSelector('html:not([data-rendering])', { state: 'attached' });
}
