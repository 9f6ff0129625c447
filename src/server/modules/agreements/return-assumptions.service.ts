import type { Kysely } from 'kysely';
import { authorize } from '../../authz/policy.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { recordAuditEvent } from '../audit/audit.ts';
import { agreementPolicy } from './agreements.policy.ts';
import { findReturnAssumptions, saveReturnAssumptionsIfVersion } from './agreements.repository.ts';
import type { ReturnAssumptionsInput } from './agreements.schema.ts';

/** The assumptions behind the return per route for a year (none until the administrator sets them). */
export async function returnAssumptionsOf(db: Kysely<DB>, ctx: RequestContext, year: number) {
  return findReturnAssumptions(db, ctx.actor.organisationId, year);
}

/**
 * The administrator sets the assumptions of a year under optimistic concurrency: If-Match "0"
 * for the first time, the version read after that. Audited with every value, old and new.
 */
export async function saveReturnAssumptions(db: Kysely<DB>, ctx: RequestContext, year: number, expectedVersion: number, input: ReturnAssumptionsInput) {
  return db.transaction().execute(async (trx) => {
    authorize(ctx.actor, agreementPolicy, 'update', { organisation_id: ctx.actor.organisationId });
    const before = await findReturnAssumptions(trx, ctx.actor.organisationId, year);
    const values = {
      staff_hourly_rate_cents: input.staffHourlyRateCents,
      staff_hours_vrijwilliger: input.staffHours.vrijwilliger,
      staff_hours_onderwijs: input.staffHours.onderwijs,
      staff_hours_werknemer: input.staffHours.werknemer,
      staff_hours_ondernemer: input.staffHours.ondernemer,
      monthly_benefit_cents: input.monthlyBenefitCents,
      months_counted: input.monthsCounted,
      integration_budget_cents: input.integrationBudgetCents,
      inflow_prevented: input.inflowPrevented,
      inflow_prevented_saving_cents: input.inflowPreventedSavingCents,
      updated_by: ctx.actor.userId,
    };
    const saved = await saveReturnAssumptionsIfVersion(trx, { organisationId: ctx.actor.organisationId, year }, values, expectedVersion);
    if (!saved) throw new AppError('precondition_failed', 'Someone else changed these assumptions since you read them', { currentVersion: before?.version ?? 0 });
    await recordAuditEvent(trx, ctx, {
      action: 'return-assumptions.saved',
      subjectType: 'return_assumptions',
      subjectId: ctx.actor.organisationId,
      details: { year, values: input, before: before ? { ...before, updated_at: undefined } : null },
    });
    return (await findReturnAssumptions(trx, ctx.actor.organisationId, year))!;
  });
}
