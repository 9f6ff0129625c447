import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';

/*
 * Calls of the security-definer functions of migration 0004: the few effects of a provider's or
 * partner's action that lie outside what the row-level-security backstop lets them touch (the
 * coach's tasks, the signal escalation, another provider's contract). Each function checks that
 * the caller's organisation is entitled; staff call the same functions so each rule lives once.
 */

/** Why a client cannot be referred on a contract on a day, or null when they can. Locks the contract. */
export type ReferralBlocker = 'unknown_contract' | 'provider_inactive' | 'period' | 'municipality' | 'already_referred' | 'full';

export async function findReferralBlocker(db: Executor, contractId: string, clientId: string, on: string): Promise<ReferralBlocker | null> {
  const { rows } = await sql<{ blocker: ReferralBlocker | null }>`select meedoen_referral_blocker(${contractId}::uuid, ${clientId}::uuid, ${on}::date) as blocker`.execute(db);
  return rows[0]?.blocker ?? null;
}

/** Creates the next provider's referral of a just-transferred trajectory. */
export async function referOnward(db: Executor, fromId: string, contractId: string, question: string, userId: string) {
  const { rows } = await sql<{ referral_id: string; provider_name: string; product: string }>`
    select referral_id, provider_name, product from meedoen_refer_onward(${fromId}::uuid, ${contractId}::uuid, ${question}::text, ${userId}::uuid)`.execute(db);
  return rows[0]!;
}

/** A task for the client's coach (a refused referral, a proposed extension); the rule key makes it once. */
export async function createCoachTask(
  db: Executor,
  task: { clientId: string; kind: 'verwijzing_beoordelen' | 'verlenging_beoordelen'; title: string; dueOn: string; ruleKey: string; userId: string },
): Promise<void> {
  await sql`select meedoen_create_coach_task(${task.clientId}::uuid, ${task.kind}::text, ${task.title}::text, ${task.dueOn}::date, ${task.ruleKey}::text, ${task.userId}::uuid)`.execute(db);
}

/** Completes the client's open tasks of a kind, or only those whose rule key starts with the prefix. */
export async function completeCoachTasks(
  db: Executor,
  task: {
    clientId: string;
    kind: 'verwijzing_beoordelen' | 'verlenging_beoordelen' | 'ladder_meting' | 'traject_eindigt' | 'escalatie_verlopen';
    ruleKeyPrefix: string | null;
    userId: string;
  },
): Promise<void> {
  await sql`select meedoen_complete_coach_tasks(${task.clientId}::uuid, ${task.kind}::text, ${task.ruleKeyPrefix}::text, ${task.userId}::uuid)`.execute(db);
}

/** Reports a partner's outcome back to the signal escalation its referral came from. */
export async function reportEscalationOutcome(db: Executor, escalationId: string, outcome: string, userId: string): Promise<void> {
  await sql`select meedoen_report_escalation_outcome(${escalationId}::uuid, ${outcome}::text, ${userId}::uuid)`.execute(db);
}
