import { loadConfig } from '../server/config.ts';
import { openMigratedDatabase } from '../server/main.ts';
import { listOrganisationIds } from '../server/modules/organisations/organisations.repository.ts';
import { generateRuleTasks } from '../server/modules/tasks/tasks.service.ts';

/** `npm run tasks:generate`: runs the task rules once for every organisation (the server also runs them hourly). */
const config = loadConfig();
const database = await openMigratedDatabase(config);
try {
  for (const organisationId of await listOrganisationIds(database.db)) {
    const created = await generateRuleTasks(database.db, organisationId);
    console.log(`${organisationId}: ${created} new task(s)`);
  }
} finally {
  await database.close();
}
