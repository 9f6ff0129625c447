import { SingleBar, Presets } from 'cli-progress';
import { loadConfig } from '../server/config.ts';
import { openMigratedDatabase } from '../server/main.ts';
import { DEMO_DEFAULT_CLIENTS, seedDemo } from '../server/modules/demo/demo-seed.ts';
import { countOrganisations } from '../server/modules/organisations/organisations.repository.ts';

/** `npm run demo [-- --clients N]`: fills an empty database with the demo organisation. */
const config = loadConfig();
const clientsArg = process.argv.indexOf('--clients');
const clients = clientsArg > 0 ? Number(process.argv[clientsArg + 1]) : DEMO_DEFAULT_CLIENTS;
const database = await openMigratedDatabase(config);
try {
  if ((await countOrganisations(database.db)) > 0) {
    console.log('The database already holds an organisation; demo data is only added to an empty database.');
  } else {
    const bar = new SingleBar({ format: 'clients {bar} {value}/{total}' }, Presets.shades_classic);
    bar.start(clients, 0);
    const result = await seedDemo(database.db, { clients, pseudonymKey: config.pseudonymKey, onProgress: (done) => bar.update(done) });
    bar.stop();
    console.log(`Demo organisation created with ${result.clientCount} clients.`);
  }
} finally {
  await database.close();
}
