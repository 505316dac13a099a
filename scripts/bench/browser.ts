/** Debian's Chromium driven by playwright-core, as every part of the bench uses it. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CPU_THROTTLE = 4;
export const FIRST_CHART_MARK = 'segur-pulse:first-chart';

/** The flags of ../shared/STACK.md: no background traffic, no GPU, no sandbox (root). */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export const PROFILE_PREFIX = join(tmpdir(), 'segur-pulse-bench-profile-');

async function launch(profileDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      ...CHROMIUM_FLAGS,
      // Nothing leaves 127.0.0.1, without routing every request through playwright (which would
      // add its own delay to each one).
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: 1280, height: 900 },
  });
}

/** A browser on a profile of its own (a new one unless given), closed after `f`. */
export async function withProfile<T>(
  f: (context: BrowserContext) => Promise<T>,
  profileDir = mkdtempSync(PROFILE_PREFIX),
  keep = false,
): Promise<T> {
  const context = await launch(profileDir);
  try {
    return await f(context);
  } finally {
    await context.close();
    if (!keep && profileDir.startsWith(PROFILE_PREFIX))
      rmSync(profileDir, { recursive: true, force: true });
  }
}

/** A browser kept open across several loads (the warm runs), on a new profile. */
export async function openProfile(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profileDir = mkdtempSync(PROFILE_PREFIX);
  const context = await launch(profileDir);
  return {
    context,
    async close() {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

export async function throttle(page: Page, rate: number): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return cdp;
}

/** The value of `expression` in the page, through the DevTools protocol (undefined between documents). */
export async function askPage<T>(cdp: CDPSession, expression: string): Promise<T | undefined> {
  const answer = await cdp
    .send('Runtime.evaluate', { expression, returnByValue: true })
    .catch(() => undefined);
  return answer?.result.value as T | undefined;
}

/**
 * Waits until `expression` is true in the page, asking through the DevTools protocol every 50 ms.
 * Not `page.waitForFunction`: that first injects playwright's selector engine (330 KB) into the
 * page, whose evaluation took 100 to 200 ms of the throttled main thread, in the middle of the
 * load being timed (seen in a trace), a cost no visitor pays. False when it timed out.
 */
export async function waitInPage(
  cdp: CDPSession,
  expression: string,
  timeoutMs: number,
  everyMs = 50,
): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if ((await askPage<boolean>(cdp, expression)) === true) return true;
    if (Date.now() > until) return false;
    await new Promise((wake) => setTimeout(wake, everyMs));
  }
}
