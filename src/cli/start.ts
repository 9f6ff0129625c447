import { loadConfig } from '../server/config.ts';
import { demoAccountLines, startServer } from '../server/main.ts';

/** `npm start`: Meedoen on http://localhost:3000 with the embedded database and demo data. */
const config = loadConfig();
const { database, seeded, stop } = await startServer(config);
const where = database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
console.log(`\nMeedoen is running on http://localhost:${config.port}  (${where}${seeded ? ', demo data created' : ''})`);
if (config.seedDemo) {
  console.log('\nDemo accounts (role, e-mail, password):');
  for (const line of demoAccountLines()) console.log(line);
}
console.log('\nAPI reference: http://localhost:' + config.port + '/api/docs\n');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void stop().then(() => process.exit(0));
  });
}
