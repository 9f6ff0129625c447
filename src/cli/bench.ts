import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrator.ts';
import { generateSyntheticOrganisation } from '../server/bench/synthetic-organisation.ts';
import { generateSyntheticTrajectories } from '../server/bench/synthetic-trajectories.ts';
import { explainFigures } from '../server/bench/explain-figures.ts';
import { generateSyntheticKpiData } from '../server/bench/synthetic-kpi.ts';
import { hasBenchProviders } from '../server/bench/synthetic-trajectories.repository.ts';
import { benchmarkImport } from '../server/bench/import-benchmark.ts';
import { registerPostgresBackends, registerServerProcess } from '../server/bench/cpu-probe.ts';
import { SCENARIOS, type BenchContext } from '../server/bench/scenarios.ts';
import { DEMO_PASSWORD } from '../server/modules/demo/demo-accounts.ts';

/**
 * `npm run bench [-- --clients 100000 --duration 10 --connections 50 --only name --fresh --prepare --explain --port 3900]`
 * Builds a synthetic organisation in PostgreSQL (reused when the scale matches), starts the app
 * and a floor server as child processes, runs every scenario and prints median and p99 next to
 * the floor measured in the same run.
 */
const { values: args } = parseArgs({
  options: {
    clients: { type: 'string', default: '100000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    only: { type: 'string' },
    fresh: { type: 'boolean', default: false },
    database: { type: 'string', default: 'meedoen_bench' },
    workers: { type: 'string', default: '1' },
    // The app listens here and the floor server on the next port: two runs side by side need two.
    port: { type: 'string', default: '3900' },
    prepare: { type: 'boolean', default: false },
    explain: { type: 'boolean', default: false },
    // CPU lists for taskset, e.g. --app-cpus 1 --load-cpus 0: the app and floor servers on one core,
    // autocannon (this process) on the other, so the load generator cannot eat the server's CPU.
    'app-cpus': { type: 'string' },
    'load-cpus': { type: 'string' },
  },
});
const clients = Number(args.clients);
const config = loadConfig();
const serverUrl = new URL(config.databaseUrl ?? config.testPostgresUrl);
const benchUrl = new URL(serverUrl);
benchUrl.pathname = `/${args.database}`;

async function prepareDatabase() {
  const admin = await openDatabase({ databaseUrl: serverUrl.toString(), poolSize: 1 });
  const exists = await sql<{ n: number }>`select count(*)::int as n from pg_database where datname = ${args.database}`.execute(admin.db);
  let reuse = false;
  if (exists.rows[0]!.n > 0 && !args.fresh) {
    const probe = await openDatabase({ databaseUrl: benchUrl.toString(), poolSize: 1 });
    try {
      const count = await sql<{ n: number }>`select count(*)::int as n from clients`.execute(probe.db);
      reuse = count.rows[0]!.n === clients;
    } catch {
      reuse = false;
    }
    await probe.close();
  }
  if (!reuse) {
    await sql.raw(`drop database if exists ${args.database} with (force)`).execute(admin.db);
    await sql.raw(`create database ${args.database}`).execute(admin.db);
  }
  await admin.close();
  const database = await openDatabase({ databaseUrl: benchUrl.toString(), poolSize: 10 });
  await migrateToLatest(database.db);
  if (reuse) {
    console.log(`Reusing ${args.database} with ${clients.toLocaleString('nl-NL')} clients (--fresh to rebuild)`);
    // A bench database from before issue 4 gets its trajectories added rather than rebuilt.
    if (!(await hasBenchProviders(database.db))) {
      const organisation = await database.db.selectFrom('organisations').select('id').where('slug', '=', 'werkplein-lingedal').executeTakeFirstOrThrow();
      await generateSyntheticTrajectories(database.db, { organisationId: organisation.id });
      await sql`analyze`.execute(database.db);
    }
    // One from before issue 6 gets the KPI history (measurements since 2023, placements, …); a no-op when it has it.
    const organisation = await database.db.selectFrom('organisations').select('id').where('slug', '=', 'werkplein-lingedal').executeTakeFirstOrThrow();
    await generateSyntheticKpiData(database.db, { organisationId: organisation.id });
  } else {
    console.log(`Generating a synthetic organisation with ${clients.toLocaleString('nl-NL')} clients in ${args.database}…`);
    const started = Date.now();
    await generateSyntheticOrganisation(database.db, { clients, pseudonymKey: config.pseudonymKey });
    console.log(`Generated in ${((Date.now() - started) / 1000).toFixed(1)} s; vacuuming and analysing…`);
    // VACUUM, not only ANALYZE: a bulk-loaded table has an empty visibility map, so no index-only
    // scan is planned on it (the trajectories figure read the referrals table instead of its covering
    // index). A live database gets this from autovacuum; this server may run without it.
    await sql`vacuum analyze`.execute(database.db);
  }
  return database;
}

function startChild(command: string[], env: Record<string, string>, readyWhen: RegExp): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    // Forwards the environment to the child (PATH, PG settings) with the bench's own settings on top; no configuration is read here.
    // taskset execs node, so the child's pid is the server's own (its CPU is read from /proc by pid).
    const [file, argv] = args['app-cpus'] ? ['taskset', ['-c', args['app-cpus'], process.execPath, ...command]] : [process.execPath, command];
    const child = spawn(file, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (readyWhen.test(output)) resolve(child);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`child exited with ${code}: ${output.slice(-2000)}`)));
  });
}

const database = await prepareDatabase();
if (args.prepare || args.explain) {
  // --prepare builds (or completes) the bench database and stops: the long part, run ahead of the measurements.
  // --explain then prints the plan of every KPI figure's statements on it.
  if (args.explain) await explainFigures(benchUrl.toString(), (line) => console.log(line));
  await database.close();
  process.exit(0);
}
const appPort = Number(args.port);
const floorPort = appPort + 1;
const tsx = ['--import', 'tsx'];
const app = await startChild(
  [...tsx, 'src/cli/start.ts'],
  { DATABASE_URL: benchUrl.toString(), PORT: String(appPort), SEED_DEMO: 'false', LOG_LEVEL: 'warn', LOGIN_RATE_LIMIT: '100000000', NODE_ENV: 'development', TASK_RULES_INTERVAL_MINUTES: '0', WORKERS: args.workers },
  /Meedoen is running/,
);
const floor = await startChild([...tsx, 'src/server/bench/floor-server.ts', benchUrl.toString(), String(floorPort)], {}, /ready/);
if (args['load-cpus']) execFileSync('taskset', ['-cp', args['load-cpus'], String(process.pid)], { stdio: 'ignore' });
registerServerProcess(`http://127.0.0.1:${appPort}`, app.pid!);
registerServerProcess(`http://127.0.0.1:${floorPort}`, floor.pid!);
registerPostgresBackends(async () =>
  (await sql<{ pid: number }>`select pid from pg_stat_activity where datname = ${args.database} and pid <> pg_backend_pid()`.execute(database.db)).rows.map((r) => r.pid),
);

const ctx: BenchContext = {
  appUrl: `http://127.0.0.1:${appPort}`,
  floorUrl: `http://127.0.0.1:${floorPort}`,
  db: database.db,
  connections: Number(args.connections),
  durationSeconds: Number(args.duration),
  async login(email) {
    const res = await fetch(`${this.appUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    if (!res.ok) throw new Error(`bench login failed: ${res.status}`);
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    return { cookie, csrfToken: ((await res.json()) as { csrfToken: string }).csrfToken };
  },
};

/** --only takes names separated by commas; a name ending in * is a prefix (`--only 'kpi-*'`). */
const only = args.only?.split(',').map((o) => o.trim());
const selected = (name: string) => !only || only.some((o) => (o.endsWith('*') ? name.startsWith(o.slice(0, -1)) : name === o));

const results: Record<string, unknown>[] = [];
const details: { scenario: string; rows: Record<string, unknown>[] }[] = [];
try {
  for (const scenario of SCENARIOS.filter((s) => selected(s.name))) {
    process.stdout.write(`• ${scenario.name}: ${scenario.description}… `);
    const { figures, floor: floorFigures, floorLabel, details: rows } = await scenario.run(ctx);
    if (rows) details.push({ scenario: scenario.name, rows });
    const ratio = floorFigures.p99 > 0 ? figures.p99 / floorFigures.p99 : NaN;
    const medianRatio = floorFigures.median > 0 ? figures.median / floorFigures.median : NaN;
    const row = {
      scenario: scenario.name,
      requests: figures.requests,
      'median ms': figures.median,
      'p99 ms': figures.p99,
      'floor median ms': floorFigures.median,
      'floor p99 ms': floorFigures.p99,
      'median ratio': Number(medianRatio.toFixed(1)),
      'p99 ratio': Number(ratio.toFixed(1)),
      errors: figures.errors + figures.non2xx,
      // CPU ms per request (load scenarios): the app (with its workers), PostgreSQL's backends, the load generator.
      'app CPU ms': figures.cpu?.appMs ?? '',
      'PG CPU ms': figures.cpu?.pgMs ?? '',
      'load CPU ms': figures.cpu?.loadMs ?? '',
      'floor app CPU ms': floorFigures.cpu?.appMs ?? '',
      floor: floorLabel,
    };
    results.push(row);
    console.log('done');
  }
  if (selected('import')) {
    process.stdout.write('• import: clients from CSV vs PostgreSQL COPY of the same rows… ');
    const r = await benchmarkImport({ databaseUrl: benchUrl.toString(), rows: Math.min(clients, 100_000), pseudonymKey: config.pseudonymKey });
    console.log('done');
    results.push({ scenario: 'import', requests: r.rows, 'median ms': r.importMs, 'p99 ms': '', 'floor median ms': r.copyMs, 'floor p99 ms': '', 'median ratio': r.ratio, 'p99 ratio': r.ratio, errors: 0, floor: 'COPY of the same client rows, ids included (ratio of totals)' });
    results.push({ scenario: 'import', requests: r.rows, 'median ms': r.importMs, 'p99 ms': '', 'floor median ms': r.copyRandomIdsMs, 'floor p99 ms': '', 'median ratio': r.ratioRandomIds, 'p99 ratio': r.ratioRandomIds, errors: 0, floor: 'the same COPY, ids from gen_random_uuid() (ratio of totals)' });
  }
} finally {
  app.kill();
  floor.kill();
  await database.close();
}
const pinned = args['app-cpus'] ? `, app on CPU ${args['app-cpus']}${args['load-cpus'] ? `, load on CPU ${args['load-cpus']}` : ''}` : '';
console.log(`\nMeedoen bench: ${clients.toLocaleString('nl-NL')} clients, ${ctx.connections} connections, ${ctx.durationSeconds} s per run, ${args.workers} app worker(s)${pinned}`);
console.table(results);
for (const d of details) {
  console.log(`\n${d.scenario}:`);
  console.table(d.rows);
}
mkdirSync('.bench', { recursive: true });
writeFileSync('.bench/results.json', JSON.stringify({ clients, connections: ctx.connections, at: new Date().toISOString(), results, details }, null, 2));
process.exit(0);
