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
import type { KpiDefinition, KpiQuery, KpiRef, RawKpiFigure } from './kpi-definition.ts';
import { discloseFamily, type Disclosure } from './kpi-disclosure.ts';
import { KPI_DEFINITIONS, kpiDefinition } from './kpi-registry.ts';
import type { KpiPresentation } from './kpi.presenter.ts';
import { listDrilldownClients, listKpiProviders } from './kpi.repository.ts';
import { CURRENT_FIGURES_ONLY, figuresWithSnapshots, type SnapshotPolicy } from './snapshots/kpi-snapshots.service.ts';

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

/**
 * How this caller is shown figures (the policy's answers, for the presenter). For an
 * aggregate-only role the figures are protected together with the same figures for the whole
 * organisation and for every municipality (same scope, period and other filters): each of those
 * can be asked for, and two answers side by side must not give a small count away by subtraction.
 */
async function presentationFor(
  db: Kysely<DB>,
  ctx: RequestContext,
  query: KpiQuery,
  shown: { definitions: readonly KpiDefinition[]; figures: readonly RawKpiFigure[] },
  snapshots: SnapshotPolicy,
): Promise<KpiPresentation> {
  const presentation = { suppress: kpiSuppressionApplies(ctx.actor), drilldown: mayDrillDownKpi(ctx.actor) };
  if (!presentation.suppress) return presentation;
  const requested = query.filter.municipalityId ?? WHOLE;
  const { disclosures } = await figureFamily(db, query, shown.definitions, snapshots, true, { tag: requested, figures: shown.figures });
  return { ...presentation, disclosures: disclosures.get(requested)! };
}

/** The tag of the whole organisation in a family (the municipalities go by their id). */
const WHOLE = 'all';

type FamilyFigures = { tag: string; figures: readonly RawKpiFigure[] };

/**
 * The query's figures for the whole organisation and for every municipality (its other filters
 * kept), and each one's disclosure decisions per figure key, all protected as one system
 * (discloseFamily; left empty unless `disclose`). `known`: a member whose figures are at hand; the
 * others come from the stored figures or are computed.
 */
async function figureFamily(db: Kysely<DB>, query: KpiQuery, definitions: readonly KpiDefinition[], snapshots: SnapshotPolicy, disclose: boolean, known?: FamilyFigures) {
  const { municipalityId: _requested, ...others } = query.filter;
  const municipalities = await listMunicipalities(db, query.scope.organisationId);
  const tags = [WHOLE, ...municipalities.map((m) => m.id)];
  const members: FamilyFigures[] = await Promise.all(
    tags.map(async (tag) => ({
      tag,
      figures:
        tag === known?.tag
          ? known.figures
          : (await figuresWithSnapshots(db, { ...query, filter: tag === WHOLE ? others : { ...others, municipalityId: tag } }, definitions, snapshots)).figures,
    })),
  );
  const disclosures = new Map(tags.map((tag) => [tag, new Map<string, ReadonlyMap<KpiRef, Disclosure>>()]));
  if (!disclose) return { members, disclosures };
  definitions.forEach((definition, i) => {
    const family = discloseFamily({ tag: WHOLE, figure: members[0]!.figures[i]! }, members.slice(1).map((m) => ({ tag: m.tag, figure: m.figures[i]! })));
    for (const tag of tags) disclosures.get(tag)!.set(definition.key, family.get(tag)!);
  });
  return { members, disclosures };
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

/**
 * Every registered figure for the actor's scope, period and filters (the dashboard), with when
 * they were computed. `snapshots` says how old a precomputed figure may be; by default only
 * current ones (an agreement's judgement and a council report never rest on older figures).
 */
export async function kpiOverview(db: Kysely<DB>, ctx: RequestContext, input: KpiFilterInput, snapshots: SnapshotPolicy = CURRENT_FIGURES_ONLY) {
  const query = await resolveQuery(db, ctx, input);
  const [{ figures, freshness }, options] = await Promise.all([figuresWithSnapshots(db, query, KPI_DEFINITIONS, snapshots), filterOptions(db, ctx, query)]);
  const presentation = await presentationFor(db, ctx, query, { definitions: KPI_DEFINITIONS, figures }, snapshots);
  return { query, figures, freshness, options, presentation };
}

/**
 * Every figure for the whole organisation and for each municipality side by side (a council
 * report of all municipalities), current figures only. For an aggregate-only role the family is
 * protected in one pass, rather than once per column. Keyed by municipality id, and 'all'.
 */
export async function kpiOverviewPerMunicipality(db: Kysely<DB>, ctx: RequestContext, input: { period: string }) {
  const query = await resolveQuery(db, ctx, input);
  const presentation = { suppress: kpiSuppressionApplies(ctx.actor), drilldown: mayDrillDownKpi(ctx.actor) };
  const { members, disclosures } = await figureFamily(db, query, KPI_DEFINITIONS, CURRENT_FIGURES_ONLY, presentation.suppress);
  return new Map(
    members.map((m) => [m.tag, { figures: m.figures, presentation: presentation.suppress ? { ...presentation, disclosures: disclosures.get(m.tag)! } : presentation }]),
  );
}

/** One figure for the actor's scope, period and filters, as kpiOverview gets it. */
export async function kpiFigure(db: Kysely<DB>, ctx: RequestContext, key: KpiKey, input: KpiFilterInput, snapshots: SnapshotPolicy = CURRENT_FIGURES_ONLY) {
  const definition = kpiDefinition(key);
  if (!definition) throw notFound('KPI');
  const query = await resolveQuery(db, ctx, input);
  const { figures, freshness } = await figuresWithSnapshots(db, query, [definition], snapshots);
  const presentation = await presentationFor(db, ctx, query, { definitions: [definition], figures }, snapshots);
  return { figure: figures[0]!, freshness, presentation };
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
