import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { KPI_KEYS, type KpiFigure } from '../../../shared/kpi.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/demo-accounts.ts';
import { seedDemo } from '../demo/demo-seed.ts';
import { pdfText } from '../../test/pdf-text.ts';
import { describeEachDatabase, login, type Session } from '../../test/test-app.ts';
import { kpiTitle, label } from './report-labels.ts';

const year = new Date().getFullYear();
const period = String(year);

/** The cells of a CSV download (BOM and CRLF checked on the way). */
function csvLines(body: string): string[][] {
  expect(body.startsWith('\uFEFF')).toBe(true);
  expect(body.endsWith('\r\n')).toBe(true);
  return body.slice(1).trimEnd().split('\r\n').map((line) => line.split(';'));
}

/** A count a policy officer may not see: 1–4 people. */
const small = (n: unknown) => typeof n === 'number' && n >= 1 && n <= 4;

describeEachDatabase(
  'council report: texts, PDF, XLSX, CSV per table, and the CBS export',
  (t) => {
    const as = (role: keyof typeof DEMO_ACCOUNTS) => login(t().app, DEMO_ACCOUNTS[role].email, DEMO_PASSWORD);
    const municipality = async () => (await t().database.db.selectFrom('municipalities').select(['id', 'name']).where('name', 'not like', '=%').orderBy('name').executeTakeFirstOrThrow());
    const download = async (s: Session, url: string) => {
      const res = await s.get(url);
      expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
      return res;
    };

    it('keeps one text per section with If-Match versions, for policy officers and administrators only, and audits each write', async () => {
      const { id } = await municipality();
      const officer = await as('policy_officer');
      const url = `/api/reports/texts?municipalityId=${id}&period=${period}`;
      const before = (await officer.get(url)).json();
      expect(before.policies.edit).toBe(true);
      expect(before.texts.map((x: { section: string }) => x.section)).toEqual(['introduction', 'conclusion', ...KPI_KEYS]);
      expect(before.texts.every((x: { version: number; text: string }) => x.version === 0 && x.text === '')).toBe(true);

      expect((await officer.send('PUT', url, { section: 'introduction', text: 'x' })).statusCode).toBe(428);
      const first = await officer.send('PUT', url, { section: 'introduction', text: 'Dit is de inleiding voor de raad.' }, { 'if-match': '"0"' });
      expect(first.statusCode).toBe(200);
      expect(first.json()).toMatchObject({ section: 'introduction', version: 1 });
      expect(first.headers.etag).toBe('"1"');
      const stale = await officer.send('PUT', url, { section: 'introduction', text: 'Een andere inleiding' }, { 'if-match': '"0"' });
      expect(stale.statusCode).toBe(412);
      const admin = await as('administrator');
      expect((await admin.send('PUT', url, { section: 'ladder_no_drop_3_4', text: 'Toelichting bij de ladder.' }, { 'if-match': '"0"' })).statusCode).toBe(200);
      expect((await officer.send('PUT', url, { section: 'introduction', text: 'Dit is de inleiding voor de raad, versie twee.' }, { 'if-match': '"1"' })).json().version).toBe(2);
      // The "all municipalities" report has texts of its own.
      expect((await officer.send('PUT', `/api/reports/texts?municipalityId=all&period=${period}`, { section: 'conclusion', text: 'Slotwoord over alle gemeenten.' }, { 'if-match': '"0"' })).statusCode).toBe(200);

      const lead = await as('team_lead');
      const asLead = (await lead.get(url)).json();
      expect(asLead.policies.edit).toBe(false);
      expect(asLead.texts.find((x: { section: string }) => x.section === 'introduction').text).toBe('Dit is de inleiding voor de raad, versie twee.');
      expect((await lead.send('PUT', url, { section: 'introduction', text: 'nee' }, { 'if-match': '"2"' })).statusCode).toBe(403);
      const audit = await t().database.db.selectFrom('audit_events').select(['action', 'subject_id']).where('action', '=', 'report-text.save').execute();
      expect(audit.length).toBe(4);
    });

    it('renders the PDF for one municipality: title page, texts, the agreements with their status, every KPI, paginated', async () => {
      const { id, name } = await municipality();
      // The demo has agreements for every municipality; the report shows each of them.
      const agreements = await t().database.db.selectFrom('performance_agreements').select('title').where('municipality_id', '=', id).where('year', '=', year).execute();
      expect(agreements.length).toBeGreaterThan(0);
      const officer = await as('policy_officer');
      const res = await download(officer, `/api/reports/council.pdf?municipalityId=${id}&period=${period}`);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toContain('raadsrapportage-');
      const { text, pages } = pdfText(res.rawPayload);
      expect(pages).toBeGreaterThan(KPI_KEYS.length);
      expect(text).toContain('Raadsrapportage Werk en Participatie');
      expect(text).toContain(`Gemeente ${name}`);
      expect(text).toContain('Dit is de inleiding voor de raad, versie twee.');
      expect(text).toContain('Toelichting bij de ladder.');
      expect(text).toContain('Prestatieafspraken');
      const flat = text.replace(/\s+/g, ' ');
      for (const a of agreements) expect(flat, a.title).toContain(a.title.slice(0, 25));
      expect(text).toMatch(/gehaald|niet meetbaar/);
      expect(text).toMatch(new RegExp(`Pagina 2 van ${pages}`));
      for (const key of KPI_KEYS) expect(text, key).toContain(kpiTitle(key));
      // Suppressed as the engine suppressed it: a count measure withheld from the officer reads "<5" on its line.
      const figures = (await officer.get(`/api/kpi?period=${period}&municipalityId=${id}`)).json().figures as KpiFigure[];
      const withheld = figures.flatMap((f) => f.measures).filter((m) => m.suppressed && m.unit === 'count');
      expect(withheld.length).toBeGreaterThan(0);
      const lines = text.split('\n').map((l) => l.trim());
      for (const m of withheld) {
        const name = label('measures', m.key);
        expect(lines.some((l) => l.startsWith(name) && l.endsWith('<5')), name).toBe(true);
      }
    });

    it('renders "all municipalities" side by side with the total, and every municipality named in the comparison', async () => {
      const officer = await as('policy_officer');
      const names = (await t().database.db.selectFrom('municipalities').select('name').execute()).map((m) => m.name);
      const { text } = pdfText((await download(officer, `/api/reports/council.pdf?municipalityId=all&period=${period}`)).rawPayload);
      expect(text).toContain('Alle gemeenten');
      expect(text).toContain('Slotwoord over alle gemeenten.');
      expect(text).toContain('Totaal');
      for (const n of names) expect(text).toContain(n);
    });

    it('writes the XLSX: a sheet for the report, the agreements and each KPI, numbers as numbers, small counts as "<5"', async () => {
      const { id } = await municipality();
      const officer = await as('policy_officer');
      const res = await download(officer, `/api/reports/council.xlsx?municipalityId=${id}&period=${period}`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheets = workbook.worksheets.map((s) => s.name);
      expect(sheets.slice(0, 2)).toEqual(['Rapport', 'Prestatieafspraken']);
      expect(sheets.length).toBe(2 + KPI_KEYS.length);
      // Every agreement of the municipality, its target a number.
      const titles = (await t().database.db.selectFrom('performance_agreements').select('title').where('municipality_id', '=', id).where('year', '=', year).execute()).map((a) => a.title);
      const agreementRows = workbook.getWorksheet('Prestatieafspraken')!.getRows(2, titles.length)!;
      expect(agreementRows.map((r) => r.getCell(2).value).sort()).toEqual([...titles].sort());
      for (const row of agreementRows) expect(typeof row.getCell(5).value).toBe('number');
      let numbers = 0;
      let percentages = 0;
      let suppressed = 0;
      for (const sheet of workbook.worksheets.slice(2)) {
        sheet.eachRow((row) =>
          row.eachCell((cell) => {
            if (typeof cell.value === 'number') {
              numbers++;
              if (cell.numFmt === '0.0%') {
                percentages++;
                expect(cell.value).toBeLessThanOrEqual(1.0001);
              }
              if (cell.numFmt === '#,##0') expect(small(cell.value), `${sheet.name}: ${cell.address} = ${cell.value}`).toBe(false);
            }
            if (cell.value === '<5') suppressed++;
          }),
        );
      }
      expect(numbers).toBeGreaterThan(10);
      expect(percentages).toBeGreaterThan(0);
      expect(suppressed).toBeGreaterThan(0);
    });

    it('gives every table as CSV, with the same suppression, and neutralises names that would start a formula', async () => {
      const admin = await as('administrator');
      expect((await admin.send('POST', '/api/municipalities', { name: '=HYPERLINK("http://evil")', cbsCode: 'GM9999', inhabitants: 10 })).statusCode).toBe(201);
      const officer = await as('policy_officer');
      const { id } = await municipality();
      const tables = (await download(officer, `/api/reports/council/tables?municipalityId=${id}&period=${period}`)).json().kpis as { key: string; tables: { key: string }[] }[];
      expect(tables.map((k) => k.key)).toEqual([...KPI_KEYS]);
      const figures = (await officer.get(`/api/kpi?period=${period}&municipalityId=${id}`)).json().figures as KpiFigure[];
      // Every table of a figure, cell by cell, as the engine gave it to the officer: a number, "<5" for a suppressed count, "x" for a withheld number, else empty.
      let suppressedSeen = 0;
      for (const kpi of tables) {
        for (const table of kpi.tables) {
          const res = await download(officer, `/api/reports/council/tables/${kpi.key}/${table.key}.csv?municipalityId=${id}&period=${period}`);
          expect(res.headers['content-type']).toContain('text/csv');
          const lines = csvLines(res.body);
          const source = figures.find((f) => f.key === kpi.key)!.tables.find((x) => x.key === table.key);
          if (!source) continue;
          expect(lines.length).toBe(source.rows.length + 1);
          source.rows.forEach((row, i) =>
            row.cells.forEach((cell, j) => {
              const unit = source.columns[j]!.unit;
              const expected = cell.value !== null ? String(Number(cell.value.toFixed(6))).replace('.', ',') : cell.suppressed && unit === 'count' ? '<5' : cell.withheld ? 'x' : '';
              if (expected === '<5') suppressedSeen++;
              expect(lines[i + 1]![j + 1], `${kpi.key}.${table.key} ${row.key} ${j}`).toBe(expected);
            }),
          );
        }
      }
      expect(suppressedSeen).toBeGreaterThan(0);
      // All municipalities: a column per municipality; the malicious name is neutralised in the header.
      const key = tables[0]!.key;
      const all = await download(officer, `/api/reports/council/tables/${key}/kerncijfers.csv?municipalityId=all&period=${period}`);
      const header = csvLines(all.body)[0]!.join(';');
      expect(header).toContain(`"'=HYPERLINK(""http://evil"")"`);
      expect(header).toMatch(/Totaal$/);
      expect((await officer.get(`/api/reports/council/tables/${key}/bestaat-niet.csv?municipalityId=${id}&period=${period}`)).statusCode).toBe(404);
    });

    it('refuses the coach and the partner; a provider coach gets their own provider only and no agreements', async () => {
      const { id } = await municipality();
      for (const role of ['coach', 'partner'] as const) {
        const s = await as(role);
        for (const url of [`/api/reports/council.pdf?municipalityId=${id}&period=${period}`, `/api/reports/council.xlsx?municipalityId=all&period=${period}`, `/api/reports/texts?municipalityId=${id}&period=${period}`, `/api/reports/council/tables/trajectories/kerncijfers.csv?municipalityId=${id}&period=${period}`]) {
          expect((await s.get(url)).statusCode, `${role} ${url}`).toBe(403);
        }
      }
      const provider = await as('provider_coach');
      const own = await t().database.db.selectFrom('users').innerJoin('external_organisations as e', 'e.id', 'users.external_organisation_id').select('e.name').where('users.email', '=', DEMO_ACCOUNTS.provider_coach.email).executeTakeFirstOrThrow();
      const others = (await t().database.db.selectFrom('external_organisations').select('name').where('kind', '=', 'provider').where('name', '!=', own.name).execute()).map((o) => o.name);
      const { text } = pdfText((await download(provider, `/api/reports/council.pdf?municipalityId=all&period=${period}`)).rawPayload);
      expect(text).not.toContain('Prestatieafspraken');
      for (const other of others) expect(text, other).not.toContain(other);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await download(provider, `/api/reports/council.xlsx?municipalityId=all&period=${period}`)).rawPayload as unknown as ArrayBuffer);
      expect(workbook.worksheets.map((s) => s.name)).not.toContain('Prestatieafspraken');
      expect((await provider.send('PUT', `/api/reports/texts?municipalityId=${id}&period=${period}`, { section: 'introduction', text: 'x' }, { 'if-match': '"0"' })).statusCode).toBe(403);
    });

    it('exports the provisions per client for CBS to the administrator only, logging every client and the export', async () => {
      for (const role of ['policy_officer', 'team_lead', 'coach'] as const) expect((await (await as(role)).get(`/api/exports/cbs?period=${period}`)).statusCode, role).toBe(403);
      const admin = await as('administrator');
      const res = await download(admin, `/api/exports/cbs?period=${period}`);
      expect(res.headers['content-disposition']).toContain(`meedoen-cbs-srg-${period}.csv`);
      const [header, ...rows] = csvLines(res.body);
      expect(header).toEqual(['periode', 'gemeentecode', 'bsn', 'soort_voorziening', 'omschrijving_voorziening', 'begindatum', 'einddatum', 'status', 'reden_einde', 'bron', 'kenmerk']);
      expect(rows.length).toBeGreaterThan(0);
      const codes = new Set((await t().database.db.selectFrom('municipalities').select('cbs_code').execute()).map((m) => m.cbs_code.replace(/^GM/, '')));
      for (const row of rows) {
        expect(row[0]).toBe(period);
        expect(codes.has(row[1]!)).toBe(true);
        expect(row[2]).toMatch(/^\d{9}$/);
        expect(['LKS', 'BW', 'PP', 'WEP', 'SA', 'JC', 'TW']).toContain(row[3]);
        expect(row[5]).toMatch(/^\d{8}$/);
        expect(row[7] === 'lopend' ? row[6] === '' : /^\d{8}$/.test(row[6]!)).toBe(true);
      }
      const bsns = new Set(rows.map((r) => r[2]));
      const logged = await t().database.db
        .selectFrom('processing_log as l')
        .innerJoin('processing_activities as a', 'a.id', 'l.processing_activity_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('a.code', '=', 'statistics')
        .where('l.operation', '=', 'cbs-export.srg')
        .executeTakeFirstOrThrow();
      expect(Number(logged.n)).toBe(bsns.size);
      const audit = await t().database.db.selectFrom('audit_events').select('details').where('action', '=', 'cbs-export.download').execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]!.details).toMatchObject({ period, records: rows.length, clients: bsns.size });
    });
  },
  {
    setup: async ({ database, config }) => {
      await seedDemo(database.db, { clients: 40, pseudonymKey: config.pseudonymKey });
      // The demo writes explanation texts; these tests write their own from none, versions from 0.
      await database.db.deleteFrom('report_texts').execute();
    },
  },
);
