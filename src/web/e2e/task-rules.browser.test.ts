/**
 * End-to-end check of what the task rules and the outflow change on screen, against the real
 * server and the demo organisation: a team lead sees the team's open escalations with the overdue
 * ones first and marked in words; a coach finds the clients who left the benefit apart from the
 * caseload, marked "Uitgestroomd" without attention flags. Every screen passes axe (WCAG 2.1 AA).
 */
import { describe, expect, it } from 'vitest';
import { addDays, todayIso } from '../../shared/dates.ts';
import { expectAccessible, navigate, settle, signIn, useBrowserSuite } from './browser-harness.ts';

const suite = useBrowserSuite('task-rules', { clients: 60, setupTimeoutMs: 180_000 });
const today = todayIso();

/** A client of the demo coach still on the benefit. */
async function coachClient(offset = 0) {
  return suite.server.db
    .selectFrom('clients')
    .innerJoin('users', 'users.id', 'clients.coach_id')
    .select(['clients.id', 'clients.organisation_id', 'clients.client_number', 'clients.coach_id', 'clients.version'])
    .where('users.email', '=', suite.server.accounts.coach.email)
    .where('clients.benefit_ended_on', 'is', null)
    .orderBy('clients.client_number')
    .offset(offset)
    .limit(1)
    .executeTakeFirstOrThrow();
}

describe('task rules, escalations and outflow in the browser', () => {
  it('a team lead sees the open escalations of the team, overdue ones first', { timeout: 240_000 }, async () => {
    const client = await coachClient();
    // A signal escalated twice: to the Kernteam (its due date passed a week ago) and to Team Ondersteuning (due in two weeks).
    const signal = await suite.server.db
      .insertInto('signals')
      .values({ organisation_id: client.organisation_id, client_id: client.id, domain: 'schulden', severity: 'hoog', description: 'Oplopende schulden', status: 'geescaleerd', raised_by: client.coach_id })
      .returning('id')
      .executeTakeFirstOrThrow();
    const escalation = (target: 'kernteam' | 'team_ondersteuning', dueOn: string) => ({
      organisation_id: client.organisation_id, client_id: client.id, signal_id: signal.id, target_kind: target, external_organisation_id: null, question: 'Wie pakt dit op?', due_on: dueOn, created_by: client.coach_id,
    });
    const [inTime, late] = await suite.server.db
      .insertInto('escalations')
      .values([escalation('team_ondersteuning', addDays(today, 14)), escalation('kernteam', addDays(today, -7))])
      .returning('id')
      .execute();

    await signIn(suite.page, suite.server, 'team_lead');
    await navigate(suite.page, 'Team', /^Team/);
    const section = suite.page.getByRole('region', { name: 'Openstaande escalaties' });
    await section.waitFor();
    const rows = await section
      .getByTestId('team-escalations')
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => ({ id: tr.getAttribute('data-escalation-id'), overdue: tr.getAttribute('data-overdue'), text: tr.textContent ?? '' })));
    const overdue = rows.map((r) => r.overdue);
    expect(overdue[0]).toBe('true');
    // No escalation in time comes before an overdue one.
    expect(overdue.indexOf('false') === -1 || overdue.slice(overdue.indexOf('false')).every((o) => o === 'false')).toBe(true);
    const lateRow = rows.findIndex((r) => r.id === late!.id);
    const inTimeRow = rows.findIndex((r) => r.id === inTime!.id);
    expect(lateRow).toBeGreaterThanOrEqual(0);
    expect(inTimeRow).toBeGreaterThan(lateRow);
    expect(rows[lateRow]!.text).toContain('Kernteam');
    expect(rows[lateRow]!.text).toContain('Verlopen');
    expect(rows[lateRow]!.text).toContain(client.client_number);
    expect(rows[inTimeRow]!.text).toContain('Team Ondersteuning');
    expect(rows[inTimeRow]!.text).not.toContain('Verlopen');
    expect(await section.getByTestId('team-escalations-summary').textContent()).toMatch(/escalaties? wacht(en)? op terugkoppeling, waarvan \d+ over de datum/);
    await expectAccessible(suite.page, 'team page with escalations');
  });

  it('a coach finds the clients who left the benefit apart, without attention flags', { timeout: 240_000 }, async () => {
    const client = await coachClient(1);
    await suite.server.db.updateTable('clients').set({ benefit_ended_on: addDays(today, -10), outflow_reason: 'werk' }).where('id', '=', client.id).execute();

    await signIn(suite.page, suite.server, 'coach');
    await navigate(suite.page, 'Mijn caseload', 'Mijn caseload');
    expect(await suite.page.locator(`tr[data-client-number="${client.client_number}"]`).count()).toBe(0);
    await suite.page.getByRole('link', { name: /^Toon de uitgestroomde cliënt(en)? \(\d+\)$/ }).click();
    await suite.page.getByRole('heading', { level: 1, name: 'Mijn caseload: uitgestroomd' }).waitFor();
    await settle(suite.page);
    expect(new URL(suite.page.url()).searchParams.get('outflowed')).toBe('true');
    const row = suite.page.locator(`tr[data-client-number="${client.client_number}"]`);
    expect(await row.textContent()).toMatch(/Uitgestroomd per \d+ \w+ \d{4}/);
    expect(await suite.page.locator('[data-attention]').count()).toBe(0);
    await expectAccessible(suite.page, 'caseload of clients who left');
    await suite.page.getByRole('link', { name: 'Terug naar de cliënten met een uitkering' }).click();
    await suite.page.getByRole('heading', { level: 1, name: 'Mijn caseload' }).waitFor();
    await settle(suite.page);
    expect(await suite.page.locator(`tr[data-client-number="${client.client_number}"]`).count()).toBe(0);
  });
});
