import { suppressSmallCount } from '../../../shared/disclosure.ts';
import type { Actor } from '../../authz/actor.ts';
import { abilitiesOf } from '../../authz/policy.ts';
import type { ScopedClient } from '../group-modules/enrolments.repository.ts';
import { presentClientRef } from '../group-modules/group-modules.presenter.ts';
import { projectPolicy } from './projects.policy.ts';
import type { listClientProjects, ProjectRow } from './projects.repository.ts';

/** A project with its counts; exact for those who see participants, small counts suppressed for the rest. */
export function presentProject(actor: Actor, { project, years }: { project: ProjectRow; years: Record<string, number> }) {
  const exact = projectPolicy.readParticipants(actor, project);
  const shown = (n: number | string | null) => (exact ? Number(n ?? 0) : suppressSmallCount(Number(n ?? 0)));
  return {
    id: project.id,
    name: project.name,
    description: project.description,
    municipality: project.municipality_id && project.municipality_name ? { id: project.municipality_id, name: project.municipality_name } : null,
    startsOn: project.starts_on,
    endsOn: project.ends_on,
    version: project.version,
    participants: shown(project.participant_count),
    participantsByYear: Object.fromEntries(Object.entries(years).map(([year, n]) => [year, shown(n)])),
    policies: abilitiesOf(actor, projectPolicy, project),
  };
}

type Participation = { client_id: string; joined_on: string; left_on: string | null };

/** One participation; the client only when in the caller's scope. */
export function presentParticipant(participation: Participation, client: ScopedClient | undefined) {
  return { client: presentClientRef(client), joinedOn: participation.joined_on, leftOn: participation.left_on };
}

/** A project with its participants (none for a caller who gets counts only). */
export function presentProjectDetail(
  actor: Actor,
  detail: { project: ProjectRow; years: Record<string, number>; participants: Participation[]; clients: Map<string, ScopedClient> },
) {
  const { participants: count, ...summary } = presentProject(actor, detail);
  return { ...summary, participantCount: count, participants: detail.participants.map((p) => presentParticipant(p, detail.clients.get(p.client_id))) };
}

/** A client's projects, for the dossier. */
export function presentClientProjects(rows: Awaited<ReturnType<typeof listClientProjects>>) {
  return { items: rows.map((r) => ({ projectId: r.id, name: r.name, joinedOn: r.joined_on, leftOn: r.left_on })) };
}
