/**
 * What the performance-agreement and return-assumption endpoints send and take (issue 6). The
 * agreement as it is listed is the one the evaluation returns (kpi-types.ts), with the caller's
 * abilities and its version added.
 */
import type { PerformanceAgreement } from './kpi-types.ts';

/** GET /api/performance-agreements: an agreement with its version and the caller's abilities. */
export type ManagedAgreement = PerformanceAgreement & { version: number; updatedAt: string; policies: { update: boolean; delete: boolean } };

export type AgreementList = { items: ManagedAgreement[]; policies: { create: boolean } };

/** POST and PUT /api/performance-agreements. */
export type AgreementInput = Pick<PerformanceAgreement, 'kpiKey' | 'measureKey' | 'comparison' | 'target' | 'title' | 'explanation' | 'year'> & { municipalityId: string };

/** The assumptions behind the return per route for a year, as cents and hours. */
export type ReturnAssumptions = {
  staffHourlyRateCents: number;
  staffHours: { vrijwilliger: number; onderwijs: number; werknemer: number; ondernemer: number };
  monthlyBenefitCents: number;
  monthsCounted: number;
  integrationBudgetCents: number;
  inflowPrevented: number;
  inflowPreventedSavingCents: number;
};

/** GET and PUT /api/return-assumptions?year= */
export type ReturnAssumptionsResponse = { year: number; assumptions: (ReturnAssumptions & { version: number; updatedAt: string }) | null; policies: { update: boolean } };
