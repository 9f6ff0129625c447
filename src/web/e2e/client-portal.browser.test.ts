/**
 * End-to-end check of the client's own page against the real server: the client signs in (on a
 * desktop and at phone width, 375px) and sees their coach, how to reach the service, their
 * appointments and group sessions, their Positive Health web and goals; downloads a copy of all their data as PDF and JSON (AVG
 * inzage); a coach plans an appointment that the client then sees. Every screen passes axe.
 */
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pdfText } from '../../server/test/pdf-text.ts';
import { startTestServer } from '../../server/test/test-server.ts';
import { expectAccessible, launchBrowser, settle, signIn, type TestServer } from './browser-harness.ts';

let server: TestServer;
let context: BrowserContext;
let closeBrowser: (() => Promise<void>) | undefined;
let page: Page;
let clientId = '';
let firstName = '';

beforeAll(async () => {
  server = await startTestServer({ clients: 40 });
  const browser = await launchBrowser('meedoen-e2e-portal-');
  context = browser.context;
  closeBrowser = browser.close;
  context.setDefaultTimeout(15_000);
  const account = await server.db.selectFrom('users').select('client_id').where('email', '=', server.accounts.client.email).executeTakeFirstOrThrow();
  clientId = account.client_id!;
  firstName = (await server.db.selectFrom('clients').select('first_name').where('id', '=', clientId).executeTakeFirstOrThrow()).first_name;
});

afterAll(async () => {
  await closeBrowser?.();
  await server?.close();
});

beforeEach(async () => {
  await context.clearCookies();
  for (const open of context.pages()) await open.close();
  page = await context.newPage();
  await page.goto(`${server.url}/inloggen`);
  await page.evaluate(() => window.localStorage.clear());
});

/** Clicks a download link and returns the downloaded file's bytes and suggested name. */
async function download(p: Page, linkName: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([p.waitForEvent('download'), p.getByRole('link', { name: linkName }).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

describe("the client's own page", () => {
  it('shows the coach, how to reach the service and the appointments, and is accessible', async () => {
    await signIn(page, server, 'client');
    await page.getByRole('heading', { level: 1, name: `Welkom, ${firstName}` }).waitFor();
    await settle(page);
    const coach = page.getByRole('region', { name: 'Uw coach' });
    expect(await coach.textContent()).toContain('Sanne de Vries');
    expect(await coach.getByRole('link', { name: '0345 123 456' }).getAttribute('href')).toBe('tel:0345123456');
    const appointments = page.getByRole('region', { name: 'Uw afspraken' });
    expect(await appointments.getByRole('listitem').count()).toBeGreaterThan(0);
    expect(await appointments.textContent()).toContain('Waar:');
    await page.getByRole('region', { name: 'Uw groepsbijeenkomsten' }).waitFor();
    // The Positive Health web (with the same figures as a table), the goals, and filling in a new web alone.
    const health = page.getByRole('region', { name: 'Hoe gaat het met u?' });
    await health.getByTestId('health-web').waitFor();
    await health.getByTestId('health-table').waitFor();
    expect(await page.getByRole('region', { name: 'Uw doelen' }).getByTestId('goals').count()).toBe(1);
    expect(await health.getByRole('button', { name: 'Nieuwe meting invullen' }).count()).toBe(1);
    // The client's page has no doors into other clients' records.
    const nav = page.getByRole('navigation', { name: 'Hoofdnavigatie' });
    expect(await nav.getByRole('link', { name: 'Cliënten', exact: true }).count()).toBe(0);
    await expectAccessible(page, 'client portal');
    await health.getByRole('button', { name: 'Nieuwe meting invullen' }).click();
    await settle(page);
    await expectAccessible(page, 'client portal with the Positive Health form open');
  });

  it('downloads a copy of all data as a readable PDF and as JSON', async () => {
    await signIn(page, server, 'client');
    await page.getByRole('heading', { level: 2, name: 'Mijn gegevens downloaden' }).waitFor();

    const pdf = await download(page, 'Download als PDF');
    expect(pdf.name).toMatch(/^meedoen-gegevens-C\d+-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const { text, pages } = pdfText(pdf.bytes);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain('Kopie van uw gegevens');
    expect(text).toContain('Verwerkingslogboek');

    const json = await download(page, 'Download als JSON');
    expect(json.name).toMatch(/\.json$/);
    const doc = JSON.parse(json.bytes.toString('utf8'));
    expect(doc.format).toBe('meedoen-inzage');
    expect(doc.sections.find((s: { key: string }) => s.key === 'client').rows[0].firstName).toBe(firstName);
    const log = doc.sections.find((s: { key: string }) => s.key === 'processingLog').rows;
    // The PDF made a moment ago is in the log of the JSON made now.
    expect(log.map((r: { operation: string }) => r.operation)).toEqual(expect.arrayContaining(['data-export.pdf', 'data-export.json']));
  });

  it('works at phone width (375px): one column, no sideways scrolling, accessible', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    await signIn(page, server, 'client');
    await page.getByRole('heading', { level: 2, name: 'Uw afspraken' }).waitFor();
    await settle(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'no horizontal scrolling at 375px').toBeLessThanOrEqual(0);
    const download = page.getByRole('link', { name: 'Download als PDF' });
    await download.scrollIntoViewIfNeeded();
    const box = await download.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(375);
    expect(box!.height, 'a target big enough for a finger').toBeGreaterThanOrEqual(24);
    await expectAccessible(page, 'client portal at 375px');
  });

  it('an appointment the coach plans on the dossier appears on the client’s page', async () => {
    await signIn(page, server, 'coach');
    await page.goto(`${server.url}/clienten/${clientId}`);
    await page.getByRole('heading', { level: 2, name: 'Afspraken' }).waitFor();
    await settle(page);
    const form = page.getByRole('form', { name: 'Afspraak plannen' });
    const day = new Date(Date.now() + 9 * 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel('Datum').fill(day);
    await form.getByLabel('Tijd').fill('14:15');
    await form.getByLabel('Hoe lang').selectOption('60');
    await form.getByLabel('Plaats').fill('Bibliotheek Lingestad, zaal 2');
    await form.getByLabel('Waarover').fill('Samen uw cv maken');
    await form.getByRole('button', { name: 'Afspraak plannen' }).click();
    await page.getByRole('status').filter({ hasText: 'De afspraak is gepland.' }).waitFor();
    await page.getByRole('cell', { name: 'Samen uw cv maken' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Gegevens van de cliënt (AVG-inzage)' }).waitFor();
    await expectAccessible(page, 'dossier with appointments and data export');

    // A fresh sign-in as the client (logging out would bring the client back to this dossier's address).
    await context.clearCookies();
    await page.close();
    page = await context.newPage();
    await signIn(page, server, 'client');
    const item = page.getByRole('region', { name: 'Uw afspraken' }).getByRole('listitem').filter({ hasText: 'Samen uw cv maken' });
    await item.waitFor();
    expect(await item.textContent()).toContain('14:15');
    expect(await item.textContent()).toContain('Bibliotheek Lingestad, zaal 2');
  });
});
