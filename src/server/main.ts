import type { Config } from './config.ts';
import { buildApp } from './app.ts';
import { openDatabase, type Database } from './db/database.ts';
import { migrateToLatest } from './db/migrator.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './modules/demo/demo-accounts.ts';
import { seedDemo } from './modules/demo/demo-seed.ts';
import { countOrganisations, listOrganisationIds } from './modules/organisations/organisations.repository.ts';
import { ensureProcessingActivities } from './modules/organisations/organisations.service.ts';
import { generateRuleTasks } from './modules/tasks/tasks.service.ts';
import { ensureFacts } from './modules/kpi/facts/kpi-facts.service.ts';
import { refreshKpiSnapshots, resetKpiSnapshots } from './modules/kpi/snapshots/kpi-snapshots.service.ts';

/** Opens the configured database (PostgreSQL or embedded PGlite) and brings its schema up to date. */
export async function openMigratedDatabase(config: Config): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize });
  await migrateToLatest(database.db);
  await ensureProcessingActivities(database.db);
  return database;
}

/** Migrations, and the demo organisation when the database is empty and the demo is wanted. */
export async function prepareDatabase(config: Config) {
  const database = await openMigratedDatabase(config);
  let seeded = false;
  if (config.seedDemo && (await countOrganisations(database.db)) === 0) {
    await seedDemo(database.db, { pseudonymKey: config.pseudonymKey });
    seeded = true;
  }
  // KPI facts: built for an organisation that has none, the current year's rows added otherwise.
  await ensureFacts(database.db);
  // Stored KPI figures may come from older code: dropped, and prepared again by the schedule.
  await resetKpiSnapshots(database.db);
  return { database, seeded };
}

/**
 * Starts Meedoen: database, migrations, demo data on an empty database, HTTP server. With
 * several workers only one runs the task-rule schedule.
 */
export async function startServer(config: Config, options: { runSchedule?: boolean } = {}) {
  const { database, seeded } = await prepareDatabase(config);
  const app = await buildApp({ db: database.db, config });
  await app.listen({ port: config.port, host: config.host });
  const schedule = options.runSchedule === false ? undefined : scheduleTaskRules(database, config, app.log);
  const stop = async () => {
    if (schedule) clearInterval(schedule);
    await app.close();
    await database.close();
  };
  return { app, database, seeded, stop };
}

/**
 * Runs the task rules for every organisation now and then every TASK_RULES_INTERVAL_MINUTES, so
 * yearly conversations and ladder measurements become tasks before they fall due.
 */
function scheduleTaskRules(database: Database, config: Config, log: { error(obj: object, msg: string): void }) {
  if (config.taskRulesIntervalMinutes === 0) return undefined;
  let running = false;
  const run = async () => {
    // A run that takes longer than the interval (a large organisation) is not started twice.
    if (running) return;
    running = true;
    try {
      await runOnce();
    } finally {
      running = false;
    }
  };
  const runOnce = async () => {
    for (const organisationId of await listOrganisationIds(database.db)) {
      await generateRuleTasks(database.db, organisationId).catch((err: unknown) => log.error({ err, organisationId }, 'task rules failed'));
    }
    // With the turn of the year (or a benefit that starts today) clients need a row for the new year.
    await ensureFacts(database.db).catch((err: unknown) => log.error({ err }, 'KPI facts failed'));
    // Then the precomputed figures that are no longer current, and this year's for the first dashboard.
    const snapshots = await refreshKpiSnapshots(database.db).catch((err: unknown) => log.error({ err }, 'KPI snapshots failed'));
    for (const failure of snapshots?.failures ?? []) log.error(failure, 'KPI figures could not be computed');
  };
  void run();
  const timer = setInterval(() => void run(), config.taskRulesIntervalMinutes * 60_000);
  timer.unref();
  return timer;
}

/** The lines `npm start` prints so a new user can log in at once. */
export function demoAccountLines(): string[] {
  return Object.entries(DEMO_ACCOUNTS).map(([role, a]) => `  ${role.padEnd(15)} ${a.email.padEnd(26)} ${DEMO_PASSWORD}`);
}
