import type { Kysely } from 'kysely';
import { todayIso } from '../../../shared/dates.ts';
import type { HealthAnswers } from '../../../shared/positive-health.ts';
import { inActorTransaction } from '../../authz/boundary.ts';
import type { DB } from '../../db/schema.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { renderPdf } from '../../pdf/pdf-document.ts';
import { findOrganisationName } from '../organisations/organisations.repository.ts';
import { recordProcessing } from '../processing-log/processing-log.service.ts';
import { listActionsOfClient, listGoals } from './goals.repository.ts';
import { findLatestAndBaselineHealth, listZrmMeasurements, meansOf, type HealthDetailRow } from './measurements.repository.ts';
import { planDocument } from './plan-document.ts';
import { loadPlanDossierForAction } from './plan-access.ts';
import { presentZrm } from './plans.presenter.ts';

const web = (row: HealthDetailRow) => ({ measuredOn: row.measured_on, dimensions: meansOf(row), answers: row.answers as HealthAnswers });

/**
 * The personal plan as a PDF for the client: the latest web over the first, the figures, the
 * goals with their actions and the ZRM. Printing is a processing of the client's data, logged.
 */
export async function printablePlan(db: Kysely<DB>, ctx: RequestContext, clientId: string) {
  const data = await inActorTransaction(db, ctx, async (trx) => {
    const { client } = await loadPlanDossierForAction(trx, ctx, clientId, 'read');
    const [organisationName, { latest, baseline: first }, zrm, goals, actions] = await Promise.all([
      findOrganisationName(trx, ctx.actor.organisationId),
      findLatestAndBaselineHealth(trx, clientId),
      listZrmMeasurements(trx, clientId),
      listGoals(trx, clientId),
      listActionsOfClient(trx, clientId),
    ]);
    await recordProcessing(trx, ctx, { operation: 'plans.print', activity: 'personal-plan', dataSubjectIds: [client.bsn_pseudonym] });
    const owner = (row: { owner_kind: 'client' | 'coach' | 'other'; owner_name: string | null }) => ({ kind: row.owner_kind, name: row.owner_name });
    return {
      clientNumber: client.client_number,
      document: planDocument({
        organisationName,
        client: { name: `${client.first_name} ${client.last_name}`, clientNumber: client.client_number, coachName: client.coach_name },
        today: todayIso(),
        latest: latest ? web(latest) : null,
        baseline: latest && first && first.id !== latest.id ? web(first) : null,
        goals: goals.map((g) => ({
          dimension: g.dimension,
          description: g.description,
          owner: owner(g),
          dueOn: g.due_on,
          status: g.status,
          progress: g.progress,
          actions: actions.filter((a) => a.goal_id === g.id).map((a) => ({ description: a.description, owner: owner(a), dueOn: a.due_on, done: a.done })),
        })),
        zrmLatest: zrm[0] ? presentZrm(zrm[0]) : null,
        zrmFirst: zrm.length > 1 ? presentZrm(zrm[zrm.length - 1]!) : null,
      }),
    };
  });
  return { pdf: await renderPdf(data.document), fileName: `persoonlijk-plan-${data.clientNumber}.pdf` };
}
