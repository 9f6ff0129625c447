import type { Actor } from '../../authz/actor.ts';
import { abilitiesOf } from '../../authz/policy.ts';
import type { KpiKey } from '../../../shared/kpi.ts';
import { kpiMeasure } from '../../../shared/kpi-measures.ts';
import { agreementPolicy } from './agreements.policy.ts';
import type { AgreementRow, ReturnAssumptionsRow } from './agreements.repository.ts';

/** The fields of an agreement that leave the server, with the unit of its measure and the caller's abilities. */
export function presentAgreement(actor: Actor, row: AgreementRow) {
  const kpiKey = row.kpi_key as KpiKey;
  const { update, delete: remove } = abilitiesOf(actor, agreementPolicy, row);
  return {
    id: row.id,
    municipality: { id: row.municipality_id, name: row.municipality_name },
    year: row.year,
    kpiKey,
    measureKey: row.measure_key,
    unit: kpiMeasure(kpiKey, row.measure_key)?.unit ?? 'number',
    comparison: row.comparison,
    target: Number(row.target),
    title: row.title,
    explanation: row.explanation,
    version: row.version,
    updatedAt: new Date(row.updated_at).toISOString(),
    policies: { update, delete: remove },
  };
}

export type AgreementItem = ReturnType<typeof presentAgreement>;

/** The assumptions of a year as the form shows them (cents and hours), or null when none are set. */
export function presentReturnAssumptions(row: ReturnAssumptionsRow | undefined) {
  if (!row) return null;
  return {
    staffHourlyRateCents: row.staff_hourly_rate_cents,
    staffHours: {
      vrijwilliger: Number(row.staff_hours_vrijwilliger),
      onderwijs: Number(row.staff_hours_onderwijs),
      werknemer: Number(row.staff_hours_werknemer),
      ondernemer: Number(row.staff_hours_ondernemer),
    },
    monthlyBenefitCents: row.monthly_benefit_cents,
    monthsCounted: row.months_counted,
    integrationBudgetCents: Number(row.integration_budget_cents),
    inflowPrevented: row.inflow_prevented,
    inflowPreventedSavingCents: row.inflow_prevented_saving_cents,
    version: row.version,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
