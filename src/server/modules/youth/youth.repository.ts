import type { Insertable } from 'kysely';
import type { Actor } from '../../authz/actor.ts';
import { clientScope } from '../../authz/scopes.ts';
import type { Executor } from '../../db/database.ts';
import type { SchoolRecordsTable } from '../../db/schema.ts';
import { saveClientRowIfVersion } from '../../db/versioned-rows.ts';

export async function findSchoolRecord(db: Executor, clientId: string) {
  return db.selectFrom('school_records').selectAll().where('client_id', '=', clientId).executeTakeFirst();
}

export type SchoolRecordRow = NonNullable<Awaited<ReturnType<typeof findSchoolRecord>>>;

export type SchoolRecordValues = Omit<Insertable<SchoolRecordsTable>, 'version' | 'updated_at'> & { client_id: string; organisation_id: string };

/** Writes a school record if it still has the version the caller read (0: none yet). */
export const saveSchoolRecordIfVersion = (db: Executor, row: SchoolRecordValues, expectedVersion: number) => saveClientRowIfVersion(db, 'school_records', row, expectedVersion);

/** Inserts many school records at once (demo data). */
export async function insertSchoolRecords(db: Executor, rows: SchoolRecordValues[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('school_records').values(rows).execute();
}

/** Young people in the actor's scope who are back in education without a start qualification, longest first. */
export async function listBackInEducation(db: Executor, actor: Actor, limit: number) {
  return db
    .selectFrom('school_records as s')
    .innerJoin('clients', 'clients.id', 's.client_id')
    .leftJoin('users as coach', 'coach.id', 'clients.coach_id')
    .select([
      'clients.id', 'clients.first_name', 'clients.last_name', 'clients.client_number', 'clients.date_of_birth', 'clients.bsn_pseudonym',
      'coach.display_name as coach_name', 's.current_education', 's.school_name', 's.back_in_education_since', 's.early_school_leaver_reported_on',
    ])
    .where(clientScope(actor))
    .where('s.back_in_education_since', 'is not', null)
    .orderBy('s.back_in_education_since')
    .orderBy('clients.id')
    .limit(limit)
    .execute();
}

export type BackInEducationRow = Awaited<ReturnType<typeof listBackInEducation>>[number];
