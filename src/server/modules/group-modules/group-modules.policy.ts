import type { Actor } from '../../authz/actor.ts';
import { hasPermission } from '../../authz/permissions.ts';
import { definePolicy } from '../../authz/policy.ts';
import type { CohortStatus, EnrolmentStatus } from '../../db/schema.ts';
import { clientPolicy } from '../clients/clients.policy.ts';

/** The fields of a module the rules look at; provider_id null is the service's own module. */
export type ModuleRef = { organisation_id: string; provider_id: string | null; active: boolean };
/** A cohort with its module's ownership. */
export type CohortRef = { organisation_id: string; provider_id: string | null; status: CohortStatus; collective: boolean };
/** An enrolment as the rules see it: `inReach` says the actor works with this client (see enrolmentReach). */
export type EnrolmentRef = { status: EnrolmentStatus; inReach: boolean; cohort: CohortRef };

/** Statuses in which a cohort still takes enrolments and changes. */
export const OPEN_COHORT_STATUSES: readonly CohortStatus[] = ['gepland', 'lopend'];

/**
 * Who runs a module's cohorts: a provider's module by that provider's coaches, the service's own
 * modules by its team leads; the administrator (who sets modules up) for either.
 */
function runsModule(actor: Actor, module: { organisation_id: string; provider_id: string | null }): boolean {
  if (actor.organisationId !== module.organisation_id || !hasPermission(actor.role, 'cohorts:manage')) return false;
  if (actor.role === 'administrator') return true;
  if (module.provider_id === null) return actor.role === 'team_lead';
  return actor.role === 'provider_coach' && actor.externalOrganisationId === module.provider_id;
}

/**
 * Who enrols clients in a cohort: the service's coaches and team leads in any module of the
 * organisation (a provider's module also needs the client's referral, checked when enrolling),
 * a provider coach only in their own organisation's modules.
 */
function enrolsIn(actor: Actor, cohort: CohortRef): boolean {
  if (actor.organisationId !== cohort.organisation_id || !hasPermission(actor.role, 'enrolments:manage')) return false;
  if (actor.role === 'provider_coach') return actor.externalOrganisationId === cohort.provider_id;
  return true;
}

const isOpen = (cohort: CohortRef) => OPEN_COHORT_STATUSES.includes(cohort.status);

/** Rules on a module already loaded through the actor's module scope. */
export const modulePolicy = definePolicy<ModuleRef, 'update' | 'planCohort'>({
  update: (actor, module) => actor.organisationId === module.organisation_id && hasPermission(actor.role, 'modules:manage'),
  planCohort: (actor, module) => module.active && runsModule(actor, module),
});

/** Rules on a cohort already loaded through the actor's module scope. */
export const cohortPolicy = definePolicy<CohortRef, 'update' | 'manage' | 'enrol' | 'start' | 'recordAttendance'>({
  update: (actor, cohort) => isOpen(cohort) && runsModule(actor, cohort),
  // Sessions and the collective start.
  manage: (actor, cohort) => isOpen(cohort) && runsModule(actor, cohort),
  enrol: (actor, cohort) => isOpen(cohort) && enrolsIn(actor, cohort),
  start: (actor, cohort) => cohort.collective && cohort.status === 'gepland' && runsModule(actor, cohort),
  // Whoever runs the sessions: the provider's coaches for its modules, the service's coaches and
  // team leads for its own.
  recordAttendance: (actor, cohort) =>
    cohort.status !== 'geannuleerd' &&
    actor.organisationId === cohort.organisation_id &&
    hasPermission(actor.role, 'attendance:record') &&
    (cohort.provider_id === null ? actor.role !== 'provider_coach' : actor.externalOrganisationId === cohort.provider_id),
});

/** Rules on one enrolment (a place, a spot on the waiting list, or a collective-start candidate). */
export const enrolmentPolicy = definePolicy<EnrolmentRef, 'leave' | 'complete' | 'prioritise' | 'select'>({
  leave: (actor, e) => e.inReach && cohortPolicy.enrol(actor, e.cohort) && ['invited', 'selected', 'waiting', 'placed'].includes(e.status),
  complete: (actor, e) => e.inReach && cohortPolicy.enrol(actor, e.cohort) && e.status === 'placed',
  prioritise: (actor, e) => e.inReach && cohortPolicy.enrol(actor, e.cohort) && e.status === 'waiting',
  select: (actor, e) => e.inReach && cohortPolicy.enrol(actor, e.cohort) && e.cohort.status === 'gepland' && ['invited', 'selected', 'not_selected'].includes(e.status),
});

type ClientRef = { id: string; organisation_id: string; coach_id: string | null; team_id: string | null };

/** The coach or team lead of the dossier, or a provider coach (whose scope holds only clients referred to their organisation). */
function worksWithClient(actor: Actor, client: ClientRef): boolean {
  return clientPolicy.update(actor, client) || (actor.role === 'provider_coach' && actor.organisationId === client.organisation_id);
}

/** Rules on a client already loaded through the actor's scope, as far as modules and projects are concerned. */
export const moduleClientPolicy = definePolicy<ClientRef, 'enrol' | 'readEnrolments'>({
  enrol: worksWithClient,
  readEnrolments: (actor, client) => worksWithClient(actor, client) || (actor.role === 'client' && actor.clientId === client.id),
});
