import { sql } from 'kysely';
import type { Actor } from '../../authz/actor.ts';
import { clientScope } from '../../authz/scopes.ts';
import type { Executor } from '../../db/database.ts';
import type { EscalationsTable, SignalsTable } from '../../db/schema.ts';
import { onBenefit } from '../clients/outflow.repository.ts';

type SignalStatus = SignalsTable['status']['__select__'];

export async function insertSignal(
  db: Executor,
  row: { organisation_id: string; client_id: string; domain: string; severity: SignalsTable['severity']; description: string; follow_up_on: string | null; raised_by: string },
) {
  return db.insertInto('signals').values(row).returning('id').executeTakeFirstOrThrow();
}

function signalsWithAuthor(db: Executor) {
  return db
    .selectFrom('signals as s')
    .leftJoin('users as u', 'u.id', 's.raised_by')
    .select([
      's.id', 's.organisation_id', 's.client_id', 's.domain', 's.severity', 's.status', 's.description', 's.follow_up_on', 's.raised_at',
      's.closed_at', 's.version', 'u.id as raised_by_id', 'u.display_name as raised_by_name',
    ]);
}

export async function listSignals(db: Executor, clientId: string) {
  return signalsWithAuthor(db).where('s.client_id', '=', clientId).orderBy('s.raised_at', 'desc').execute();
}

export async function findSignal(db: Executor, organisationId: string, signalId: string) {
  return signalsWithAuthor(db).where('s.organisation_id', '=', organisationId).where('s.id', '=', signalId).executeTakeFirst();
}

export type SignalRow = NonNullable<Awaited<ReturnType<typeof findSignal>>>;

/** Changes a signal only if it still has the version the caller read. */
export async function updateSignalIfVersion(
  db: Executor,
  signalId: string,
  expectedVersion: number,
  changes: { status?: SignalStatus; severity?: SignalsTable['severity']; follow_up_on?: string | null; closed_at?: Date | null },
): Promise<boolean> {
  const result = await db
    .updateTable('signals')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', signalId)
    .where('version', '=', expectedVersion)
    .returning('id')
    .execute();
  return result.length === 1;
}

export async function setSignalStatus(db: Executor, signalId: string, status: SignalStatus): Promise<void> {
  await db.updateTable('signals').set((eb) => ({ status, version: eb('version', '+', 1) })).where('id', '=', signalId).execute();
}

export async function countOpenSignals(db: Executor, clientId: string): Promise<number> {
  const row = await db
    .selectFrom('signals')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('client_id', '=', clientId)
    .where('status', '!=', 'afgerond')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertEscalation(
  db: Executor,
  row: {
    organisation_id: string;
    client_id: string;
    signal_id: string;
    target_kind: EscalationsTable['target_kind'];
    external_organisation_id: string | null;
    question: string;
    due_on: string;
    created_by: string;
  },
) {
  return db.insertInto('escalations').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function listEscalations(db: Executor, signalIds: string[]) {
  if (signalIds.length === 0) return [];
  return db
    .selectFrom('escalations as e')
    .leftJoin('external_organisations as x', 'x.id', 'e.external_organisation_id')
    .select(['e.id', 'e.signal_id', 'e.target_kind', 'e.question', 'e.due_on', 'e.status', 'e.outcome', 'e.reported_at', 'x.id as external_id', 'x.name as external_name'])
    .where('e.signal_id', 'in', signalIds)
    .orderBy('e.created_at')
    .execute();
}

export type EscalationRow = Awaited<ReturnType<typeof listEscalations>>[number];

export async function findEscalation(db: Executor, organisationId: string, escalationId: string) {
  return db
    .selectFrom('escalations')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', escalationId)
    .executeTakeFirst();
}

export async function reportEscalationOutcome(db: Executor, escalationId: string, outcome: string, userId: string): Promise<void> {
  await db
    .updateTable('escalations')
    .set({ status: 'teruggemeld', outcome, reported_at: new Date(), reported_by: userId })
    .where('id', '=', escalationId)
    .execute();
}

export async function countOpenEscalations(db: Executor, signalId: string): Promise<number> {
  const row = await db
    .selectFrom('escalations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('signal_id', '=', signalId)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A partner of the organisation that still takes referrals. */
export async function findPartner(db: Executor, organisationId: string, id: string) {
  return db
    .selectFrom('external_organisations')
    .select(['id', 'name'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where('kind', '=', 'partner')
    .where('active', '=', true)
    .executeTakeFirst();
}

/** The partners a coach can refer to: those that still take referrals. */
export async function listPartners(db: Executor, organisationId: string) {
  return db
    .selectFrom('external_organisations')
    .select(['id', 'name', 'partner_kind as partnerKind'])
    .where('organisation_id', '=', organisationId)
    .where('kind', '=', 'partner')
    .where('active', '=', true)
    .orderBy('name')
    .execute();
}

/**
 * The open escalations of a team's clients still on the benefit, within the actor's scope:
 * overdue ones first (earliest due date first), with the signal, the client and their coach.
 */
export async function listTeamOpenEscalations(db: Executor, actor: Actor, teamId: string, today: string, limit: number) {
  const base = db
    .selectFrom('escalations as e')
    .innerJoin('clients', 'clients.id', 'e.client_id')
    .innerJoin('signals as s', 's.id', 'e.signal_id')
    .where('e.organisation_id', '=', actor.organisationId)
    // A literal, so the prepared statement's generic plan can read escalations_open_idx.
    .where('e.status', '=', sql.lit('open'))
    .where(clientScope(actor))
    .where('clients.team_id', '=', teamId)
    .where(onBenefit(today));
  const [rows, counts] = await Promise.all([
    base
      .leftJoin('external_organisations as x', 'x.id', 'e.external_organisation_id')
      .leftJoin('users as coach', 'coach.id', 'clients.coach_id')
      .select([
        'e.id', 'e.target_kind', 'e.question', 'e.due_on', 'e.created_at', 'x.name as partner_name', 's.id as signal_id', 's.domain', 's.severity',
        'clients.id as client_id', 'clients.client_number', 'clients.first_name', 'clients.last_name', 'clients.bsn_pseudonym',
        'clients.coach_id', 'coach.display_name as coach_name',
      ])
      .orderBy('e.due_on')
      .orderBy('e.created_at')
      .orderBy('e.id')
      .limit(limit)
      .execute(),
    base
      .select((eb) => [
        eb.fn.countAll<number>().as('total'),
        eb.fn.count<number>('e.id').filterWhere('e.due_on', '<', sql<string>`${today}::date`).as('overdue'),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(counts.total), overdue: Number(counts.overdue) };
}

export type TeamEscalationRow = Awaited<ReturnType<typeof listTeamOpenEscalations>>['rows'][number];
