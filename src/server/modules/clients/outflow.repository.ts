import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema.ts';

/**
 * Still on the benefit on `today`: no outflow registered, or one dated after today. A client whose
 * benefit ended is no longer the service's work: the task rules, the caseload's attention and the
 * yearly-conversation overview pass them by (the KPIs read the outflow themselves).
 */
export function onBenefit(today: string) {
  return (eb: ExpressionBuilder<DB, 'clients'>): Expression<SqlBool> =>
    eb.or([eb('clients.benefit_ended_on', 'is', null), eb('clients.benefit_ended_on', '>', sql<string>`${today}::date`)]);
}

/** The same test on a row in memory (the caseload's, the dossier's). */
export function benefitEnded(row: { benefit_ended_on: string | null }, today: string): boolean {
  return row.benefit_ended_on !== null && row.benefit_ended_on <= today;
}
