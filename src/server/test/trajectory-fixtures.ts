import type { Kysely } from 'kysely';
import { addMonths, todayIso } from '../../shared/dates.ts';
import type { DB } from '../db/schema.ts';
import { DEMO_ACCOUNTS } from '../modules/demo/demo-accounts.ts';
import type { Session } from './test-app.ts';

/** The demo provider (whose coach is the demo provider account) and another provider of the organisation. */
export async function demoProviders(db: Kysely<DB>) {
  const user = await db.selectFrom('users').select(['external_organisation_id', 'organisation_id']).where('email', '=', DEMO_ACCOUNTS.provider_coach.email).executeTakeFirstOrThrow();
  const a = user.external_organisation_id!;
  const b = await db.selectFrom('external_organisations').select('id').where('kind', '=', 'provider').where('id', '!=', a).orderBy('name').executeTakeFirstOrThrow();
  return { organisationId: user.organisation_id, providerA: a, providerB: b.id };
}

/** Adds a user with the demo password (for a second provider coach, a colleague, …). */
export async function addDemoUser(
  db: Kysely<DB>,
  user: { email: string; displayName: string; role: 'provider_coach' | 'partner' | 'coach'; externalOrganisationId?: string | null; teamId?: string | null },
) {
  const model = await db.selectFrom('users').select(['organisation_id', 'password_hash']).where('email', '=', DEMO_ACCOUNTS.coach.email).executeTakeFirstOrThrow();
  return db
    .insertInto('users')
    .values({
      organisation_id: model.organisation_id,
      email: user.email,
      display_name: user.displayName,
      role: user.role,
      password_hash: model.password_hash,
      external_organisation_id: user.externalOrganisationId ?? null,
      team_id: user.teamId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** A contract through the API as the administrator: running from a month ago for a year by default. */
export async function createContract(admin: Session, providerId: string, municipalityIds: string[], overrides: Record<string, unknown> = {}) {
  const today = todayIso();
  const res = await admin.send('POST', '/api/contracts', {
    providerId,
    product: 'Sociale activering trede 1–2',
    ladderFrom: 1,
    ladderTo: 2,
    startsOn: addMonths(today, -1),
    endsOn: addMonths(today, 11),
    priceCents: 250_000,
    capacity: 10,
    durationMonths: 6,
    municipalityIds,
    ...overrides,
  });
  if (res.statusCode !== 201) throw new Error(`contract failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Refers a client on a contract as the coach, with consent and only the date of birth shared. */
export async function referOnContract(coach: Session, clientId: string, contractId: string, overrides: Record<string, unknown> = {}) {
  return coach.send('POST', `/api/clients/${clientId}/referrals`, {
    kind: 'trajectory',
    contractId,
    question: 'Graag een traject gericht op structuur en sociale contacten',
    sharedFields: ['date_of_birth'],
    consentGiven: true,
    ...overrides,
  });
}

/** Sends a transition with the referral's current version as If-Match. */
export async function act(session: Session, referral: { id: string; version: number }, action: string, body: unknown = {}) {
  return session.send('POST', `/api/referrals/${referral.id}/${action}`, body, { 'if-match': `"${referral.version}"` });
}
