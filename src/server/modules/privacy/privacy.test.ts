import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/demo-accounts.ts';
import { seedDemo } from '../demo/demo-seed.ts';
import { describeEachDatabase, login, testConfig, type Session } from '../../test/test-app.ts';
import { pdfText } from '../../test/pdf-text.ts';
import { buildAnswers } from '../plans/plan-fixtures.ts';
import type { DataExport } from './data-export.types.ts';

/** The AVG inzage: a client gets a copy of all their data, and only their own; so does their coach on request. */
describeEachDatabase(
  'AVG inzage (copy of all data)',
  (t) => {
    const db = () => t().database.db;
    const as = (email: string) => login(t().app, email, DEMO_PASSWORD);
    const accountOf = (email: string) => db().selectFrom('users').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
    const clientRow = (id: string) => db().selectFrom('clients').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const sectionOf = (doc: DataExport, key: string) => {
      const found = doc.sections.find((s) => s.key === key);
      if (!found) throw new Error(`no section ${key}`);
      return found;
    };
    const exportJson = async (s: Session, url = '/api/me/data-export.json') => {
      const res = await s.get(url);
      expect(res.statusCode, res.body).toBe(200);
      return { res, doc: res.json() as DataExport };
    };

    it('gives the client a download with every section, their own record and the processing log', async () => {
      const account = await accountOf(DEMO_ACCOUNTS.client.email);
      const client = await clientRow(account.client_id!);
      // The coach opens the dossier, so the log has a staff member's processing too.
      expect((await (await as(DEMO_ACCOUNTS.coach.email)).get(`/api/clients/${client.id}`)).statusCode).toBe(200);
      const s = await as(DEMO_ACCOUNTS.client.email);
      const { res, doc } = await exportJson(s);
      expect(res.headers['content-type']).toContain('application/json');
      expect(res.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="meedoen-gegevens-${client.client_number}-\\d{4}-\\d{2}-\\d{2}\\.json"$`));
      expect(res.headers['cache-control']).toBe('no-store');
      expect(doc).toMatchObject({ format: 'meedoen-inzage', version: 1, subject: { clientNumber: client.client_number }, controller: { name: 'Werkplein Lingedal' } });
      expect(doc.sections.map((x) => x.key)).toEqual(
        expect.arrayContaining(['client', 'account', 'routeHistory', 'ladder', 'positiveHealth', 'goals', 'zrm', 'placements', 'school', 'tegenprestatie', 'appointments', 'contacts', 'signals', 'escalations', 'tasks', 'referrals', 'referralHistory', 'referralProgress', 'enrolments', 'attendance', 'projects', 'timeline', 'purposes', 'recipients', 'processingLog']),
      );
      for (const x of doc.sections) {
        expect(x.title.length).toBeGreaterThan(0);
        for (const row of x.rows) expect(Object.keys(row).sort()).toEqual(x.fields.map((field) => field.key).sort());
      }
      expect(sectionOf(doc, 'client').rows[0]).toMatchObject({ bsn: client.bsn, firstName: client.first_name, lastName: client.last_name });
      expect(sectionOf(doc, 'account').rows[0]).toMatchObject({ email: DEMO_ACCOUNTS.client.email, blocked: false });
      expect(sectionOf(doc, 'ladder').rows.length).toBeGreaterThan(0);
      expect(sectionOf(doc, 'appointments').rows.length).toBeGreaterThan(0);
      expect(sectionOf(doc, 'purposes').rows.map((r) => r.activity)).toContain('Inzage door betrokkene (kopie van alle gegevens)');

      // The copy's own making is in its processing log: when, what, why, and by whom as a role.
      const log = sectionOf(doc, 'processingLog').rows;
      const own = log.find((r) => r.operation === 'data-export.json');
      expect(own).toMatchObject({ activity: 'Inzage door betrokkene (kopie van alle gegevens)', legalGround: expect.stringContaining('AVG art. 12 en 15'), by: 'U zelf', status: true });
      expect(own!.description).toBe('Kopie van uw gegevens: gemaakt (JSON)');
      // Staff appear by role and organisation, not by name.
      expect(log.some((r) => r.by === 'Participatiecoach, Werkplein Lingedal')).toBe(true);
      expect(JSON.stringify(log)).not.toContain(DEMO_ACCOUNTS.coach.displayName);
    });

    it('gives the same copy as a readable, paginated PDF in Dutch, and logs that too', async () => {
      const account = await accountOf(DEMO_ACCOUNTS.client.email);
      const client = await clientRow(account.client_id!);
      const s = await as(DEMO_ACCOUNTS.client.email);
      const res = await s.get('/api/me/data-export.pdf');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="meedoen-gegevens-C\d+-\d{4}-\d{2}-\d{2}\.pdf"$/);
      const { text: layout, pages } = pdfText(res.rawPayload);
      const text = layout.replace(/\s+/g, ' ');
      expect(pages).toBeGreaterThan(1);
      for (const expected of [
        'Kopie van uw gegevens',
        `${client.first_name} ${client.last_name}`,
        `cliëntnummer ${client.client_number}`,
        'Werkplein Lingedal is verantwoordelijk voor uw gegevens',
        'Autoriteit Persoonsgegevens',
        'Uw gegevens',
        client.bsn,
        'Participatieladder',
        'Afspraken',
        'Contactmomenten en notities',
        'Tijdlijn',
        'Waarom wij uw gegevens gebruiken',
        'Verwerkingslogboek',
        'gemaakt (PDF)',
        'Inzage door betrokkene',
        `Pagina 1 van ${pages}`,
      ]) {
        expect(text, expected).toContain(expected);
      }
      const logged = await db().selectFrom('processing_log').select('operation').where('data_subject_id', '=', client.bsn_pseudonym).where('operation', '=', 'data-export.pdf').execute();
      expect(logged.length).toBeGreaterThan(0);
      const coachPdf = await (await as(DEMO_ACCOUNTS.coach.email)).get(`/api/clients/${client.id}/data-export.pdf`);
      expect(coachPdf.statusCode).toBe(200);
      expect(pdfText(coachPdf.rawPayload).text).toContain(client.bsn);
    });

    /** Every table with a client_id and the section of the copy that shows it. */
    const SECTION_OF_TABLE: Record<string, string> = {
      users: 'account',
      client_route_changes: 'routeHistory',
      client_municipality_history: 'municipalityHistory',
      kpi_client_years: 'kpiYears',
      ladder_measurements: 'ladder',
      health_measurements: 'positiveHealth',
      zrm_measurements: 'zrm',
      plan_goals: 'goals',
      plan_goal_actions: 'goals',
      appointments: 'appointments',
      contact_moments: 'contacts',
      signals: 'signals',
      escalations: 'escalations',
      tasks: 'tasks',
      referrals: 'referrals',
      enrolments: 'enrolments',
      project_participants: 'projects',
      placements: 'placements',
      client_work_profiles: 'workProfile',
      beschut_werk_applications: 'beschutWerk',
      school_records: 'school',
      tegenprestatie_decisions: 'tegenprestatie',
      timeline_events: 'timeline',
    };

    it('covers every table that holds data about a client (a new one fails here until the copy shows it)', async () => {
      const tables = await sql<{ table_name: string }>`
        select distinct table_name from information_schema.columns
        where table_schema = current_schema() and column_name = 'client_id' order by table_name`.execute(db());
      const uncovered = tables.rows.map((r) => r.table_name).filter((name) => !SECTION_OF_TABLE[name]);
      expect(uncovered).toEqual([]);
      const { doc } = await exportJson(await as(DEMO_ACCOUNTS.client.email));
      const keys = new Set(doc.sections.map((x) => x.key));
      expect(Object.values(SECTION_OF_TABLE).filter((key) => !keys.has(key))).toEqual([]);
      // The demo client has a full personal plan: webs with every aspect, goals with actions.
      const web = sectionOf(doc, 'positiveHealth').rows[0]!;
      expect((web.answers as string[]).length).toBe(42);
      expect(sectionOf(doc, 'goals').rows.length).toBeGreaterThan(0);
    });

    it('logs the making of the copy, and puts it on the timeline', async () => {
      const account = await accountOf(DEMO_ACCOUNTS.client.email);
      const client = await clientRow(account.client_id!);
      const s = await as(DEMO_ACCOUNTS.client.email);
      const traceId = 'cccccccccccccccccccccccccccccc01';
      expect((await s.get('/api/me/data-export.json', { traceparent: `00-${traceId}-00f067aa0ba902b7-01` })).statusCode).toBe(200);
      const rows = await db()
        .selectFrom('processing_log as l')
        .innerJoin('processing_activities as a', 'a.id', 'l.processing_activity_id')
        .select(['l.operation', 'l.user_id', 'l.data_subject_id', 'a.code'])
        .where('l.trace_id', '=', traceId)
        .execute();
      expect(rows).toEqual([{ operation: 'data-export.json', user_id: account.id, data_subject_id: client.bsn_pseudonym, code: 'subject-access' }]);
      const event = await db().selectFrom('timeline_events').select(['kind', 'actor_id']).where('client_id', '=', client.id).where('kind', '=', 'privacy.data_export').orderBy('id', 'desc').executeTakeFirstOrThrow();
      expect(event.actor_id).toBe(account.id);
    });

    it('never lets a client reach another client: not through any door, not by asking for an id', async () => {
      const account = await accountOf(DEMO_ACCOUNTS.client.email);
      const other = await db().selectFrom('clients').selectAll().where('id', '!=', account.client_id!).executeTakeFirstOrThrow();
      const s = await as(DEMO_ACCOUNTS.client.email);
      const doors = [
        `/api/clients?q=${other.bsn}`,
        `/api/clients?q=${encodeURIComponent(other.last_name)}`,
        `/api/clients/${other.id}`,
        `/api/clients/${other.id}/timeline`,
        `/api/clients/${other.id}/processing-log`,
        `/api/clients/${other.id}/contacts`,
        `/api/clients/${other.id}/ladder`,
        `/api/clients/${other.id}/appointments`,
        `/api/clients/${other.id}/data-export.json`,
        `/api/clients/${other.id}/data-export.pdf`,
        // The staff door is closed to a client even for their own record; their door is /api/me.
        `/api/clients/${account.client_id}/data-export.json`,
      ];
      for (const url of doors) {
        const res = await s.get(url);
        expect([403, 404], `${url} → ${res.statusCode}`).toContain(res.statusCode);
        // The problem echoes the path it answers (instance); the rest must say nothing about the client.
        const { instance: _path, ...problem } = res.json();
        expect(JSON.stringify(problem)).not.toContain(other.bsn);
        expect(JSON.stringify(problem)).not.toContain(other.last_name);
      }
      expect((await s.get(`/api/clients/${other.id}`)).statusCode).toBe(404);
      expect((await s.get(`/api/clients/${other.id}/processing-log`)).statusCode).toBe(404);
      // /api/me ignores anything that names another client.
      const { doc } = await exportJson(s, `/api/me/data-export.json?clientId=${other.id}`);
      expect(doc.subject.clientNumber).not.toBe(other.client_number);
      expect(JSON.stringify(doc)).not.toContain(other.bsn);
      const portal = await s.get('/api/me/portal');
      expect(portal.json().client.id).toBe(account.client_id);
    });

    it("refuses a client every door under /api/clients/:id for another client's id, including the ones added later", async () => {
      const account = await accountOf(DEMO_ACCOUNTS.client.email);
      const other = await db().selectFrom('clients').selectAll().where('id', '!=', account.client_id!).orderBy('client_number', 'desc').executeTakeFirstOrThrow();
      const s = await as(DEMO_ACCOUNTS.client.email);
      const doors = t().app.routeTable.filter((r) => r.url.startsWith('/api/clients/:id') && !/:(?!id\b)\w+/.test(r.url) && r.method !== 'HEAD');
      expect(doors.length).toBeGreaterThan(15);
      for (const door of doors) {
        const url = door.url.replace(':id', other.id);
        const res = door.method === 'GET' ? await s.get(url) : await s.send(door.method as 'POST', url, {});
        // 422 only where the body is checked before the client is looked up; it says nothing about the client.
        expect([403, 404, 422], `${door.method} ${door.url} → ${res.statusCode}`).toContain(res.statusCode);
        expect(res.body).not.toContain(other.bsn);
        expect(res.body).not.toContain(other.last_name);
      }
      // Doors by the id of something that belongs to another client.
      const referral = await db().selectFrom('referrals').select('id').where('client_id', '!=', account.client_id!).executeTakeFirst();
      const goal = await db().selectFrom('plan_goals').select('id').where('client_id', '!=', account.client_id!).executeTakeFirst();
      if (referral) expect([403, 404]).toContain((await s.get(`/api/referrals/${referral.id}`)).statusCode);
      if (goal) expect([403, 404]).toContain((await s.send('PATCH', `/api/goals/${goal.id}`, { progress: 100 }, { 'if-match': '"1"' })).statusCode);
      // Filling in a web is a door the client holds: for someone else it is a 404, with a valid body too.
      const web = { filledBy: 'client_alone', answers: buildAnswers(() => 6) };
      expect((await s.send('POST', `/api/clients/${other.id}/health-measurements`, web)).statusCode).toBe(404);
      expect((await s.send('POST', `/api/clients/${account.client_id}/health-measurements`, web)).statusCode).toBe(201);
    });

    it("lets the client's own coach and team lead make the copy on request, and nobody else", async () => {
      const account = await accountOf(DEMO_ACCOUNTS.client.email);
      const client = await clientRow(account.client_id!);
      for (const email of [DEMO_ACCOUNTS.coach.email, DEMO_ACCOUNTS.team_lead.email]) {
        const { doc } = await exportJson(await as(email), `/api/clients/${client.id}/data-export.json`);
        expect(doc.subject.clientNumber).toBe(client.client_number);
      }
      // A coach of the same team sees the dossier but does not hold it.
      const teammate = await db().selectFrom('users').select('email').where('team_id', '=', client.team_id).where('role', '=', 'coach').where('id', '!=', client.coach_id!).executeTakeFirst();
      if (teammate) expect((await (await as(teammate.email)).get(`/api/clients/${client.id}/data-export.json`)).statusCode).toBe(403);
      expect((await (await as('coach2@meedoen.demo')).get(`/api/clients/${client.id}/data-export.json`)).statusCode).toBe(404);
      for (const email of [DEMO_ACCOUNTS.provider_coach.email, DEMO_ACCOUNTS.partner.email, DEMO_ACCOUNTS.policy_officer.email, DEMO_ACCOUNTS.administrator.email]) {
        const s = await as(email);
        expect((await s.get(`/api/clients/${client.id}/data-export.json`)).statusCode).toBe(403);
        expect((await s.get('/api/me/data-export.json')).statusCode).toBe(403);
      }
    });

    it('includes confidential notes by default, and withholds them, saying so, when configured', async () => {
      const account = await accountOf(DEMO_ACCOUNTS.client.email);
      const coach = await as(DEMO_ACCOUNTS.coach.email);
      const secret = `Vertrouwelijk: broer belde over zorgen ${Date.now()}`;
      const today = new Date().toISOString().slice(0, 10);
      expect((await coach.send('POST', `/api/clients/${account.client_id}/contacts`, { kind: 'notitie', occurredOn: today, summary: secret, confidential: true })).statusCode).toBe(201);

      const { doc } = await exportJson(await as(DEMO_ACCOUNTS.client.email));
      expect(sectionOf(doc, 'contacts').rows).toContainEqual(expect.objectContaining({ summary: secret, confidential: true }));

      const withholding = await buildApp({ db: db(), config: testConfig({ SUBJECT_ACCESS_CONFIDENTIAL_NOTES: 'withhold' }), logger: false });
      try {
        await withholding.ready();
        const s = await login(withholding, DEMO_ACCOUNTS.client.email, DEMO_PASSWORD);
        const { doc: restricted } = await exportJson(s);
        expect(JSON.stringify(restricted)).not.toContain(secret);
        const contacts = sectionOf(restricted, 'contacts');
        expect(contacts.rows.every((r) => r.confidential === false)).toBe(true);
        expect(contacts.notes.join(' ')).toMatch(/vertrouwelijke notitie.*artikel 41 Uitvoeringswet AVG/);
        expect(sectionOf(restricted, 'timeline').notes.join(' ')).toContain('vertrouwelijke');
      } finally {
        await withholding.close();
      }
    });
  },
  { setup: async ({ database, config }) => void (await seedDemo(database.db, { clients: 40, pseudonymKey: config.pseudonymKey })) },
);
