import { suppressSmallCount } from '../../../shared/disclosure.ts';
import type { Actor } from '../../authz/actor.ts';
import { configurationPolicy } from '../../authz/configuration.policy.ts';
import { abilitiesOf } from '../../authz/policy.ts';
import { applicationPolicy } from './beschut-werk.policy.ts';
import type { ApplicationRow, QuotaOverviewRow, ScopedApplicationRow } from './beschut-werk.repository.ts';

type ClientRef = { id: string; organisation_id: string; coach_id: string | null; team_id: string | null };

/** One municipality's line of the overview; counts of 1–4 are suppressed unless `exact`. */
export function presentOverviewRow(actor: Actor, row: QuotaOverviewRow, exact: boolean) {
  const figure = (n: unknown) => (exact ? Number(n ?? 0) : suppressSmallCount(Number(n ?? 0)));
  return {
    municipality: { id: row.id, name: row.name },
    quota: row.quota,
    realised: figure(row.realised),
    waiting: figure(row.waiting),
    inAssessment: figure(row.in_assessment),
    werkfit: figure(row.werkfit),
    policies: { editQuota: configurationPolicy.update(actor, { organisation_id: actor.organisationId }) },
  };
}

/** The fields of an application that leave the server, with the caller's abilities. */
export function presentApplication(actor: Actor, client: ClientRef, a: ApplicationRow & { municipality_name?: string }) {
  return {
    id: a.id,
    status: a.status,
    municipality: a.municipality_name ? { id: a.municipality_id, name: a.municipality_name } : null,
    requestedOn: a.requested_on,
    advice: a.advice,
    assessedOn: a.assessed_on,
    placedOn: a.placed_on,
    placementId: a.placement_id,
    werkfit: a.werkfit_started_on ? { startsOn: a.werkfit_started_on, note: a.werkfit_note } : null,
    note: a.note,
    version: a.version,
    policies: abilitiesOf(actor, applicationPolicy, { client, application: a }),
  };
}

/** An application in a list of the actor's clients (waiting list, in assessment), with the client's name. */
export function presentScopedApplication(actor: Actor, row: ScopedApplicationRow) {
  const client = { id: row.client_id, organisation_id: row.organisation_id, coach_id: row.coach_id, team_id: row.team_id };
  return {
    ...presentApplication(actor, client, row),
    client: { id: row.client_id, firstName: row.first_name, lastName: row.last_name, clientNumber: row.client_number },
    coach: row.coach_name,
  };
}
