import cluster from 'node:cluster';
import { loadConfig, type Config } from '../server/config.ts';
import { demoAccountLines, prepareDatabase, startServer } from '../server/main.ts';

/**
 * `npm start`: Meedoen on http://localhost:3000 with the embedded database and demo data.
 * With DATABASE_URL and WORKERS > 1 the HTTP work is spread over that many processes.
 */
const config = loadConfig();

function announce(kind: 'pglite' | 'postgres', seeded: boolean, workers: number) {
  const where = kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  const processes = workers > 1 ? `, ${workers} workers` : '';
  console.log(`\nMeedoen is running on http://localhost:${config.port}  (${where}${seeded ? ', demo data created' : ''}${processes})`);
  if (config.seedDemo) {
    console.log('\nDemo accounts (role, e-mail, password):');
    for (const line of demoAccountLines()) console.log(line);
  }
  console.log(`\nAPI reference: http://localhost:${config.port}/api/docs\n`);
}

async function runSingle(c: Config) {
  const { database, seeded, stop } = await startServer(c);
  announce(database.kind, seeded, 1);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop().then(() => process.exit(0)));
}

async function runPrimary(c: Config) {
  // Migrate and seed once, before any worker starts.
  const { database, seeded } = await prepareDatabase(c);
  await database.close();
  let ready = 0;
  let shuttingDown = false;
  cluster.on('message', (_worker, message) => {
    if (message === 'listening' && ++ready === c.workers) announce('postgres', seeded, c.workers);
  });
  // A worker that dies is replaced, unless we are stopping.
  cluster.on('exit', (_worker, code) => {
    if (code !== 0 && !shuttingDown) cluster.fork();
  });
  for (let i = 0; i < c.workers; i++) cluster.fork();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      shuttingDown = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.kill(signal);
    });
  }
}

async function runWorker(c: Config) {
  const { stop } = await startServer(c, { runSchedule: cluster.worker?.id === 1 });
  process.send?.('listening');
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop().then(() => process.exit(0)));
}

if (config.workers > 1 && config.databaseUrl) {
  await (cluster.isPrimary ? runPrimary(config) : runWorker(config));
} else {
  await runSingle(config);
}
