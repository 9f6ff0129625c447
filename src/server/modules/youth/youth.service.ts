import type { Kysely } from 'kysely';
import { todayIso } from '../../../shared/dates.ts';
import { backInEducationSince, hasStartQualification, isYoungPerson } from '../../../shared/placements.ts';
import { inActorTransaction } from '../../authz/boundary.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { loadWorkDossier, readWorkRecord } from '../placements/placements.service.ts';
import { recordProcessing } from '../processing-log/processing-log.service.ts';
import { addTimelineEvent } from '../timeline/timeline.service.ts';
import { findSchoolRecord, listBackInEducation, saveSchoolRecordIfVersion } from './youth.repository.ts';
import type { SchoolRecordInput } from './youth.schema.ts';

const EDUCATION_NAMES: Record<string, string> = {
  geen: 'geen opleiding',
  praktijkschool: 'praktijkschool',
  vso: 'voortgezet speciaal onderwijs',
  havo: 'havo',
  vwo: 'vwo',
  hbo: 'hbo',
  wo: 'wo',
};
const educationName = (level: string) => EDUCATION_NAMES[level] ?? level.replace('mbo_', 'mbo niveau ');

/** A young person's school record (defaults until one is saved). */
export async function schoolRecordOf(db: Kysely<DB>, ctx: RequestContext, clientId: string) {
  const { client, rows } = await readWorkRecord(db, ctx, clientId, { operation: 'youth.school-record.read', activity: 'client-dossier' }, (trx) => findSchoolRecord(trx, clientId));
  return { client, row: rows };
}

/**
 * Records school and qualification for a young person. Whether they are back in education
 * without a start qualification is derived here, from the previous and the new record.
 */
export async function saveSchoolRecord(db: Kysely<DB>, ctx: RequestContext, clientId: string, expectedVersion: number, input: SchoolRecordInput) {
  const enrolled = input.currentEducation !== 'geen';
  if (enrolled !== !!input.enrolledSince) {
    throw new AppError('validation_failed', 'A current education has an enrolment date, and only then', { field: 'enrolledSince' });
  }
  return inActorTransaction(db, ctx, async (trx) => {
    const client = await loadWorkDossier(trx, ctx, clientId, 'write');
    if (!isYoungPerson(client.date_of_birth)) throw new AppError('not_a_young_person', 'School and qualification are kept for young people aged 16 to 27');
    const previous = await findSchoolRecord(trx, clientId);
    if ((previous?.version ?? 0) !== expectedVersion) throw new AppError('precondition_failed', 'Someone else changed this record since you read it', { currentVersion: previous?.version ?? 0 });
    const next = {
      currentEducation: input.currentEducation,
      enrolledSince: input.enrolledSince ?? null,
      highestDiploma: input.highestDiploma,
      earlySchoolLeaverReportedOn: input.earlySchoolLeaver?.reportedOn ?? null,
    };
    const prior = previous
      ? {
          currentEducation: previous.current_education,
          enrolledSince: previous.enrolled_since,
          highestDiploma: previous.highest_diploma,
          earlySchoolLeaverReportedOn: previous.early_school_leaver_reported_on,
          backInEducationSince: previous.back_in_education_since,
        }
      : null;
    const since = backInEducationSince(prior, next, todayIso());
    const saved = await saveSchoolRecordIfVersion(
      trx,
      {
        client_id: clientId,
        organisation_id: ctx.actor.organisationId,
        current_education: input.currentEducation,
        school_name: input.schoolName || null,
        enrolled_since: input.enrolledSince ?? null,
        highest_diploma: input.highestDiploma,
        early_school_leaver_reported_on: input.earlySchoolLeaver?.reportedOn ?? null,
        early_school_leaver_source: input.earlySchoolLeaver?.source ?? null,
        back_in_education_since: since,
        note: input.note || null,
        updated_by: ctx.actor.userId,
      },
      expectedVersion,
    );
    if (!saved) throw new AppError('precondition_failed', 'Someone else changed this record since you read it');
    const qualification = hasStartQualification(input.highestDiploma) ? 'met startkwalificatie' : 'zonder startkwalificatie';
    const back = since && !previous?.back_in_education_since ? '; terug naar onderwijs' : '';
    await addTimelineEvent(trx, ctx, {
      clientId,
      kind: 'youth.school',
      summary: `School en kwalificatie: ${educationName(input.currentEducation)}${input.schoolName ? ` (${input.schoolName})` : ''}, ${qualification}${back}`,
      subjectType: 'client',
      subjectId: clientId,
    });
    await recordProcessing(trx, ctx, { operation: 'youth.school-record.update', activity: 'client-dossier', dataSubjectIds: [client.bsn_pseudonym] });
    return { client, row: await findSchoolRecord(trx, clientId) };
  });
}

/** The coach's list: young people without a start qualification who are back in education. */
export async function backInEducationList(db: Kysely<DB>, ctx: RequestContext, limit: number) {
  return inActorTransaction(db, ctx, async (trx) => {
    const rows = await listBackInEducation(trx, ctx.actor, limit);
    await recordProcessing(trx, ctx, { operation: 'youth.back-in-education', activity: 'caseload-management', dataSubjectIds: rows.map((r) => r.bsn_pseudonym) });
    return rows;
  });
}
