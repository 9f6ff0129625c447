/**
 * The Positive Health web on a phone (375 px wide): the table's title wraps within the page, the
 * dimension and the latest score ("Nu") are in view and the other columns scroll inside their own
 * focusable region, and the spider web's labels stay readable (at least 12 px on screen).
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../server/test/test-server.ts';
import { launchBrowser, privateWebRoot, settle, signIn, type TestServer } from './browser-harness.ts';

let server: TestServer;
let context: BrowserContext;
let closeBrowser: (() => Promise<void>) | undefined;
let page: Page;
let webRoot: Awaited<ReturnType<typeof privateWebRoot>> | undefined;

beforeAll(async () => {
  webRoot = await privateWebRoot('meedoen-web-plan-narrow-');
  server = await startTestServer({ clients: 20, webRoot: webRoot.path });
  const browser = await launchBrowser('meedoen-e2e-plan-narrow-');
  context = browser.context;
  closeBrowser = browser.close;
  context.setDefaultTimeout(15_000);
  page = await context.newPage();
}, 120_000);

afterAll(async () => {
  await closeBrowser?.();
  await server?.close();
  await webRoot?.remove();
});

describe('Positive Health at 375 px', () => {
  it('shows the whole table and readable web labels', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await signIn(page, server, 'coach');
    // A client of the demo coach with two webs, so the table has earlier, latest and change.
    const row = await server.db
      .selectFrom('health_measurements as h')
      .innerJoin('clients as c', 'c.id', 'h.client_id')
      .innerJoin('users as u', 'u.id', 'c.coach_id')
      .select('c.id')
      .where('u.email', '=', server.accounts.coach.email)
      .groupBy('c.id')
      .having((eb) => eb.fn.countAll(), '>', 1)
      .executeTakeFirstOrThrow();
    await page.goto(`${server.url}/clienten/${row.id}`);
    await page.getByTestId('health-table').waitFor();
    await settle(page);
    await page.getByTestId('health-table').scrollIntoViewIfNeeded();
    await page.locator('.meedoen-positive-health').screenshot({ path: `${webRoot!.path}/../plan-375.png` });

    const layout = await page.evaluate(() => {
      const table = document.querySelector('[data-testid="health-table"]') as HTMLElement;
      const region = table.closest('[role="region"]') as HTMLElement;
      const title = document.getElementById(region.getAttribute('aria-labelledby')!)!;
      const box = (el: Element) => el.getBoundingClientRect();
      const label = document.querySelector('.meedoen-radar__axis-label') as SVGTextElement;
      const bubble = document.querySelector('.meedoen-radar__bubble text') as SVGTextElement | null;
      const onScreen = (el: SVGGraphicsElement) => parseFloat(getComputedStyle(el).fontSize) * (el.getScreenCTM()?.a ?? 1);
      return {
        page: document.documentElement.clientWidth,
        pageScroll: document.documentElement.scrollWidth,
        region: { left: box(region).left, right: box(region).right, client: region.clientWidth, scroll: region.scrollWidth, focusable: region.tabIndex === 0 },
        title: { text: title.textContent, left: box(title).left, right: box(title).right },
        headers: [...table.querySelectorAll('thead th')].map((th) => ({ text: th.textContent ?? '', left: box(th).left, right: box(th).right })),
        labelPx: onScreen(label),
        bubblePx: bubble ? onScreen(bubble) : null,
      };
    });
    // Nothing sticks out of the page sideways; the region stays inside it.
    expect(layout.pageScroll).toBeLessThanOrEqual(layout.page);
    expect(layout.region.right).toBeLessThanOrEqual(layout.page);
    // The title wraps inside the page instead of running out of the card.
    expect(layout.title.text).toContain('Positieve Gezondheid');
    expect(layout.title.left).toBeGreaterThanOrEqual(0);
    expect(layout.title.right).toBeLessThanOrEqual(layout.page);
    // The dimension, the earlier and the latest score ("Nu") are in view without scrolling.
    const now = layout.headers.find((h) => h.text.startsWith('Nu'));
    expect(now, 'a "Nu" column').toBeDefined();
    for (const header of layout.headers.slice(0, layout.headers.indexOf(now!) + 1)) {
      expect(header.left, header.text).toBeGreaterThanOrEqual(layout.region.left - 1);
      expect(header.right, header.text).toBeLessThanOrEqual(layout.region.right + 1);
    }
    // The remaining columns are reached by scrolling the region, which takes keyboard focus.
    if (layout.region.scroll > layout.region.client) expect(layout.region.focusable).toBe(true);
    // Web labels (and a talk bubble's number) at least 12 px on screen.
    expect(layout.labelPx).toBeGreaterThanOrEqual(12);
    if (layout.bubblePx !== null) expect(layout.bubblePx).toBeGreaterThanOrEqual(12);
    // axe on the plan's web and tables at this width (other sections of the page have their own suites).
    const axe = await new AxeBuilder({ page }).include('.meedoen-positive-health').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });
});
