import type { Kysely } from 'kysely';
import { todayIso } from '../../../shared/dates.ts';
import { inActorTransaction } from '../../authz/boundary.ts';
import { authorize } from '../../authz/policy.ts';
import type { Executor } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { recordAuditEvent } from '../audit/audit.ts';
import { findMunicipalityOfOrganisation } from '../clients/clients.repository.ts';
import { loadClientForAction } from '../clients/clients.service.ts';
import { clientsInScope } from '../group-modules/enrolments.repository.ts';
import { recordProcessing } from '../processing-log/processing-log.service.ts';
import { addTimelineEvent } from '../timeline/timeline.service.ts';
import { projectClientPolicy, projectPolicy } from './projects.policy.ts';
import {
  countParticipantsByYear,
  findParticipant,
  findProject,
  insertParticipant,
  insertProject,
  listClientProjects,
  listParticipants,
  listProjects,
  projectNameTaken,
  setLeftOn,
  updateProjectIfVersion,
  type ProjectRow,
} from './projects.repository.ts';

export type ProjectInput = { name: string; description?: string; municipalityId?: string | null; startsOn: string; endsOn?: string | null };

/** Participants per year of each project, keyed by project id and then by year. */
async function byYear(trx: Executor, projectIds: readonly string[]): Promise<Map<string, Record<string, number>>> {
  const result = new Map<string, Record<string, number>>();
  for (const row of await countParticipantsByYear(trx, projectIds, todayIso())) {
    const years = result.get(row.project_id) ?? {};
    years[String(row.yr)] = row.n;
    result.set(row.project_id, years);
  }
  return result;
}

/** One project's participants per year. */
async function yearsOf(trx: Executor, projectId: string): Promise<Record<string, number>> {
  return (await byYear(trx, [projectId])).get(projectId) ?? {};
}

async function loadProject(trx: Executor, ctx: RequestContext, projectId: string): Promise<ProjectRow> {
  const project = await findProject(trx, ctx.actor.organisationId, projectId);
  if (!project) throw notFound('Project');
  return project;
}

/** The projects with their counts per project and per year (no personal data). */
export async function listProjectsOf(db: Kysely<DB>, ctx: RequestContext, year?: number) {
  return inActorTransaction(db, ctx, async (trx) => {
    const projects = await listProjects(trx, ctx.actor.organisationId, year);
    const years = await byYear(
      trx,
      projects.map((p) => p.id),
    );
    return projects.map((project) => ({ project, years: years.get(project.id) ?? {} }));
  });
}

/** Checks the fields a project is created or changed with. */
async function assertProjectFields(trx: Executor, ctx: RequestContext, input: Partial<ProjectInput>, startsOn: string, endsOn: string | null, exceptId?: string) {
  if (endsOn && endsOn < startsOn) throw new AppError('validation_failed', 'The project ends before it starts', { field: 'endsOn' });
  if (input.municipalityId && !(await findMunicipalityOfOrganisation(trx, ctx.actor.organisationId, input.municipalityId))) {
    throw new AppError('unknown_reference', 'The municipality is not served by this organisation', { field: 'municipalityId' });
  }
  if (input.name && (await projectNameTaken(trx, ctx.actor.organisationId, input.name, exceptId))) {
    throw new AppError('conflict', 'A project with this name exists', { field: 'name' });
  }
}

/** Starts a time-bound project (a sports project, a literacy drive). */
export async function createProject(db: Kysely<DB>, ctx: RequestContext, input: ProjectInput) {
  return inActorTransaction(db, ctx, async (trx) => {
    authorize(ctx.actor, projectPolicy, 'update', { organisation_id: ctx.actor.organisationId });
    await assertProjectFields(trx, ctx, input, input.startsOn, input.endsOn ?? null);
    const { id } = await insertProject(trx, {
      organisation_id: ctx.actor.organisationId,
      name: input.name,
      description: input.description ?? '',
      municipality_id: input.municipalityId ?? null,
      starts_on: input.startsOn,
      ends_on: input.endsOn ?? null,
    });
    await recordAuditEvent(trx, ctx, { action: 'project.created', subjectType: 'project', subjectId: id });
    const project = (await findProject(trx, ctx.actor.organisationId, id))!;
    return { project, years: await yearsOf(trx, id) };
  });
}

const staleProject = () => new AppError('precondition_failed', 'Someone else changed this project since you read it');

/** Changes a project's name, description, municipality or period, when the caller's copy is current (If-Match). */
export async function updateProject(db: Kysely<DB>, ctx: RequestContext, projectId: string, expectedVersion: number, input: Partial<ProjectInput>) {
  return inActorTransaction(db, ctx, async (trx) => {
    const current = await loadProject(trx, ctx, projectId);
    authorize(ctx.actor, projectPolicy, 'update', current);
    if (current.version !== expectedVersion) throw staleProject();
    await assertProjectFields(trx, ctx, input, input.startsOn ?? current.starts_on, input.endsOn === undefined ? current.ends_on : input.endsOn, current.id);
    const updated = await updateProjectIfVersion(trx, current.id, expectedVersion, {
      name: input.name,
      description: input.description,
      municipality_id: input.municipalityId,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
    });
    if (!updated) throw staleProject();
    await recordAuditEvent(trx, ctx, { action: 'project.updated', subjectType: 'project', subjectId: current.id, details: { fields: Object.keys(input) } });
    const project = (await findProject(trx, ctx.actor.organisationId, current.id))!;
    return { project, years: await yearsOf(trx, current.id) };
  });
}

/**
 * One project with its participants: names only for clients in the caller's scope (and only
 * those are written to the processing log); a policy officer gets the counts alone.
 */
export async function getProject(db: Kysely<DB>, ctx: RequestContext, projectId: string) {
  return inActorTransaction(db, ctx, async (trx) => {
    const project = await loadProject(trx, ctx, projectId);
    const participants = projectPolicy.readParticipants(ctx.actor, project) ? await listParticipants(trx, project.id) : [];
    const clients = await clientsInScope(
      trx,
      ctx.actor,
      participants.map((p) => p.client_id),
    );
    await recordProcessing(trx, ctx, { operation: 'projects.read', activity: 'client-dossier', dataSubjectIds: clients.map((c) => c.bsn_pseudonym) });
    return { project, years: await yearsOf(trx, project.id), participants, clients: new Map(clients.map((c) => [c.id, c])) };
  });
}

/** Loads a project and a client for a change to the client's participation. */
async function loadParticipation(trx: Executor, ctx: RequestContext, projectId: string, clientId: string) {
  const project = await loadProject(trx, ctx, projectId);
  authorize(ctx.actor, projectPolicy, 'addParticipant', project);
  const client = await loadClientForAction(trx, ctx, clientId, 'read');
  authorize(ctx.actor, projectClientPolicy, 'join', client);
  return { project, client };
}

/** A client joins a project, within the project's period. */
export async function addParticipant(db: Kysely<DB>, ctx: RequestContext, projectId: string, input: { clientId: string; joinedOn: string }) {
  return inActorTransaction(db, ctx, async (trx) => {
    const { project, client } = await loadParticipation(trx, ctx, projectId, input.clientId);
    if (input.joinedOn < project.starts_on || (project.ends_on && input.joinedOn > project.ends_on)) {
      throw new AppError('validation_failed', 'The date lies outside the project’s period', { field: 'joinedOn' });
    }
    if (await findParticipant(trx, project.id, client.id)) throw new AppError('already_enrolled', 'The client already takes part in this project');
    await insertParticipant(trx, { project_id: project.id, client_id: client.id, organisation_id: project.organisation_id, joined_on: input.joinedOn, added_by: ctx.actor.userId });
    await addTimelineEvent(trx, ctx, { clientId: client.id, kind: 'project.joined', summary: `Deelnemer aan project ${project.name} vanaf ${input.joinedOn}`, subjectType: 'project', subjectId: project.id });
    await recordProcessing(trx, ctx, { operation: 'projects.add-participant', activity: 'client-dossier', dataSubjectIds: [client.bsn_pseudonym] });
    return { client, participation: { client_id: client.id, joined_on: input.joinedOn, left_on: null as string | null } };
  });
}

/** A client's participation in a project ends. */
export async function leaveProject(db: Kysely<DB>, ctx: RequestContext, projectId: string, clientId: string, leftOn: string) {
  return inActorTransaction(db, ctx, async (trx) => {
    const { project, client } = await loadParticipation(trx, ctx, projectId, clientId);
    const participation = await findParticipant(trx, project.id, client.id);
    if (!participation) throw notFound('Participant');
    if (participation.left_on) throw new AppError('invalid_transition', 'The client already left this project');
    if (leftOn < participation.joined_on) throw new AppError('validation_failed', 'The client cannot leave before joining', { field: 'leftOn' });
    await setLeftOn(trx, project.id, client.id, leftOn);
    await addTimelineEvent(trx, ctx, { clientId: client.id, kind: 'project.left', summary: `Deelname aan project ${project.name} beëindigd per ${leftOn}`, subjectType: 'project', subjectId: project.id });
    await recordProcessing(trx, ctx, { operation: 'projects.leave', activity: 'client-dossier', dataSubjectIds: [client.bsn_pseudonym] });
    return { client, participation: { ...participation, left_on: leftOn } };
  });
}

/** The projects a client takes or took part in. */
export async function projectsOfClient(db: Kysely<DB>, ctx: RequestContext, clientId: string) {
  return inActorTransaction(db, ctx, async (trx) => {
    const client = await loadClientForAction(trx, ctx, clientId, 'read');
    authorize(ctx.actor, projectClientPolicy, 'readProjects', client);
    const rows = await listClientProjects(trx, ctx.actor.organisationId, client.id);
    await recordProcessing(trx, ctx, { operation: 'projects.list-of-client', activity: 'client-dossier', dataSubjectIds: [client.bsn_pseudonym] });
    return rows;
  });
}
