/**
 * The administrator keeps the performance agreements and the return assumptions in the browser:
 * filters to one municipality and year, adds an agreement, changes it, removes it, and changes
 * an assumption. The policy officer reads both pages without any form. Axe on every screen,
 * with the forms and the confirmation open.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../server/test/test-server.ts';
import { expectAccessible, launchBrowser, navigate, settle, signIn, type TestServer } from './browser-harness.ts';

let server: TestServer;
let context: BrowserContext;
let closeBrowser: (() => Promise<void>) | undefined;
let page: Page;
let webRoot = '';

beforeAll(async () => {
  // A private copy of the build, so others rebuilding dist/web cannot break the lazily loaded pages.
  webRoot = await mkdtemp(join(tmpdir(), 'meedoen-web-agreements-'));
  await cp(resolve('dist/web'), webRoot, { recursive: true });
  server = await startTestServer({ clients: 40, webRoot });
  const browser = await launchBrowser('meedoen-e2e-agreements-');
  context = browser.context;
  closeBrowser = browser.close;
  context.setDefaultTimeout(10_000);
  page = await context.newPage();
});

afterAll(async () => {
  await closeBrowser?.();
  await server?.close();
  if (webRoot) await rm(webRoot, { recursive: true, force: true });
});

const rows = () => page.getByRole('table', { name: 'Vastgelegde prestatieafspraken' }).getByRole('row');

describe('performance agreements in the browser', () => {
  it('the administrator adds, changes and removes an agreement for Lingestad in 2026', { timeout: 240_000 }, async () => {
    await signIn(page, server, 'administrator');
    await navigate(page, 'Prestatieafspraken', 'Prestatieafspraken');
    const filters = page.getByRole('search', { name: 'Prestatieafspraken zoeken' });
    await filters.getByLabel('Gemeente').selectOption({ label: 'Lingestad' });
    await filters.getByLabel('Jaar').fill('2026');
    await filters.getByRole('button', { name: 'Toon afspraken' }).click();
    await page.waitForURL(/municipalityId=.*year=2026/);
    await settle(page);
    // The five demo agreements of PRODUCT.md, plus the header row.
    await expect.poll(() => rows().count()).toBe(6);
    expect(await rows().filter({ hasText: 'Van de cliënten op trede 3 en 4 zakt 95% niet terug' }).textContent()).toContain('ten minste 95%');

    const create = page.getByRole('form', { name: 'Nieuwe prestatieafspraak' });
    expect(await create.getByLabel('Gemeente').inputValue()).not.toBe('');
    await create.getByLabel('Cijfer').selectOption({ label: 'Participatiebanen, meedoenbanen en vrijwilligerswerk' });
    await create.getByLabel('Meetwaarde').selectOption({ label: 'Nieuw in de periode' });
    await create.getByLabel('Doel').fill('150,5');
    await create.getByLabel('Afspraak', { exact: true }).fill('Ten minste 150 nieuwe plaatsingen');
    await create.getByRole('button', { name: 'Afspraak toevoegen' }).click();
    // A count must be whole: the refusal stands next to the target.
    await expect.poll(() => create.getByText('Dit doel past niet bij de meetwaarde.').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'agreement form with a refused target');
    await create.getByLabel('Doel').fill('150');
    await create.getByRole('button', { name: 'Afspraak toevoegen' }).click();
    await page.getByRole('status').filter({ hasText: 'is toegevoegd' }).waitFor();
    await settle(page);
    await expect.poll(() => rows().count()).toBe(7);

    await page.getByRole('button', { name: 'Wijzig Ten minste 150 nieuwe plaatsingen' }).click();
    const edit = page.getByRole('form', { name: /Afspraak wijzigen/ });
    await edit.getByLabel('Doel').fill('160');
    await expectAccessible(page, 'agreement edit form');
    await edit.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'is gewijzigd' }).waitFor();
    await settle(page);
    expect(await rows().filter({ hasText: 'Ten minste 150 nieuwe plaatsingen' }).textContent()).toContain('ten minste 160');

    await page.getByRole('button', { name: 'Verwijder Ten minste 150 nieuwe plaatsingen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Afspraak verwijderen?' });
    await dialog.waitFor();
    await expectAccessible(page, 'remove confirmation');
    await dialog.getByRole('button', { name: 'Verwijderen' }).click();
    await page.getByRole('status').filter({ hasText: 'is verwijderd' }).waitFor();
    await settle(page);
    await expect.poll(() => rows().count()).toBe(6);
  });

  it('the administrator changes a return assumption; it is shown in the table', { timeout: 120_000 }, async () => {
    await navigate(page, 'Rendement: uitgangspunten', 'Rendement: uitgangspunten');
    const year = page.getByRole('search', { name: 'Jaar kiezen' });
    await year.getByLabel('Jaar').selectOption('2026');
    await year.getByRole('button', { name: 'Toon' }).click();
    await settle(page);
    const table = page.getByRole('table', { name: 'Uitgangspunten rendement 2026' });
    expect(await table.getByRole('row', { name: /Uurtarief coach/ }).textContent()).toContain('71,00');
    const form = page.getByRole('form', { name: 'Uitgangspunten 2026 invullen' });
    await form.getByLabel('Gemiddelde uitkering per maand').fill('1.500,00');
    await expectAccessible(page, 'return assumptions form');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'De uitgangspunten voor 2026 zijn opgeslagen.' }).waitFor();
    await settle(page);
    expect(await table.getByRole('row', { name: /Gemiddelde uitkering per maand/ }).textContent()).toContain('1.500,00');
  });

  it('the policy officer reads both pages without forms', { timeout: 120_000 }, async () => {
    await context.clearCookies();
    await signIn(page, server, 'policy_officer');
    await navigate(page, 'Prestatieafspraken', 'Prestatieafspraken');
    await expect.poll(() => rows().count()).toBeGreaterThan(20);
    expect(await page.getByRole('form', { name: 'Nieuwe prestatieafspraak' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Wijzig / }).count()).toBe(0);
    await expectAccessible(page, 'agreements for the policy officer');
    await navigate(page, 'Rendement: uitgangspunten', 'Rendement: uitgangspunten');
    expect(await page.getByRole('form').count()).toBe(0);
    await expectAccessible(page, 'return assumptions for the policy officer');
  });
});
