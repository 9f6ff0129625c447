/**
 * End-to-end check of the web UI against the real server: every role signs in through the form,
 * lands on its start page and can reach its pages, and every page passes axe (WCAG 2.1 AA) without
 * serious or critical violations. Also: login errors, logout, language switch, the admin user flow.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/roles.ts';
import { startTestServer } from '../../server/test/test-server.ts';
import { expectAccessible, launchBrowser, navigate, settle, signIn, type TestServer } from './browser-harness.ts';

/** Dutch role labels as the header shows them. */
const ROLE_LABELS: Record<Role, string> = {
  coach: 'Participatiecoach',
  team_lead: 'Teamleider',
  provider_coach: 'Trajectbegeleider (aanbieder)',
  partner: 'Netwerkpartner',
  policy_officer: 'Beleidsmedewerker',
  administrator: 'Functioneel beheerder',
  client: 'Cliënt',
};

/** Main-navigation links each role must and must not see (need-to-know, PRODUCT.md). */
const NAVIGATION: Record<Role, { shows: string[]; hides: string[] }> = {
  coach: { shows: ['Start', 'Cliënten'], hides: ['Gebruikers', 'Verwerkingslogboek'] },
  team_lead: { shows: ['Start', 'Cliënten'], hides: ['Gebruikers'] },
  provider_coach: { shows: ['Start', 'Cliënten'], hides: ['Gebruikers', 'Teams', 'Gemeenten', 'Verwerkingslogboek'] },
  partner: { shows: ['Start', 'Cliënten'], hides: ['Gebruikers', 'Teams', 'Gemeenten', 'Verwerkingslogboek'] },
  policy_officer: { shows: ['Start'], hides: ['Cliënten', 'Gebruikers', 'Verwerkingslogboek'] },
  administrator: { shows: ['Start', 'Gebruikers', 'Teams', 'Gemeenten', 'Verwerkingslogboek'], hides: [] },
  client: { shows: ['Start'], hides: ['Cliënten', 'Gebruikers', 'Teams', 'Gemeenten', 'Verwerkingslogboek'] },
};

let server: TestServer;
let context: BrowserContext;
let closeBrowser: (() => Promise<void>) | undefined;
let page: Page;

/** Signs in through the form as a demo account. */
const login = (p: Page, role: Role) => signIn(p, server, role);

beforeAll(async () => {
  server = await startTestServer();
  const browser = await launchBrowser('meedoen-e2e-');
  context = browser.context;
  closeBrowser = browser.close;
});

afterAll(async () => {
  await closeBrowser?.();
  await server?.close();
});

beforeEach(async () => {
  // Every test starts signed out and in Dutch.
  await context.clearCookies();
  for (const open of context.pages()) await open.close();
  page = await context.newPage();
  await page.goto(`${server.url}/inloggen`);
  await page.evaluate(() => window.localStorage.clear());
});

describe('web UI in the browser', () => {
  it('login page is accessible, titled, Dutch, and explains a wrong password in Dutch', async () => {
    await page.goto(`${server.url}/`);
    await page.waitForURL('**/inloggen');
    await expect.poll(() => page.title()).toBe('Inloggen — Meedoen');
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    await expectAccessible(page, 'login page');

    await page.getByLabel('E-mailadres').fill(server.accounts.coach.email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill('definitely-not-the-password');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('E-mailadres of wachtwoord klopt niet');
    await expectAccessible(page, 'login page with error');
    expect(page.url()).toMatch(/\/inloggen$/);
  });

  for (const role of Object.keys(ROLE_LABELS) as Role[]) {
    it(`${role}: signs in, sees its start page and navigation, and every page is accessible`, async () => {
      await login(page, role);
      expect(new URL(page.url()).pathname).toBe('/');
      await expect.poll(() => page.title()).toBe('Start — Meedoen');
      expect(await page.getByTestId('current-user').textContent()).toContain(ROLE_LABELS[role]);

      const nav = page.getByRole('navigation', { name: 'Hoofdnavigatie' });
      for (const link of NAVIGATION[role].shows) {
        expect(await nav.getByRole('link', { name: link, exact: true }).count(), `${role} sees ${link}`).toBe(1);
      }
      for (const link of NAVIGATION[role].hides) {
        expect(await nav.getByRole('link', { name: link, exact: true }).count(), `${role} does not see ${link}`).toBe(0);
      }
      await expectAccessible(page, `${role} start page`);

      if (role === 'coach') {
        await navigate(page, 'Cliënten', 'Cliënten');
        await expectAccessible(page, 'clients list');
        const first = page.getByRole('table').getByRole('link').first();
        const name = (await first.textContent()) ?? '';
        await first.click();
        await page.getByRole('heading', { level: 1, name }).waitFor();
        await settle(page);
        expect(await page.getByText(/^\d{4}\.\d{2}\.\d{3}$/).count(), 'BSN shown as 1234.56.789').toBe(1);
        await expectAccessible(page, 'client page');
      }

      if (role === 'administrator') {
        await navigate(page, 'Gebruikers', 'Gebruikers');
        await expectAccessible(page, 'users page');
        await navigate(page, 'Teams', 'Teams');
        await expectAccessible(page, 'teams page');
        await navigate(page, 'Gemeenten', 'Gemeenten');
        await expectAccessible(page, 'municipalities page');
        await navigate(page, 'Verwerkingslogboek', 'Verwerkingslogboek');
        await page.getByLabel('Burgerservicenummer (BSN)').fill('123456782');
        await page.getByRole('button', { name: 'Zoeken' }).click();
        await settle(page);
        await expectAccessible(page, 'processing-log page');
      }

      await page.getByRole('button', { name: 'Uitloggen' }).click();
      await page.waitForURL('**/inloggen');
      await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    });
  }

  it('the language switch turns the interface English and back, with <html lang>', async () => {
    await login(page, 'coach');
    expect(await page.getByRole('button', { name: 'Uitloggen' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByTestId('current-user').textContent()).toContain('Participation coach');
    expect(await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Clients' }).count()).toBe(1);
    await expectAccessible(page, 'start page in English');
    await page.getByRole('button', { name: 'Schakel naar Nederlands' }).click();
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
  });

  it('an administrator creates a user through the form, sees it in the list, and blocks it', async () => {
    await login(page, 'administrator');
    await navigate(page, 'Gebruikers', 'Gebruikers');
    const email = `e2e-${Date.now()}@example.org`;
    const form = page.getByRole('form', { name: 'Gebruiker toevoegen' });
    await form.getByLabel('E-mailadres').fill(email);
    await form.getByLabel('Naam').fill('Eva Tweedejaars');
    await form.getByLabel('Rol').selectOption('coach');
    await form.getByLabel('Wachtwoord').fill('te-kort');
    await form.getByRole('button', { name: 'Gebruiker toevoegen' }).click();

    // The server's refusal appears next to the password field and is tied to it.
    const password = form.getByLabel('Wachtwoord');
    await expect.poll(() => password.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await password.getAttribute('aria-describedby')) ?? '';
    const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'));
    expect(errorId, 'password error is referenced by aria-describedby').toBeTruthy();
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toContain('Het wachtwoord is te kort');
    await expectAccessible(page, 'users page with field errors');

    await password.fill('paarse-olifant-fietst-snel-42');
    await form.getByRole('button', { name: 'Gebruiker toevoegen' }).click();

    await page.getByRole('status').filter({ hasText: 'Gebruiker Eva Tweedejaars is toegevoegd.' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: email });
    await row.waitFor();
    expect(await row.textContent()).toContain('Actief');
    await expectAccessible(page, 'users page after create');

    await row.getByRole('button', { name: 'Blokkeren', exact: true }).click();
    await row.getByRole('button', { name: 'Deblokkeren' }).waitFor();
    expect(await row.textContent()).toContain('Geblokkeerd');
    expect(await row.getByRole('button', { name: 'Blokkeren', exact: true }).count()).toBe(0);
  });

  it('an administrator adds a municipality and a team for it', async () => {
    await login(page, 'administrator');
    await navigate(page, 'Gemeenten', 'Gemeenten');
    const municipalityForm = page.getByRole('form', { name: 'Gemeente toevoegen' });
    await municipalityForm.getByLabel('Naam').fill('Testdorp');
    await municipalityForm.getByLabel('CBS-gemeentecode').fill('GM9876');
    await municipalityForm.getByLabel('Inwoners').fill('12345');
    await municipalityForm.getByRole('button', { name: 'Gemeente toevoegen' }).click();
    await page.getByRole('row').filter({ hasText: 'GM9876' }).waitFor();

    await navigate(page, 'Teams', 'Teams');
    const teamForm = page.getByRole('form', { name: 'Team toevoegen' });
    await teamForm.getByLabel('Naam').fill('Team Testdorp');
    await teamForm.getByLabel('Gemeente').selectOption({ label: 'Testdorp' });
    await teamForm.getByRole('button', { name: 'Team toevoegen' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Team Testdorp' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Testdorp');
  });
});
