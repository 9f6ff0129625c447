/**
 * Where the evaluation of the agreements gets its figures: one KPI for one municipality and year,
 * through the KPI engine, so the caller's scope (a team lead: their team's clients) and the
 * small-count suppression (policy officers, administrators) apply exactly as on the dashboard.
 */
import type { Kysely } from 'kysely';
import type { KpiFigure, KpiKey } from '../../../shared/kpi.ts';
import type { DB } from '../../db/schema.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { kpiDefinition } from '../kpi/kpi-registry.ts';
import { presentKpiFigure } from '../kpi/kpi.presenter.ts';
import { kpiFigure } from '../kpi/kpi.service.ts';

/** One figure for a municipality and year as the caller may see it, or null when no figure of that key is registered. */
export async function agreementFigure(db: Kysely<DB>, ctx: RequestContext, key: KpiKey, input: { municipalityId: string; year: number }): Promise<KpiFigure | null> {
  if (!kpiDefinition(key)) return null;
  const { figure, presentation } = await kpiFigure(db, ctx, key, { period: String(input.year), municipalityId: input.municipalityId });
  return presentKpiFigure(figure, { ...presentation, drilldown: false });
}
