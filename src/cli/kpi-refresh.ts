import { loadConfig } from '../server/config.ts';
import { openMigratedDatabase } from '../server/main.ts';
import { rebuildAllFacts } from '../server/modules/kpi/facts/kpi-facts.service.ts';

/**
 * `npm run kpi:refresh [organisation-id]`: recomputes the KPI facts (kpi_client_years) of every
 * organisation, or of one. Writes keep the facts in step; this is for a repair, a bulk load that
 * bypassed the services, or a change in how the facts are computed.
 */
const config = loadConfig();
const database = await openMigratedDatabase(config);
try {
  for (const result of await rebuildAllFacts(database.db, process.argv[2])) {
    console.log(`${result.organisationId}: ${result.rows} client-year row(s) in ${result.ms} ms`);
  }
} finally {
  await database.close();
}
