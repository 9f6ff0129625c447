import { inActorTransaction } from '../../authz/boundary.ts';
import type { Kysely } from 'kysely';
import { authorize } from '../../authz/policy.ts';
import type { Executor } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import type { Config } from '../../config.ts';
import { todayIso } from '../../../shared/dates.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { formatClientNumber, reserveClientNumbers } from '../organisations/organisations.repository.ts';
import { pseudonymiseBsn, recordProcessing } from '../processing-log/processing-log.service.ts';
import { addTimelineEvent } from '../timeline/timeline.service.ts';
import { refreshClientYears } from '../kpi/facts/kpi-facts.service.ts';
import { lapseRuleTasksOfEndedClients } from '../tasks/tasks.repository.ts';
import { clientPolicy } from './clients.policy.ts';
import { presentClientDetail } from './clients.presenter.ts';
import {
  bsnExists,
  countClients,
  countSameNameAndBirth,
  currentMunicipalitySince,
  findClient,
  findClientRef,
  findCoachInTeam,
  findMunicipalityOfOrganisation,
  insertClients,
  insertMunicipalityHistory,
  insertRouteChange,
  listRouteChanges,
  searchClients,
  updateClientIfVersion,
  type ClientRecord,
  type ClientRef,
  type ClientSearch,
} from './clients.repository.ts';
import type { RegisterClientInput, RegisterOutflowInput, UpdateClientInput } from './clients.schema.ts';

type ClientAction = keyof typeof clientPolicy;

/**
 * Loads a client through the actor's scope and checks the action: 404 when the client is outside
 * the scope (its existence is not confirmed), 403 when in scope but the action is not allowed.
 * Every module that works on one client starts here.
 */
export async function loadClientForAction(trx: Executor, ctx: RequestContext, clientId: string, action: ClientAction): Promise<ClientRecord> {
  return authorizeLoaded(ctx, action, await findClient(trx, ctx.actor, clientId));
}

/**
 * The same scope and checks, loading only the fields the rules and the processing log need: for
 * use cases that read a section of the dossier and never show the client's own fields.
 */
export async function loadClientRefForAction(trx: Executor, ctx: RequestContext, clientId: string, action: ClientAction): Promise<ClientRef> {
  return authorizeLoaded(ctx, action, await findClientRef(trx, ctx.actor, clientId));
}

function authorizeLoaded<C extends ClientRef>(ctx: RequestContext, action: ClientAction, client: C | undefined): C {
  if (!client) throw notFound('Client');
  authorize(ctx.actor, clientPolicy, action, client);
  return client;
}

/** Searches the clients in the actor's scope; every client shown is a processing, and is logged. */
export async function listClients(db: Kysely<DB>, ctx: RequestContext, search: ClientSearch) {
  return inActorTransaction(db, ctx, async (trx) => {
    const [rows, { count: total, capped }] = await Promise.all([searchClients(trx, ctx.actor, search), countClients(trx, ctx.actor, search)]);
    await recordProcessing(trx, ctx, {
      operation: search.q ? 'clients.search' : 'clients.list',
      activity: 'caseload-management',
      dataSubjectIds: rows.map((r) => r.bsn_pseudonym),
    });
    return { rows, total, capped };
  });
}

/** Opens one client's dossier. */
export async function getClient(db: Kysely<DB>, ctx: RequestContext, clientId: string) {
  return inActorTransaction(db, ctx, async (trx) => {
    const client = await loadClientForAction(trx, ctx, clientId, 'read');
    await recordProcessing(trx, ctx, { operation: 'clients.read', activity: 'client-dossier', dataSubjectIds: [client.bsn_pseudonym] });
    return client;
  });
}

/**
 * Registers a client. The same BSN is refused; the same name and birth date is a likely
 * duplicate that the caller must confirm. A coach registers into their own caseload; a team
 * lead may pick a coach of the team.
 */
export async function registerClient(db: Kysely<DB>, config: Config, ctx: RequestContext, input: RegisterClientInput) {
  const { actor } = ctx;
  let coachId: string | null = actor.role === 'coach' ? actor.userId : null;
  if (input.coachId && input.coachId !== coachId) {
    if (actor.role !== 'team_lead') throw new AppError('field_not_allowed', 'Only a team lead assigns a client to another coach', { field: 'coachId' });
    coachId = input.coachId;
  }
  return inActorTransaction(db, ctx, async (trx) => {
    const orgId = actor.organisationId;
    if (!(await findMunicipalityOfOrganisation(trx, orgId, input.municipalityId))) {
      throw new AppError('unknown_reference', 'The municipality is not served by this organisation', { field: 'municipalityId' });
    }
    if (coachId && actor.role === 'team_lead' && !(actor.teamId && (await findCoachInTeam(trx, orgId, coachId, actor.teamId)))) {
      throw new AppError('not_in_team', 'The coach is not in your team', { field: 'coachId' });
    }
    if (await bsnExists(trx, orgId, input.bsn)) throw new AppError('bsn_taken', 'A client with this BSN is already registered', { field: 'bsn' });
    if (!input.confirmDuplicate) {
      const duplicates = await countSameNameAndBirth(trx, orgId, input.lastName, input.firstName, input.dateOfBirth);
      if (duplicates > 0) {
        throw new AppError('possible_duplicate', 'A client with the same name and date of birth exists; confirm to register anyway', { duplicates });
      }
    }
    const number = await reserveClientNumbers(trx, orgId, 1);
    const [id] = await insertClients(trx, [
      {
        organisation_id: orgId,
        client_number: formatClientNumber(number),
        bsn: input.bsn,
        bsn_pseudonym: pseudonymiseBsn(config.pseudonymKey, input.bsn),
        first_name: input.firstName,
        last_name: input.lastName,
        date_of_birth: input.dateOfBirth,
        phone: input.phone,
        email: input.email,
        street: input.street,
        house_number: input.houseNumber,
        postcode: input.postcode,
        city: input.city,
        municipality_id: input.municipalityId,
        benefit_type: input.benefitType ?? null,
        benefit_start_date: input.benefitStartDate ?? null,
        target_groups: input.targetGroups,
        route: input.route ?? null,
        team_id: actor.teamId,
        coach_id: coachId,
        created_by: actor.userId,
      },
    ]);
    const clientId = id!;
    if (input.route) {
      await insertRouteChange(trx, { organisation_id: orgId, client_id: clientId, previous_route: null, route: input.route, reason: 'Registratie', changed_by: actor.userId });
    }
    await insertMunicipalityHistory(trx, [
      { organisation_id: orgId, client_id: clientId, municipality_id: input.municipalityId, from_on: input.benefitStartDate ?? todayIso(), recorded_by: actor.userId },
    ]);
    await refreshClientYears(trx, orgId, [clientId]);
    await addTimelineEvent(trx, ctx, { clientId, kind: 'client.registered', summary: 'Cliënt geregistreerd', subjectType: 'client', subjectId: clientId });
    const client = (await findClient(trx, actor, clientId))!;
    await recordProcessing(trx, ctx, { operation: 'clients.register', activity: 'client-dossier', dataSubjectIds: [client.bsn_pseudonym] });
    return client;
  });
}

/** Parses an If-Match header into the version it names; a missing header is 428. */
export function versionFromIfMatch(header: string | undefined): number {
  if (!header) throw new AppError('precondition_required', 'Send If-Match with the ETag you read, so no one else’s change is overwritten');
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!match) throw new AppError('precondition_failed', 'If-Match does not name a version of this resource');
  return Number(match[1]);
}

/** The 412 answer: the caller's copy is stale; the current state travels along so the UI shows what changed. */
function staleWrite(ctx: RequestContext, current: ClientRecord): AppError {
  return new AppError('precondition_failed', 'Someone else changed this client since you read it', { current: presentClientDetail(ctx.actor, current) });
}

const FIELD_COLUMNS = {
  firstName: 'first_name',
  lastName: 'last_name',
  dateOfBirth: 'date_of_birth',
  phone: 'phone',
  email: 'email',
  street: 'street',
  houseNumber: 'house_number',
  postcode: 'postcode',
  city: 'city',
  municipalityId: 'municipality_id',
  benefitType: 'benefit_type',
  benefitStartDate: 'benefit_start_date',
  targetGroups: 'target_groups',
} as const satisfies Record<Exclude<keyof UpdateClientInput, 'movedOn'>, string>;

/** Changes a client's record under optimistic concurrency. */
export async function updateClient(db: Kysely<DB>, ctx: RequestContext, clientId: string, expectedVersion: number, input: UpdateClientInput) {
  return inActorTransaction(db, ctx, async (trx) => {
    const client = await loadClientForAction(trx, ctx, clientId, 'update');
    if (client.version !== expectedVersion) throw staleWrite(ctx, client);
    if (input.municipalityId && !(await findMunicipalityOfOrganisation(trx, ctx.actor.organisationId, input.municipalityId))) {
      throw new AppError('unknown_reference', 'The municipality is not served by this organisation', { field: 'municipalityId' });
    }
    const moved = input.municipalityId !== undefined && input.municipalityId !== client.municipality_id;
    if (input.movedOn !== undefined && (!moved || input.movedOn > todayIso())) {
      throw new AppError('validation_failed', 'A move date goes with a new municipality and cannot lie in the future', { field: 'movedOn' });
    }
    // A move dated before the client came to the current municipality would reorder the history.
    const since = input.movedOn !== undefined ? await currentMunicipalitySince(trx, clientId) : undefined;
    if (since && input.movedOn! < since) {
      throw new AppError('validation_failed', `The client lives in the current municipality since ${since}; a move cannot lie before that`, { field: 'movedOn', notBefore: since });
    }
    const changes: Record<string, unknown> = {};
    for (const [field, column] of Object.entries(FIELD_COLUMNS) as [keyof typeof FIELD_COLUMNS, string][]) {
      if (input[field] !== undefined) changes[column] = input[field];
    }
    if (!(await updateClientIfVersion(trx, ctx.actor.organisationId, clientId, expectedVersion, changes))) {
      throw staleWrite(ctx, (await findClient(trx, ctx.actor, clientId))!);
    }
    if (moved) {
      await insertMunicipalityHistory(trx, [
        { organisation_id: ctx.actor.organisationId, client_id: clientId, municipality_id: input.municipalityId!, from_on: input.movedOn ?? todayIso(), recorded_by: ctx.actor.userId },
      ]);
    }
    // Municipality, birth date, target groups and benefit dates are inputs of the KPI facts.
    await refreshClientYears(trx, ctx.actor.organisationId, [clientId]);
    await addTimelineEvent(trx, ctx, {
      clientId,
      kind: 'client.updated',
      summary: `Gegevens gewijzigd (${Object.keys(input).length} ${Object.keys(input).length === 1 ? 'veld' : 'velden'})`,
      subjectType: 'client',
      subjectId: clientId,
    });
    await recordProcessing(trx, ctx, { operation: 'clients.update', activity: 'client-dossier', dataSubjectIds: [client.bsn_pseudonym] });
    return (await findClient(trx, ctx.actor, clientId))!;
  });
}

/** Sets the client's route, keeping who changed it, when and why. */
export async function changeRoute(db: Kysely<DB>, ctx: RequestContext, clientId: string, expectedVersion: number, input: { route: NonNullable<ClientRecord['route']>; reason: string }) {
  return inActorTransaction(db, ctx, async (trx) => {
    const client = await loadClientForAction(trx, ctx, clientId, 'changeRoute');
    if (client.version !== expectedVersion) throw staleWrite(ctx, client);
    if (client.route === input.route) throw new AppError('invalid_transition', 'The client already follows this route');
    if (!(await updateClientIfVersion(trx, ctx.actor.organisationId, clientId, expectedVersion, { route: input.route }))) {
      throw staleWrite(ctx, (await findClient(trx, ctx.actor, clientId))!);
    }
    await insertRouteChange(trx, {
      organisation_id: ctx.actor.organisationId,
      client_id: clientId,
      previous_route: client.route,
      route: input.route,
      reason: input.reason,
      changed_by: ctx.actor.userId,
    });
    await refreshClientYears(trx, ctx.actor.organisationId, [clientId]);
    await addTimelineEvent(trx, ctx, {
      clientId,
      kind: 'client.route_changed',
      summary: client.route ? `Route gewijzigd van ${client.route} naar ${input.route}` : `Route vastgesteld: ${input.route}`,
      subjectType: 'client',
      subjectId: clientId,
    });
    await recordProcessing(trx, ctx, { operation: 'clients.change-route', activity: 'client-dossier', dataSubjectIds: [client.bsn_pseudonym] });
    return (await findClient(trx, ctx.actor, clientId))!;
  });
}

const OUTFLOW_LABELS: Record<RegisterOutflowInput['reason'], string> = {
  werk: 'werk in loondienst',
  ondernemer: 'eigen bedrijf',
  opleiding: 'opleiding',
  verhuizing: 'verhuizing',
  overlijden: 'overlijden',
  overig: 'andere reden',
};

/**
 * Registers the end of a client's benefit (uitstroom) and why. The end cannot lie before the
 * benefit started; a second registration corrects the first. The KPI facts follow at once, and
 * once the benefit has ended the client's open rule-made tasks lapse (hand-made ones stay; an
 * end dated ahead is left to the hourly rule run).
 */
export async function registerOutflow(db: Kysely<DB>, ctx: RequestContext, clientId: string, expectedVersion: number, input: RegisterOutflowInput) {
  return inActorTransaction(db, ctx, async (trx) => {
    const client = await loadClientForAction(trx, ctx, clientId, 'registerOutflow');
    if (client.version !== expectedVersion) throw staleWrite(ctx, client);
    const benefitFrom = client.benefit_start_date ?? todayIso(client.created_at);
    if (input.endedOn < benefitFrom) {
      throw new AppError('validation_failed', `The benefit cannot end before it started (${benefitFrom})`, { field: 'endedOn', benefitStartDate: benefitFrom });
    }
    if (!(await updateClientIfVersion(trx, ctx.actor.organisationId, clientId, expectedVersion, { benefit_ended_on: input.endedOn, outflow_reason: input.reason }))) {
      throw staleWrite(ctx, (await findClient(trx, ctx.actor, clientId))!);
    }
    await refreshClientYears(trx, ctx.actor.organisationId, [clientId]);
    await lapseRuleTasksOfEndedClients(trx, ctx.actor.organisationId, todayIso(), clientId, ctx.actor.userId);
    await addTimelineEvent(trx, ctx, {
      clientId,
      kind: 'client.outflow',
      summary: `Uitstroom geregistreerd: uitkering beëindigd per ${input.endedOn} (${OUTFLOW_LABELS[input.reason]})`,
      subjectType: 'client',
      subjectId: clientId,
    });
    await recordProcessing(trx, ctx, { operation: 'clients.outflow', activity: 'client-dossier', dataSubjectIds: [client.bsn_pseudonym] });
    return (await findClient(trx, ctx.actor, clientId))!;
  });
}

export async function routeHistory(db: Kysely<DB>, ctx: RequestContext, clientId: string) {
  return inActorTransaction(db, ctx, async (trx) => {
    const client = await loadClientForAction(trx, ctx, clientId, 'readTimeline');
    const rows = await listRouteChanges(trx, clientId);
    await recordProcessing(trx, ctx, { operation: 'clients.route-history', activity: 'client-dossier', dataSubjectIds: [client.bsn_pseudonym] });
    return rows;
  });
}
