import type { Kysely } from 'kysely';
import { todayIso } from '../../../shared/dates.ts';
import { parsePeriod, type KpiFilterInput, type KpiKey } from '../../../shared/kpi.ts';
import { inActorTransaction } from '../../authz/boundary.ts';
import { forcedKpiProvider, kpiScopeOf, kpiSuppressionApplies, mayDrillDownKpi } from '../../authz/kpi-scope.ts';
import type { Executor } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { findMunicipalityOfOrganisation } from '../clients/clients.repository.ts';
import { findExternalOrganisation } from '../external-organisations/external-organisations.repository.ts';
import { listMunicipalities } from '../municipalities/municipalities.repository.ts';
import { recordProcessing } from '../processing-log/processing-log.service.ts';
import type { KpiQuery } from './kpi-definition.ts';
import { KPI_DEFINITIONS, kpiDefinition } from './kpi-registry.ts';
import type { KpiPresentation } from './kpi.presenter.ts';
import { listDrilldownClients, listKpiProviders } from './kpi.repository.ts';

/** At most this many clients are listed behind a cell; `total` says how many there are. */
export const KPI_DRILLDOWN_LIMIT = 500;

/**
 * The query the actor's figures answer: their scope from the policy, the period, and the filters
 * checked against the organisation (a municipality or provider it does not have is a 422). A
 * provider coach's provider filter is their own provider, whatever was asked.
 */
async function resolveQuery(db: Executor, ctx: RequestContext, input: KpiFilterInput): Promise<KpiQuery> {
  const scope = kpiScopeOf(ctx.actor);
  if (!scope) throw forbidden('Your role has no KPI figures');
  const forced = forcedKpiProvider(scope);
  if (forced && input.providerId && input.providerId !== forced) {
    throw new AppError('unknown_reference', 'You see the figures of your own provider only', { field: 'providerId' });
  }
  if (input.municipalityId && !(await findMunicipalityOfOrganisation(db, ctx.actor.organisationId, input.municipalityId))) {
    throw new AppError('unknown_reference', 'The municipality is not served by this organisation', { field: 'municipalityId' });
  }
  if (!forced && input.providerId && !(await findExternalOrganisation(db, ctx.actor.organisationId, input.providerId, 'provider'))) {
    throw new AppError('unknown_reference', 'The provider is not known to this organisation', { field: 'providerId' });
  }
  return {
    scope,
    period: parsePeriod(input.period),
    filter: {
      ...(input.municipalityId ? { municipalityId: input.municipalityId } : {}),
      ...(input.route ? { route: input.route } : {}),
      ...(input.group ? { group: input.group } : {}),
      ...((forced ?? input.providerId) ? { providerId: forced ?? input.providerId } : {}),
    },
    today: todayIso(),
  };
}

/** How this caller is shown figures (the policy's answers, for the presenter). */
function presentationFor(ctx: RequestContext): KpiPresentation {
  return { suppress: kpiSuppressionApplies(ctx.actor), drilldown: mayDrillDownKpi(ctx.actor) };
}

/**
 * The choices for the filter fields: the organisation's municipalities and providers (a provider
 * coach only their own provider).
 */
async function filterOptions(db: Executor, ctx: RequestContext, query: KpiQuery) {
  const [municipalities, providers] = await Promise.all([
    listMunicipalities(db, ctx.actor.organisationId),
    listKpiProviders(db, ctx.actor.organisationId, forcedKpiProvider(query.scope)),
  ]);
  return { municipalities: municipalities.map((m) => ({ id: m.id, name: m.name })), providers };
}

/*
 * The figures are aggregates over the actor's KpiScope, not reads of a client record: they run on
 * the pool, concurrently, outside the actor's transaction. For a provider coach that also means
 * outside the row-level-security boundary, which shows only open referrals while their figures
 * count completed trajectories too; the scope in the figure's SQL and the suppression keep them to
 * their own provider's counts.
 */

/** Every registered figure for the actor's scope, period and filters (the dashboard). */
export async function kpiOverview(db: Kysely<DB>, ctx: RequestContext, input: KpiFilterInput) {
  const query = await resolveQuery(db, ctx, input);
  const [figures, options] = await Promise.all([Promise.all(KPI_DEFINITIONS.map((d) => d.compute(db, query))), filterOptions(db, ctx, query)]);
  return { query, figures, options, presentation: presentationFor(ctx) };
}

/** One figure for the actor's scope, period and filters. */
export async function kpiFigure(db: Kysely<DB>, ctx: RequestContext, key: KpiKey, input: KpiFilterInput) {
  const definition = kpiDefinition(key);
  if (!definition) throw notFound('KPI');
  const query = await resolveQuery(db, ctx, input);
  return { figure: await definition.compute(db, query), presentation: presentationFor(ctx) };
}

/**
 * The clients behind one cell of a figure, for a team lead or coach: the figure's clients cut to
 * the actor's own client scope, each one that is shown written to the processing log in the same
 * transaction. For aggregate-only roles the list does not exist (404).
 */
export async function kpiDrilldown(db: Kysely<DB>, ctx: RequestContext, key: KpiKey, cell: string, input: KpiFilterInput) {
  if (!mayDrillDownKpi(ctx.actor)) throw notFound('KPI drilldown');
  const definition = kpiDefinition(key);
  if (!definition?.clientsBehind) throw notFound('KPI drilldown');
  const clientsBehind = definition.clientsBehind.bind(definition);
  return inActorTransaction(db, ctx, async (trx) => {
    const query = await resolveQuery(trx, ctx, input);
    const ids = await clientsBehind(trx, query, cell);
    const { rows, total } = await listDrilldownClients(trx, ctx.actor, ids, KPI_DRILLDOWN_LIMIT);
    await recordProcessing(trx, ctx, { operation: 'kpi.drilldown', activity: 'kpi-drilldown', dataSubjectIds: rows.map((r) => r.bsn_pseudonym) });
    return { rows, total };
  });
}
