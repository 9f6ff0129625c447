import { definePolicy } from '../../authz/policy.ts';

type TaskRef = { organisation_id: string; assignee_id: string | null; assignee_team_id: string | null; client_team_id: string | null; status: string };

/** A task is completed by its assignee or by the team lead of the assignee's or client's team. */
export const taskPolicy = definePolicy<TaskRef, 'complete'>({
  complete: (actor, task) =>
    actor.organisationId === task.organisation_id &&
    task.status === 'open' &&
    (task.assignee_id === actor.userId ||
      (actor.role === 'team_lead' && !!actor.teamId && (task.assignee_team_id === actor.teamId || task.client_team_id === actor.teamId))),
});
