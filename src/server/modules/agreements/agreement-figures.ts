/**
 * Where the evaluation of the agreements gets its figures: one KPI for one municipality and year,
 * through the KPI engine, so the caller's scope (a team lead: their team's clients) and the
 * small-count suppression (policy officers, administrators) apply exactly as on the dashboard.
 * The exact figure comes along for the judgement only (met or not met is said even when the
 * number itself is withheld); it never leaves the server.
 */
import type { Kysely } from 'kysely';
import type { KpiFigure, KpiKey } from '../../../shared/kpi.ts';
import type { DB } from '../../db/schema.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { kpiDefinition } from '../kpi/kpi-registry.ts';
import { presentKpiFigure } from '../kpi/kpi.presenter.ts';
import { kpiFigure } from '../kpi/kpi.service.ts';

/** One figure for a municipality and year as the caller may see it (`shown`) and exact (`exact`, to judge by), or null when no figure of that key is registered. */
export async function agreementFigure(
  db: Kysely<DB>,
  ctx: RequestContext,
  key: KpiKey,
  input: { municipalityId: string; year: number },
): Promise<{ shown: KpiFigure; exact: KpiFigure } | null> {
  if (!kpiDefinition(key)) return null;
  const { figure, presentation } = await kpiFigure(db, ctx, key, { period: String(input.year), municipalityId: input.municipalityId });
  return { shown: presentKpiFigure(figure, { ...presentation, drilldown: false }), exact: presentKpiFigure(figure, { suppress: false, drilldown: false }) };
}
