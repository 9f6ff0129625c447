import type { Insertable } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Executor } from '../../db/database.ts';
import { insertTimelineEvents, type NewTimelineEvent } from '../timeline/timeline.repository.ts';
import { addDays, at, type DemoClient, type DemoEnv } from './demo-referrals.ts';
import { insertDemoRows } from './demo-trajectories.repository.ts';

/**
 * Time-bound projects with participants who joined over more than one calendar year (so the
 * counts per year differ) and some who left. `municipality` indexes Lingestad, Waalkant,
 * Heuveldorp; null is a project for the whole region.
 */
function projectDefs(y: number) {
  return [
    {
      name: 'Lingestad in beweging', municipality: 0, participants: 12, startsOn: `${y - 1}-04-01`, endsOn: `${y}-12-31`,
      description: 'Sportproject met Sportvereniging Lingestad Vooruit: wekelijks samen sporten en kennismaken met de club.',
    },
    {
      name: 'Taaloffensief Rivierenland', municipality: null, participants: 14, startsOn: `${y - 1}-09-01`, endsOn: `${y + 1}-06-30`,
      description: 'Samen met het Taalhuis en de bibliotheek: taalmaatjes, taalcafés en voorleeslunches voor wie beter wil lezen en schrijven.',
    },
    {
      name: 'Buurtmoestuin Waalkant', municipality: 1, participants: 8, startsOn: `${y}-03-01`, endsOn: `${y}-10-31`,
      description: 'Een seizoen lang samen tuinieren, oogsten en koken in de buurtmoestuin.',
    },
  ];
}

/** Inserts the demo projects and their participants, each joining on the client's timeline. */
export async function seedDemoProjects(trx: Executor, env: DemoEnv, input: { clients: DemoClient[]; municipalityIds: string[] }) {
  const projects: Insertable<DB['projects']>[] = [];
  const participants: Insertable<DB['project_participants']>[] = [];
  const timeline: NewTimelineEvent[] = [];
  projectDefs(Number(env.today.slice(0, 4))).forEach((def, p) => {
    const projectId = env.faker.string.uuid();
    const municipalityId = def.municipality === null ? null : input.municipalityIds[def.municipality]!;
    projects.push({ id: projectId, organisation_id: env.organisationId, name: def.name, description: def.description, municipality_id: municipalityId, starts_on: def.startsOn, ends_on: def.endsOn });
    if (def.startsOn > env.today) return;
    const lastDay = def.endsOn < env.today ? def.endsOn : env.today;
    const span = Math.max(1, daysBetween(def.startsOn, lastDay));
    // Different clients per project: every fifth client, shifted per project, from the project's place.
    const eligible = input.clients.filter((c, i) => (i + p) % 5 === 0 && (!municipalityId || c.municipalityId === municipalityId)).slice(0, def.participants);
    eligible.forEach((client, j) => {
      const joinedOn = addDays(def.startsOn, Math.floor((span * j) / Math.max(1, eligible.length)));
      const leftOn = j % 4 === 3 ? addDays(joinedOn, Math.min(60, daysBetween(joinedOn, lastDay))) : null;
      participants.push({ project_id: projectId, client_id: client.id, organisation_id: env.organisationId, joined_on: joinedOn, left_on: leftOn, added_by: client.coachId });
      const event = (on: string, kind: string, summary: string) =>
        timeline.push({ organisation_id: env.organisationId, client_id: client.id, occurred_at: at(on, 20), kind, summary, actor_id: client.coachId, subject_type: 'project', subject_id: projectId });
      event(joinedOn, 'project.joined', `Doet mee aan project ${def.name}`);
      if (leftOn) event(leftOn, 'project.left', `Gestopt met project ${def.name}`);
    });
  });
  await insertDemoRows(trx, 'projects', projects);
  await insertDemoRows(trx, 'project_participants', participants);
  await insertTimelineEvents(trx, timeline);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
