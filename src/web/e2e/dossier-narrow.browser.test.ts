/**
 * The client's dossier as the coach sees it, and the client's own page, on a phone (375 × 812):
 * axe at WCAG 2.1 AA on the whole page, no sideways scrolling of the page itself, and every table
 * that is wider than the screen scrolls inside a region that the keyboard can reach and that is
 * named after the table (WCAG 2.1.1), so route history, contact moments and the processing log
 * can be read without a mouse.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, signIn, useBrowserSuite } from './browser-harness.ts';

const suite = useBrowserSuite('dossier-narrow', { clients: 40 });

/** Elements in main that scroll sideways, with what a keyboard and a screen reader get from them. */
async function scrollingRegions(p: Page) {
  return p.evaluate(() =>
    [...document.querySelectorAll('main *')]
      // Visible ones only: a table folded away in a closed <details> cannot be reached until it is opened.
      .filter((el) => el.checkVisibility() && el.scrollWidth > el.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(el).overflowX))
      .map((el) => {
        const labelledBy = el.getAttribute('aria-labelledby');
        const name = labelledBy ? (document.getElementById(labelledBy)?.textContent ?? '') : (el.getAttribute('aria-label') ?? '');
        return { section: el.closest('section[id]')?.id ?? '', focusable: (el as HTMLElement).tabIndex === 0, role: el.getAttribute('role'), name: name.trim() };
      }),
  );
}

/** Page-wide checks at phone width: axe, no sideways page scroll, and reachable scrolling tables. */
async function expectNarrowAccessible(p: Page, name: string, expectedSections: string[]): Promise<Awaited<ReturnType<typeof scrollingRegions>>> {
  await expectAccessible(p, name);
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name}: no sideways scrolling of the page`).toBeLessThanOrEqual(0);
  const regions = await scrollingRegions(p);
  expect(regions.map((r) => r.section)).toEqual(expect.arrayContaining(expectedSections));
  for (const region of regions) {
    expect({ ...region, name: region.name.length > 0 }, `${name}: scrolling table in #${region.section}`).toEqual({ section: region.section, focusable: true, role: 'region', name: true });
  }
  return regions;
}

describe('the dossier at phone width (375 px)', () => {
  it("the coach's view of a client: every section passes axe and the wide tables take keyboard focus", { timeout: 120_000 }, async () => {
    const { page, server } = suite;
    await page.setViewportSize({ width: 375, height: 812 });
    await signIn(page, server, 'coach');
    // The demo client has a route history, contact moments, appointments, a plan, referrals, modules and a processing log.
    const account = await server.db.selectFrom('users').select('client_id').where('email', '=', server.accounts.client.email).executeTakeFirstOrThrow();
    await page.goto(`${server.url}/clienten/${account.client_id}`);
    await page.getByRole('heading', { level: 2, name: 'Verwerkingslogboek' }).waitFor();
    await expectNarrowAccessible(page, 'dossier at 375px', ['route', 'contacten', 'verwerkingen']);

    // The route history scrolls with the arrow keys once it has focus.
    const history = page.getByRole('region', { name: 'Eerdere routes' });
    await history.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => history.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);

    // On a wide screen the table fits: its wrapper is a plain block again, no tab stop and no
    // second landmark named like the section around it.
    const wrapper = page.locator('#route .meedoen-table-scroll');
    await page.setViewportSize({ width: 1280, height: 812 });
    await expect
      .poll(() => wrapper.evaluate((el) => [el.scrollWidth > el.clientWidth, el.hasAttribute('tabindex'), el.getAttribute('role')]))
      .toEqual([false, false, null]);
  });

  it("the client's own page and its Positive Health form", { timeout: 120_000 }, async () => {
    const { page, server } = suite;
    await page.setViewportSize({ width: 375, height: 812 });
    await signIn(page, server, 'client');
    await page.getByRole('heading', { level: 2, name: 'Uw afspraken' }).waitFor();
    await expectNarrowAccessible(page, 'client portal at 375px', ['gezondheid']);
    // Every aspect of the web, folded away below the table until opened.
    await page.getByText('Alle 42 onderdelen bekijken').click();
    const regions = await expectNarrowAccessible(page, 'client portal with all aspects at 375px', ['gezondheid']);
    expect(regions.filter((r) => r.section === 'gezondheid'), 'the web as a table and its aspects').toHaveLength(2);
    await page.getByRole('button', { name: 'Nieuwe meting invullen' }).click();
    await expectNarrowAccessible(page, 'client portal with the Positive Health form at 375px', []);
  });
});
