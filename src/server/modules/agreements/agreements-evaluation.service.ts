import type { Kysely } from 'kysely';
import type { KpiFigure, KpiKey } from '../../../shared/kpi.ts';
import { todayIso } from '../../../shared/dates.ts';
import type { DB } from '../../db/schema.ts';
import { notFound } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { findMunicipalityOfOrganisation } from '../clients/clients.repository.ts';
import { agreementFigure } from './agreement-figures.ts';
import { listAgreements, type AgreementRow } from './agreements.repository.ts';

export type EvaluationStatus = 'met' | 'not_met' | 'not_measurable';

/**
 * Why an agreement cannot be judged: the figure's own reason (kpi.notMeasurable.*), or
 * 'period_not_started' (the year lies ahead), 'no_value' (a share of nobody),
 * 'figure_unavailable' (the KPI or its measure is not computed) or 'value_hidden' (the number is
 * not shown to the caller, and the judgement would tell something about it).
 */
export type EvaluationReason = NonNullable<KpiFigure['reason']> | 'no_value' | 'figure_unavailable' | 'value_hidden';

/** The values a count shown as "<5" can have. */
const SUPPRESSED_COUNTS = [1, 2, 3, 4];

export type AgreementEvaluation = {
  agreement: AgreementRow;
  /** The measure as the caller may see it: null when it is not shown (then `valueHidden` says why) or cannot be computed. */
  value: number | null;
  valueHidden?: 'suppressed' | 'withheld';
  status: EvaluationStatus;
  reason?: EvaluationReason;
  /** The year is still running: the figure so far, not the final one. */
  provisional: boolean;
  figure: KpiFigure | null;
};

/**
 * Judges one agreement against the exact figure, and gives the value as the caller may see it
 * (`shown`, the same figure after suppression; pure, exported for its test). A number the caller
 * may not see is judged only when the judgement says nothing about it: a count shown as "<5" is
 * below a target of 5 or more whatever it is, so "12 places, 3 realised" is not met. Otherwise a
 * judgement is a bit of the hidden number, and a target changed a few times would give it away
 * ("at least 3: met", "at least 4: not met"); then the agreement is not measurable for this
 * caller ('value_hidden'), and a team lead who sees the number sees the judgement.
 */
export function judge(
  agreement: Pick<AgreementRow, 'measure_key' | 'comparison' | 'target'>,
  exact: KpiFigure | null,
  shown: KpiFigure | null = exact,
): Pick<AgreementEvaluation, 'value' | 'valueHidden' | 'status' | 'reason'> {
  if (!exact) return { value: null, status: 'not_measurable', reason: 'figure_unavailable' };
  if (exact.status === 'not_measurable') return { value: null, status: 'not_measurable', reason: exact.reason ?? 'no_population' };
  const measure = exact.measures.find((m) => m.key === agreement.measure_key);
  if (!measure) return { value: null, status: 'not_measurable', reason: 'figure_unavailable' };
  if (measure.value === null) return { value: null, status: 'not_measurable', reason: 'no_value' };
  const target = Number(agreement.target);
  const meets = (value: number) => (agreement.comparison === 'at_least' ? value >= target : value <= target);
  const published = shown?.measures.find((m) => m.key === agreement.measure_key);
  const hidden = published?.suppressed ? 'suppressed' : published?.withheld ? 'withheld' : undefined;
  if (hidden) {
    const tellsNothing = hidden === 'suppressed' && measure.unit === 'count' && new Set(SUPPRESSED_COUNTS.map(meets)).size === 1;
    if (!tellsNothing) return { value: null, valueHidden: hidden, status: 'not_measurable', reason: 'value_hidden' };
  }
  return { value: hidden ? null : measure.value, ...(hidden ? { valueHidden: hidden } : {}), status: meets(measure.value) ? 'met' : 'not_met' };
}

/**
 * Every agreement of a municipality and year against the figure behind it, computed through the
 * KPI engine so the caller's scope and the small-count suppression apply. A year that has not
 * begun is not measurable without computing anything; each KPI is computed once.
 */
export async function evaluateAgreements(db: Kysely<DB>, ctx: RequestContext, input: { municipalityId: string; year: number; today?: string }) {
  const municipality = await findMunicipalityOfOrganisation(db, ctx.actor.organisationId, input.municipalityId);
  if (!municipality) throw notFound('Municipality');
  const today = input.today ?? todayIso();
  const agreements = await listAgreements(db, ctx.actor.organisationId, { municipalityId: input.municipalityId, year: input.year });
  const started = `${input.year}-01-01` <= today;
  const provisional = `${input.year}-12-31` >= today;
  const keys = started ? [...new Set(agreements.map((a) => a.kpi_key as KpiKey))] : [];
  const computed = await Promise.all(keys.map((key) => agreementFigure(db, ctx, key, { municipalityId: input.municipalityId, year: input.year })));
  const figures = new Map(keys.map((key, i) => [key as string, computed[i] ?? null]));
  const items: AgreementEvaluation[] = [];
  for (const agreement of agreements) {
    if (!started) {
      items.push({ agreement, value: null, status: 'not_measurable', reason: 'period_not_started', provisional: false, figure: null });
      continue;
    }
    const figure = figures.get(agreement.kpi_key) ?? null;
    items.push({ agreement, ...judge(agreement, figure?.exact ?? null, figure?.shown ?? null), provisional, figure: figure?.shown ?? null });
  }
  return { municipality, year: input.year, items };
}
