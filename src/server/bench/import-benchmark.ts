import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { completeBsn } from '../../shared/bsn.ts';
import { openDatabase } from '../db/database.ts';
import { DEMO_ACCOUNTS } from '../modules/demo/demo-accounts.ts';
import { importIds } from '../modules/import/import.ids.ts';
import { importClientsFile } from '../modules/import/import.service.ts';
import { formatClientNumber } from '../modules/organisations/organisations.repository.ts';
import { pseudonymiseBsn } from '../modules/processing-log/processing-log.service.ts';

export type ImportBenchmark = {
  rows: number;
  /** `npm run import` of the generated file: the checks, every table it writes, the KPI facts, one transaction. */
  importMs: number;
  /**
   * COPY of the same client rows into the clients table itself, ids included (mean of one run
   * before and one after the import). The import gives its clients ids in ascending order, and
   * COPY gets the same ids, so the import's cheaper index inserts are not counted as its gain.
   */
  copyMs: number;
  ratio: number;
  /** COPY of the same rows without ids (the table's gen_random_uuid() default), as measured before the import chose its ids. */
  copyRandomIdsMs: number;
  ratioRandomIds: number;
};

/**
 * "Import of 100,000 clients: within 3× of PostgreSQL COPY of the same rows, measured in one run."
 *
 * Generates a CSV of `rows` valid clients for the demo organisation of the bench database, times
 * importClientsFile on it, then times COPY of the same client rows (same columns, pseudonyms
 * included) into the same table.
 *
 * Both run in a transaction that is rolled back at the end, so the bench database stays at its
 * scale. That is the honest choice: the processing log is append-only (no clean-up afterwards),
 * a scratch organisation would leave 100,000 clients and log records behind on every run, and
 * COPY into the real clients table faces the same indexes, constraints and WAL as the import
 * (a temp table would have neither, and measure something no import could do). Rolling back
 * leaves out only the final commit's flush, for both sides alike.
 *
 * A rolled-back run leaves its rows behind as dead tuples (300,000 clients per run, two COPYs and
 * the import) until autovacuum comes by: the next run would insert into a bloated table, and
 * autovacuum might start in the middle of it. The tables are vacuumed first, untimed, so every
 * run starts from the same state.
 */
export async function benchmarkImport(options: { databaseUrl: string; rows: number; pseudonymKey: string }): Promise<ImportBenchmark> {
  const database = await openDatabase({ databaseUrl: options.databaseUrl, poolSize: 2 });
  const dir = await mkdtemp(join(tmpdir(), 'meedoen-import-bench-'));
  try {
    const db = database.db;
    await sql.raw(`vacuum ${WRITTEN_TABLES.join(', ')}`).execute(db);
    const organisation = await db.selectFrom('organisations').select(['id', 'client_number_counter']).where('slug', '=', 'werkplein-lingedal').executeTakeFirstOrThrow();
    const municipalities = await db.selectFrom('municipalities').select(['id', 'name', 'cbs_code']).where('organisation_id', '=', organisation.id).orderBy('cbs_code').execute();
    const coaches = await db
      .selectFrom('users')
      .select(['id', 'email', 'team_id'])
      .where('organisation_id', '=', organisation.id)
      .where('role', '=', 'coach')
      .where('disabled_at', 'is', null)
      .orderBy('email')
      .limit(200)
      .execute();
    // BSNs from 80,000,000 up: above the synthetic range (50,000,000 up); the demo's few hundred
    // random BSNs may fall anywhere, so those are skipped.
    const taken = new Set(
      (await db.selectFrom('clients').select('bsn').where('organisation_id', '=', organisation.id).where('bsn', '>=', '800000000').execute()).map((r) => r.bsn),
    );
    const clients = generateClients(options.rows, taken, municipalities, coaches);
    const importer = await db.selectFrom('users').select('id').where('email', '=', DEMO_ACCOUNTS.administrator.email).executeTakeFirstOrThrow();

    const path = join(dir, 'clients.csv');
    await pipeline(Readable.from(csvLines(clients)), createWriteStream(path));

    // The rows exactly as the import would have stored them, pseudonyms and ids (an ascending
    // series, as the import gives them) computed up front: COPY's side of the comparison is the
    // database loading rows, nothing else.
    const firstNumber = Number(organisation.client_number_counter) + 1;
    const nextId = importIds();
    const copyRows = clients.map((c, i) => copyLine(organisation.id, importer.id, formatClientNumber(firstNumber + i), pseudonymiseBsn(options.pseudonymKey, c.bsn), c));
    const withIds = copyRows.map((line) => `${nextId()}\t${line}`);
    // COPY runs before and after the import and the mean counts, so a machine that gets busier
    // or quieter during the run does not tilt the ratio either way.
    const copyBefore = await timeCopy(options.databaseUrl, withIds, ['id', ...COPY_COLUMNS]);
    const randomBefore = await timeCopy(options.databaseUrl, copyRows, COPY_COLUMNS);

    const importStart = process.hrtime.bigint();
    const outcome = await importClientsFile(
      db,
      { pseudonymKey: options.pseudonymKey },
      { path, importerEmail: DEMO_ACCOUNTS.administrator.email },
      { rollback: true },
    );
    const importMs = Number(process.hrtime.bigint() - importStart) / 1e6;
    if (outcome.status !== 'rolled_back' || outcome.counts.clients !== options.rows) {
      throw new Error(`import benchmark: the generated file did not import cleanly: ${JSON.stringify(outcome.status === 'rejected' ? outcome.report.problems.slice(0, 5) : outcome)}`);
    }

    const randomIdsMs = (randomBefore + (await timeCopy(options.databaseUrl, copyRows, COPY_COLUMNS))) / 2;
    const copyMs = (copyBefore + (await timeCopy(options.databaseUrl, withIds, ['id', ...COPY_COLUMNS]))) / 2;
    return {
      rows: options.rows,
      importMs: round(importMs),
      copyMs: round(copyMs),
      ratio: round(importMs / copyMs),
      copyRandomIdsMs: round(randomIdsMs),
      ratioRandomIds: round(importMs / randomIdsMs),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
    await database.close();
  }
}

/** COPY of the rows into clients, in a transaction rolled back afterwards; milliseconds. */
async function timeCopy(databaseUrl: string, lines: string[], columns: readonly string[]): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const start = process.hrtime.bigint();
    await client.query('begin');
    await pipeline(Readable.from(batched(lines)), client.query(copyFrom(`copy clients (${columns.join(', ')}) from stdin`)));
    await client.query('rollback');
    return Number(process.hrtime.bigint() - start) / 1e6;
  } finally {
    await client.end();
  }
}

type BenchClient = {
  bsn: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  municipality: { id: string; name: string; cbs_code: string };
  coach: { id: string; email: string; team_id: string | null } | undefined;
  phone: string;
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
  targetGroups: string[];
  route: string | null;
  ladder: { step: number; growth: number; on: string } | null;
};

const FIRST = ['Zoë', 'Daan', 'Fatima', 'Sem', 'Anouk', 'Mohammed', 'Eva', 'Luuk', 'Noëlle', 'Jan'];
const LAST = ['de Vries', 'Jansen', 'El Amrani', 'Bakker', 'van den Berg', 'Öztürk', 'Visser', 'Smit', 'Mulder', 'de Boer'];
const ROUTES = ['vrijwilliger', 'onderwijs', 'werknemer', 'ondernemer'];
const GROUPS = [[], ['jongere'], ['statushouder'], ['arbeidsbeperking'], ['jongere', 'arbeidsbeperking']];

function generateClients(count: number, taken: Set<string>, municipalities: { id: string; name: string; cbs_code: string }[], coaches: { id: string; email: string; team_id: string | null }[]): BenchClient[] {
  const result: BenchClient[] = [];
  let cursor = 80_000_000;
  for (let i = 0; i < count; i++) {
    let bsn: string | undefined;
    while (!bsn || taken.has(bsn)) bsn = completeBsn(String(cursor++));
    const municipality = municipalities[i % municipalities.length]!;
    const step = (i % 6) + 1;
    result.push({
      bsn,
      firstName: FIRST[i % FIRST.length]!,
      lastName: LAST[(i * 7) % LAST.length]!,
      dateOfBirth: `${1960 + (i % 45)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      municipality,
      coach: i % 10 === 9 ? undefined : coaches[i % coaches.length],
      phone: `06 ${String(10_000_000 + i).slice(-8)}`,
      street: 'Dorpsstraat',
      houseNumber: String((i % 200) + 1),
      postcode: `${4000 + (i % 900)} AB`,
      city: municipality.name,
      targetGroups: GROUPS[i % GROUPS.length]!,
      route: i % 10 < 7 ? ROUTES[i % ROUTES.length]! : null,
      ladder: i % 5 < 3 ? { step, growth: Math.min(6, step + (i % 2)), on: `2025-${String((i % 12) + 1).padStart(2, '0')}-15` } : null,
    });
  }
  return result;
}

const csvField = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The file as an old system would export it, half the municipalities by name and half by CBS code. */
function* csvLines(clients: BenchClient[]): Generator<string> {
  yield 'bsn,voornaam,achternaam,geboortedatum,gemeente,coach_email,telefoon,straat,huisnummer,postcode,woonplaats,uitkering,doelgroepen,route,trede,groeipotentieel,trede_datum,clientnummer_oud\n';
  let chunk = '';
  for (let i = 0; i < clients.length; i++) {
    const c = clients[i]!;
    chunk += [
      c.bsn, c.firstName, c.lastName, c.dateOfBirth, i % 2 ? c.municipality.name : c.municipality.cbs_code, c.coach?.email ?? '', c.phone,
      c.street, c.houseNumber, c.postcode, c.city, 'bijstand', c.targetGroups.join(','), c.route ?? '', c.ladder ? String(c.ladder.step) : '',
      c.ladder ? String(c.ladder.growth) : '', c.ladder?.on ?? '', `OUD-${i + 1}`,
    ].map(csvField).join(',') + '\n';
    if (chunk.length > 64 * 1024) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** The tables an import writes (and COPY, clients), vacuumed before each run. */
const WRITTEN_TABLES = [
  'clients', 'ladder_measurements', 'client_route_changes', 'client_municipality_history', 'timeline_events', 'processing_log', 'kpi_client_years',
  'audit_events', 'organisations',
];

const COPY_COLUMNS = [
  'organisation_id', 'client_number', 'bsn', 'bsn_pseudonym', 'first_name', 'last_name', 'date_of_birth', 'municipality_id', 'team_id',
  'coach_id', 'phone', 'street', 'house_number', 'postcode', 'city', 'benefit_type', 'target_groups', 'route', 'ladder_step',
  'ladder_growth_potential', 'ladder_measured_on', 'version', 'created_by',
];

/** One row in COPY's text format (tab-separated, \N for null); no generated value contains a tab or backslash. */
function copyLine(organisationId: string, createdBy: string, clientNumber: string, pseudonym: string, c: BenchClient): string {
  const v = (value: string | number | null | undefined) => (value === null || value === undefined ? '\\N' : String(value));
  return [
    organisationId, clientNumber, c.bsn, pseudonym, c.firstName, c.lastName, c.dateOfBirth, c.municipality.id, v(c.coach?.team_id),
    v(c.coach?.id), c.phone, c.street, c.houseNumber, c.postcode, c.city, 'bijstand', `{${c.targetGroups.join(',')}}`, v(c.route),
    v(c.ladder?.step), v(c.ladder?.growth), v(c.ladder?.on), 1, createdBy,
  ].join('\t') + '\n';
}

function* batched(lines: string[]): Generator<string> {
  for (let i = 0; i < lines.length; i += 1000) yield lines.slice(i, i + 1000).join('');
}

const round = (n: number) => Math.round(n * 10) / 10;
