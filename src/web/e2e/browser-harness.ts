import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import type { Role } from '../../shared/roles.ts';
import { startTestServer } from '../../server/test/test-server.ts';

/**
 * What every browser test needs: Debian's Chromium launched the way this machine allows, waiting
 * for a page to settle, axe at WCAG 2.1 AA, and signing in through the form.
 */
export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** Without the background-networking flags Chromium keeps dialling Google on a closed network. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A fresh headless Chromium profile; close() also removes the profile directory. */
export async function launchBrowser(prefix: string): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profileDir = await mkdtemp(join(tmpdir(), prefix));
  const context = await chromium.launchPersistentContext(profileDir, { executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  await context.addInitScript(COUNT_FETCHES_IN_FLIGHT);
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}

/**
 * A private copy of the built UI (dist/web) for one suite, so other sessions rebuilding dist/web
 * cannot break its lazily loaded pages; remove() deletes it.
 */
export async function privateWebRoot(prefix: string): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  await cp(resolve('dist/web'), path, { recursive: true });
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/**
 * Counts the page's fetches in flight (window.__meedoenFetchesInFlight), installed before any of
 * the page's scripts run, so settle() can see a fetch that an effect starts after a click.
 */
const COUNT_FETCHES_IN_FLIGHT = `(() => {
  let inFlight = 0;
  const fetch = window.fetch.bind(window);
  Object.defineProperty(window, '__meedoenFetchesInFlight', { get: () => inFlight });
  window.fetch = (...args) => {
    inFlight++;
    return fetch(...args).finally(() => { inFlight--; });
  };
})()`;

async function fetchesInFlight(p: Page): Promise<number> {
  // A navigation between two checks destroys the context; count that as still busy.
  return p.evaluate(() => (window as unknown as { __meedoenFetchesInFlight?: number }).__meedoenFetchesInFlight ?? 0).catch(() => 1);
}

/**
 * Waits until no request is running and no loading message is on screen. 'networkidle' alone is
 * not enough: once a page has reached it, waitForLoadState returns at once, also when a click has
 * just started a new fetch (React starts it in an effect after the next render). So this also
 * waits until no fetch has been in flight for three checks 50 ms apart.
 */
export async function settle(p: Page): Promise<void> {
  await p.waitForLoadState('networkidle');
  let quietChecks = 0;
  const deadline = Date.now() + 15_000;
  while (quietChecks < 3 && Date.now() < deadline) {
    quietChecks = (await fetchesInFlight(p)) === 0 ? quietChecks + 1 : 0;
    if (quietChecks < 3) await p.waitForTimeout(50);
  }
  await expect.poll(() => p.getByText(/Bezig met laden|Loading…/).count()).toBe(0);
}

/** Runs axe with the WCAG 2.1 A/AA rules; fails on serious or critical violations and prints them. */
export async function expectAccessible(p: Page, name: string): Promise<void> {
  await settle(p);
  const results = await new AxeBuilder({ page: p }).withTags(AXE_TAGS).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length > 0) {
    const report = serious.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`) }));
    console.error(`axe violations on ${name} (${p.url()}):\n${JSON.stringify(report, null, 2)}`);
  }
  expect(serious.map((v) => `${v.id} (${v.impact})`), `axe on ${name}`).toEqual([]);
}

/** Signs in through the login form as a demo account and waits for the start page. */
export async function signIn(p: Page, server: TestServer, role: Role): Promise<void> {
  const account = server.accounts[role];
  await p.goto(`${server.url}/inloggen`);
  await p.getByLabel('E-mailadres').fill(account.email);
  await p.getByLabel('Wachtwoord', { exact: true }).fill(account.password);
  await p.getByRole('button', { name: 'Inloggen' }).click();
  await p.getByRole('heading', { level: 1, name: /^Welkom, / }).waitFor();
  await settle(p);
}

/** Follows a main-navigation link and waits for the page's heading. */
export async function navigate(p: Page, link: string, heading: string | RegExp): Promise<void> {
  await p.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: link, exact: true }).click();
  await p.getByRole('heading', { level: 1, name: heading }).waitFor();
  await settle(p);
}

/**
 * What every browser suite sets up the same way: a private copy of the built UI, a test server
 * with a demo of `clients` clients, Chromium, and a fresh page without cookies for each test.
 * The returned getters are valid inside the suite's tests.
 */
export function useBrowserSuite(
  name: string,
  options: { clients: number; setupTimeoutMs?: number; config?: Record<string, string> },
): { readonly server: TestServer; readonly page: Page } {
  let server: TestServer | undefined;
  let context: BrowserContext | undefined;
  let closeBrowser: (() => Promise<void>) | undefined;
  let page: Page | undefined;
  let webRoot: Awaited<ReturnType<typeof privateWebRoot>> | undefined;
  beforeAll(async () => {
    webRoot = await privateWebRoot(`meedoen-web-${name}-`);
    server = await startTestServer({ clients: options.clients, webRoot: webRoot.path, ...(options.config ? { config: options.config } : {}) });
    const browser = await launchBrowser(`meedoen-e2e-${name}-`);
    context = browser.context;
    closeBrowser = browser.close;
    context.setDefaultTimeout(15_000);
  }, options.setupTimeoutMs ?? 120_000);
  afterAll(async () => {
    await closeBrowser?.();
    await server?.close();
    await webRoot?.remove();
  });
  beforeEach(async () => {
    await context!.clearCookies();
    for (const open of context!.pages()) await open.close();
    page = await context!.newPage();
  });
  return {
    get server() {
      return server!;
    },
    get page() {
      return page!;
    },
  };
}
