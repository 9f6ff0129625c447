import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { completeBsn } from '../../../shared/bsn.ts';
import type { Executor } from '../../db/database.ts';
import { describeEachDatabase } from '../../test/test-app.ts';
import { DEMO_ACCOUNTS } from '../demo/demo-accounts.ts';
import { seedDemo } from '../demo/demo-seed.ts';
import { listFacts } from '../kpi/facts/kpi-facts.repository.ts';
import { rebuildAllFacts } from '../kpi/facts/kpi-facts.service.ts';
import { pseudonymiseBsn } from '../processing-log/processing-log.service.ts';
import { IMPORT_COLUMNS, type ImportColumn, type ImportRecord } from './import.columns.ts';
import { formatImportReport } from './import.presenter.ts';
import { importClientsFile, validateImportFile } from './import.service.ts';

const ADMIN = DEMO_ACCOUNTS.administrator.email;

let dir: string;
beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), 'meedoen-import-'))));
afterAll(async () => rm(dir, { recursive: true, force: true }));

/** Writes rows as CSV the way an old system or Excel would; `columns` is the header. */
async function csvFile(name: string, columns: readonly ImportColumn[], rows: (ImportRecord | string)[], options: { delimiter?: string; bom?: boolean; eol?: string } = {}) {
  const { delimiter = ',', bom = false, eol = '\n' } = options;
  const field = (v: string) => (v.includes(delimiter) || v.includes('"') || v.includes('\n') ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [columns.join(delimiter), ...rows.map((r) => (typeof r === 'string' ? r : columns.map((c) => field(r[c] ?? '')).join(delimiter)))];
  const path = join(dir, name);
  await writeFile(path, (bom ? '\uFEFF' : '') + lines.join(eol) + eol);
  return path;
}

/** BSNs no client of the database has yet, handed out once each. */
let bsnCursor = 90_000_000;
async function freshBsns(db: Executor, count: number): Promise<string[]> {
  const taken = new Set((await db.selectFrom('clients').select('bsn').execute()).map((r) => r.bsn));
  const result: string[] = [];
  while (result.length < count) {
    const bsn = completeBsn(String(bsnCursor++));
    if (bsn && !taken.has(bsn)) result.push(bsn);
  }
  return result;
}

const buildRow = (bsn: string, overrides: ImportRecord = {}): ImportRecord => ({
  bsn,
  voornaam: 'Zoë',
  achternaam: 'de Boer',
  geboortedatum: '1990-04-12',
  gemeente: 'Lingestad',
  coach_email: DEMO_ACCOUNTS.coach.email,
  telefoon: '06 12345678',
  email: 'zoe@example.nl',
  straat: 'Dorpsstraat',
  huisnummer: '12a',
  postcode: '4001AB',
  woonplaats: 'Lingestad',
  uitkering: 'bijstand',
  uitkering_start: '2024-01-01',
  doelgroepen: 'jongere;statushouder',
  route: 'werknemer',
  trede: '3',
  groeipotentieel: '4',
  trede_datum: '2025-06-01',
  clientnummer_oud: 'OUD-17',
  ...overrides,
});

/** Row counts of every table an import writes, and the client-number counter. */
async function snapshot(db: Executor) {
  const count = async (table: 'clients' | 'ladder_measurements' | 'client_route_changes' | 'timeline_events' | 'processing_log' | 'audit_events') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const counter = await db.selectFrom('organisations').select('client_number_counter').executeTakeFirstOrThrow();
  return {
    clients: await count('clients'),
    ladder: await count('ladder_measurements'),
    routes: await count('client_route_changes'),
    timeline: await count('timeline_events'),
    log: await count('processing_log'),
    audit: await count('audit_events'),
    counter: Number(counter.client_number_counter),
  };
}

describeEachDatabase(
  'client import',
  (t) => {
    const db = () => t().database.db;
    const config = () => t().config;

    it('imports a clean CSV with ladder step, route, timeline, processing log and audit event', async () => {
      const [a, b, c] = await freshBsns(db(), 3);
      const path = await csvFile('clean.csv', IMPORT_COLUMNS, [
        buildRow(a!),
        buildRow(b!, { gemeente: 'GM9902', coach_email: '', team: 'Team Waalkant', trede: '', groeipotentieel: '', trede_datum: '', route: '', clientnummer_oud: '' }),
        buildRow(c!, { trede: '5', groeipotentieel: '', trede_datum: '01-10-2025', doelgroepen: '' }),
      ]);
      const before = await snapshot(db());
      const outcome = await importClientsFile(db(), config(), { path, importerEmail: ADMIN });
      expect(outcome).toMatchObject({ status: 'imported', report: { rows: 3, validRows: 3, badRows: 0, problems: [] }, counts: { clients: 3, ladderMeasurements: 2, routeChanges: 2 } });
      const after = await snapshot(db());
      expect(after).toEqual({ ...before, clients: before.clients + 3, ladder: before.ladder + 2, routes: before.routes + 2, timeline: before.timeline + 3, log: before.log + 3, audit: before.audit + 1, counter: before.counter + 3 });

      const admin = await db().selectFrom('users').select('id').where('email', '=', ADMIN).executeTakeFirstOrThrow();
      const coach = await db().selectFrom('users').select(['id', 'team_id']).where('email', '=', DEMO_ACCOUNTS.coach.email).executeTakeFirstOrThrow();
      const clients = await db().selectFrom('clients').selectAll().where('bsn', 'in', [a!, b!, c!]).orderBy('client_number').execute();
      expect(clients.map((x) => x.bsn)).toEqual([a, b, c]);
      expect(clients.map((x) => x.client_number)).toEqual([`C${before.counter + 1}`, `C${before.counter + 2}`, `C${before.counter + 3}`]);
      expect(clients[0]).toMatchObject({
        bsn_pseudonym: pseudonymiseBsn(config().pseudonymKey, a!),
        first_name: 'Zoë',
        date_of_birth: '1990-04-12',
        coach_id: coach.id,
        team_id: coach.team_id,
        postcode: '4001 AB',
        target_groups: ['jongere', 'statushouder'],
        benefit_type: 'bijstand',
        benefit_start_date: '2024-01-01',
        route: 'werknemer',
        ladder_step: 3,
        ladder_growth_potential: 4,
        ladder_measured_on: '2025-06-01',
        version: 1,
        created_by: admin.id,
      });
      const waalkant = await db().selectFrom('teams').select('id').where('name', '=', 'Team Waalkant').executeTakeFirstOrThrow();
      expect(clients[1]).toMatchObject({ coach_id: null, team_id: waalkant.id, route: null, ladder_step: null, ladder_measured_on: null });
      expect(clients[2]).toMatchObject({ ladder_step: 5, ladder_growth_potential: 5, ladder_measured_on: '2025-10-01', target_groups: [] });

      const measurements = await db().selectFrom('ladder_measurements').selectAll().where('client_id', 'in', clients.map((x) => x.id)).orderBy('step').execute();
      expect(measurements).toMatchObject([
        { client_id: clients[0]!.id, step: 3, growth_potential: 4, measured_on: '2025-06-01', occasion: 'other', answers: {}, measured_by: admin.id, note: 'Geïmporteerd uit vorig systeem (vorig cliëntnummer OUD-17)' },
        { client_id: clients[2]!.id, step: 5, growth_potential: 5, measured_on: '2025-10-01' },
      ]);
      const routes = await db().selectFrom('client_route_changes').selectAll().where('client_id', 'in', clients.map((x) => x.id)).execute();
      expect(routes.map((r) => [r.client_id, r.route, r.previous_route, r.reason, r.changed_by])).toEqual(
        expect.arrayContaining([[clients[0]!.id, 'werknemer', null, 'Import', admin.id], [clients[2]!.id, 'werknemer', null, 'Import', admin.id]]),
      );
      const timeline = await db().selectFrom('timeline_events').selectAll().where('client_id', 'in', clients.map((x) => x.id)).execute();
      expect(timeline).toHaveLength(3);
      expect(new Set(timeline.map((e) => `${e.kind}|${e.actor_id}`))).toEqual(new Set([`client.imported|${admin.id}`]));
      expect(timeline.map((e) => e.summary).sort()).toEqual(['Cliënt geïmporteerd', 'Cliënt geïmporteerd (vorig cliëntnummer OUD-17)', 'Cliënt geïmporteerd (vorig cliëntnummer OUD-17)']);

      // One processing-log record per client, under the pseudonym; the BSN itself appears nowhere.
      const log = await db()
        .selectFrom('processing_log as l')
        .innerJoin('processing_activities as a', 'a.id', 'l.processing_activity_id')
        .select(['l.data_subject_id', 'l.operation', 'l.user_id', 'l.trace_id', 'a.code'])
        .where('l.operation', '=', 'clients.import')
        .where('l.data_subject_id', 'in', clients.map((x) => x.bsn_pseudonym))
        .execute();
      expect(log.map((l) => l.data_subject_id).sort()).toEqual(clients.map((x) => x.bsn_pseudonym).sort());
      expect(new Set(log.map((l) => `${l.code}|${l.user_id}`))).toEqual(new Set([`client-dossier|${admin.id}`]));
      const leaked = await sql<{ n: number }>`select count(*)::int as n from processing_log where data_subject_id in (${sql.join([a!, b!, c!])})`.execute(db());
      expect(leaked.rows[0]!.n).toBe(0);
      const audit = await db().selectFrom('audit_events').selectAll().where('action', '=', 'clients.imported').where('subject_id', '=', log[0]!.trace_id).executeTakeFirstOrThrow();
      expect(audit).toMatchObject({ actor_user_id: admin.id, subject_type: 'client_import', details: { file: 'clean.csv', format: 'csv', clients: 3, ladderMeasurements: 2, routeChanges: 2 } });

      // The KPI facts the import computed at its end are exactly what a rebuild computes.
      const organisationId = clients[0]!.organisation_id;
      const facts = await listFacts(db(), organisationId);
      expect(facts.filter((f) => clients.some((c) => c.id === f.client_id)).length).toBeGreaterThanOrEqual(3);
      await rebuildAllFacts(db(), organisationId);
      expect(await listFacts(db(), organisationId)).toEqual(facts);
    });

    it('imports a semicolon CSV with a BOM, CRLF line ends and DD-MM-YYYY dates', async () => {
      const [a, b] = await freshBsns(db(), 2);
      const columns = ['bsn', 'voornaam', 'achternaam', 'geboortedatum', 'gemeente', 'doelgroepen', 'straat', 'trede', 'trede_datum', 'uitkering_start'] as const;
      const path = await csvFile(
        'excel.csv',
        columns,
        [
          { bsn: a!, voornaam: 'Noëlle', achternaam: "d'Hondt", geboortedatum: '07-03-1985', gemeente: 'waalkant', doelgroepen: 'jongere,arbeidsbeperking', straat: 'Markt; achterom', trede: '2', trede_datum: '15-09-2025', uitkering_start: '1-2-2023' },
          { bsn: b!, voornaam: 'Sem', achternaam: 'Öztürk', geboortedatum: '1999-12-31', gemeente: 'Heuveldorp' },
        ],
        { delimiter: ';', bom: true, eol: '\r\n' },
      );
      const outcome = await importClientsFile(db(), config(), { path, importerEmail: ADMIN });
      expect(outcome).toMatchObject({ status: 'imported', counts: { clients: 2, ladderMeasurements: 1, routeChanges: 0 } });
      const rows = await db().selectFrom('clients').selectAll().where('bsn', 'in', [a!, b!]).orderBy('client_number').execute();
      expect(rows).toMatchObject([
        { first_name: 'Noëlle', last_name: "d'Hondt", date_of_birth: '1985-03-07', street: 'Markt; achterom', target_groups: ['jongere', 'arbeidsbeperking'], ladder_step: 2, ladder_growth_potential: 2, ladder_measured_on: '2025-09-15', benefit_start_date: '2023-02-01' },
        { first_name: 'Sem', last_name: 'Öztürk', date_of_birth: '1999-12-31', ladder_step: null },
      ]);
    });

    it('imports an XLSX file, as a team lead', async () => {
      const [a, b] = await freshBsns(db(), 2);
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Cliënten');
      sheet.addRow(['bsn', 'voornaam', 'achternaam', 'geboortedatum', 'gemeente', 'coach_email', 'route', 'trede', 'groeipotentieel', 'trede_datum']);
      sheet.addRow([Number(a), 'Daan', 'Visser', new Date(Date.UTC(1975, 0, 31)), 'Lingestad', DEMO_ACCOUNTS.coach.email, 'onderwijs', 1, 2, new Date(Date.UTC(2025, 4, 1))]);
      sheet.addRow([b, 'Eva', 'Mulder', '31-01-1976', 'GM9903']);
      workbook.addWorksheet('Toelichting').addRow(['dit blad wordt niet gelezen']);
      const path = join(dir, 'clients.xlsx');
      await workbook.xlsx.writeFile(path);

      const outcome = await importClientsFile(db(), config(), { path, importerEmail: DEMO_ACCOUNTS.team_lead.email });
      expect(outcome).toMatchObject({ status: 'imported', report: { format: 'xlsx', rows: 2 }, counts: { clients: 2, ladderMeasurements: 1, routeChanges: 1 } });
      const rows = await db().selectFrom('clients').selectAll().where('bsn', 'in', [a!, b!]).orderBy('client_number').execute();
      expect(rows).toMatchObject([
        { first_name: 'Daan', date_of_birth: '1975-01-31', route: 'onderwijs', ladder_step: 1, ladder_growth_potential: 2, ladder_measured_on: '2025-05-01' },
        { first_name: 'Eva', date_of_birth: '1976-01-31', route: null },
      ]);
    });

    it('rejects a file with bad rows whole: every bad row reported with its line, nothing written', async () => {
      const [a, b, c] = await freshBsns(db(), 3);
      const existing = await db().selectFrom('clients').select('bsn').orderBy('client_number').executeTakeFirstOrThrow();
      const path = await csvFile('bad.csv', IMPORT_COLUMNS, [
        buildRow(a!), // line 2
        buildRow('123456789'), // line 3
        buildRow(b!, { bsn: '', gemeente: 'Amsterdam' }), // line 4
        buildRow(b!, { straat: 'Dorpsstraat\nachterom' }), // lines 5–6
        buildRow(a!, { voornaam: 'Dubbel' }), // line 7
        buildRow(existing.bsn), // line 8
        buildRow((await freshBsns(db(), 1))[0]!, { trede: '4', groeipotentieel: '2' }), // line 9
        buildRow((await freshBsns(db(), 1))[0]!, { trede_datum: '' }), // line 10
        buildRow(c!), // line 11
        buildRow((await freshBsns(db(), 1))[0]!, { postcode: '12345', coach_email: 'niemand@meedoen.demo' }), // line 12
        `${(await freshBsns(db(), 1))[0]!},te,weinig,velden`, // line 13
      ]);
      const before = await snapshot(db());
      const outcome = await importClientsFile(db(), config(), { path, importerEmail: ADMIN });
      expect(outcome.status).toBe('rejected');
      expect(outcome.report).toMatchObject({ rows: 11, validRows: 3, badRows: 8 });
      expect(outcome.report.problems).toEqual([
        { line: 3, messages: ['bsn 123456789 voldoet niet aan de elfproef'] },
        { line: 4, messages: ['bsn ontbreekt', "gemeente 'Amsterdam' wordt niet door deze organisatie bediend"] },
        { line: 7, messages: [`bsn ${a} komt ook voor op regel 2`] },
        { line: 8, messages: [`bsn ${existing.bsn} staat al in het cliëntenbestand van deze organisatie`] },
        { line: 9, messages: ['groeipotentieel 2 is lager dan trede 4'] },
        { line: 10, messages: ['trede_datum ontbreekt (verplicht bij een trede)'] },
        { line: 12, messages: ['coach_email niemand@meedoen.demo is geen actieve coach van deze organisatie', "postcode '12345' is geen Nederlandse postcode (1234 AB)"] },
        { line: 13, messages: [`de regel heeft 4 velden, de kopregel ${IMPORT_COLUMNS.length}`] },
      ]);
      expect(formatImportReport(outcome.report)).toContain('regel 3: bsn 123456789 voldoet niet aan de elfproef');
      expect(await snapshot(db())).toEqual(before);

      // The dry run reports the same and writes nothing either.
      const report = await validateImportFile(db(), { path, importerEmail: ADMIN });
      expect(report.problems).toEqual(outcome.report.problems);
      expect(await snapshot(db())).toEqual(before);
    });

    it('dry-runs a clean file without writing anything', async () => {
      const bsns = await freshBsns(db(), 4);
      const path = await csvFile('dry.csv', IMPORT_COLUMNS, bsns.map((bsn) => buildRow(bsn)));
      const before = await snapshot(db());
      const report = await validateImportFile(db(), { path, importerEmail: ADMIN });
      expect(report).toMatchObject({ rows: 4, validRows: 4, badRows: 0, problems: [] });
      expect(await snapshot(db())).toEqual(before);
    });

    it('rolls a complete import back on request (the benchmark), leaving nothing', async () => {
      const bsns = await freshBsns(db(), 5);
      const path = await csvFile('rehearsal.csv', IMPORT_COLUMNS, bsns.map((bsn) => buildRow(bsn)));
      const before = await snapshot(db());
      const outcome = await importClientsFile(db(), config(), { path, importerEmail: ADMIN }, { rollback: true });
      expect(outcome).toMatchObject({ status: 'rolled_back', counts: { clients: 5 } });
      expect(await snapshot(db())).toEqual(before);
    });

    it('refuses a header it cannot read, an empty file, and importers without the right', async () => {
      const bad = await csvFile('header.csv', ['bsn', 'voornaam', 'achternaam', 'geboortedatum'], [buildRow('111222333')]);
      const report = await validateImportFile(db(), { path: bad, importerEmail: ADMIN });
      expect(report.problems).toEqual([{ line: null, messages: ["kopregel (regel 1): verplichte kolom 'gemeente' ontbreekt"] }]);
      const empty = join(dir, 'empty.csv');
      await writeFile(empty, '');
      expect((await validateImportFile(db(), { path: empty, importerEmail: ADMIN })).problems).toEqual([{ line: null, messages: ['het bestand is leeg'] }]);
      const headerOnly = await csvFile('header-only.csv', IMPORT_COLUMNS, []);
      expect((await importClientsFile(db(), config(), { path: headerOnly, importerEmail: ADMIN })).status).toBe('rejected');

      const clean = await csvFile('who.csv', IMPORT_COLUMNS, [buildRow((await freshBsns(db(), 1))[0]!)]);
      await expect(importClientsFile(db(), config(), { path: clean, importerEmail: DEMO_ACCOUNTS.coach.email })).rejects.toMatchObject({ code: 'importer_not_allowed' });
      await expect(validateImportFile(db(), { path: clean, importerEmail: 'niemand@meedoen.demo' })).rejects.toMatchObject({ code: 'importer_not_found' });
    });
  },
  { setup: async ({ database, config }) => void (await seedDemo(database.db, { clients: 20, pseudonymKey: config.pseudonymKey })) },
);
