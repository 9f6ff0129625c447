import { ageOn } from '../../../shared/dates.ts';
import { hasStartQualification, isYoungPerson } from '../../../shared/placements.ts';
import type { Actor } from '../../authz/actor.ts';
import type { ClientRecord } from '../clients/clients.repository.ts';
import { workDossierPolicy } from '../placements/placements.policy.ts';
import type { BackInEducationRow, SchoolRecordRow } from './youth.repository.ts';

/** The fields of a school record that leave the server; start qualification derived from the diploma. */
export function presentSchoolRecord(actor: Actor, client: ClientRecord, row: SchoolRecordRow | undefined) {
  const youngPerson = isYoungPerson(client.date_of_birth);
  return {
    recorded: !!row,
    youngPerson,
    currentEducation: row?.current_education ?? 'geen',
    schoolName: row?.school_name ?? null,
    enrolledSince: row?.enrolled_since ?? null,
    highestDiploma: row?.highest_diploma ?? 'geen',
    startQualification: hasStartQualification(row?.highest_diploma ?? 'geen'),
    earlySchoolLeaver: row?.early_school_leaver_reported_on && row.early_school_leaver_source ? { reportedOn: row.early_school_leaver_reported_on, source: row.early_school_leaver_source } : null,
    backInEducation: row?.back_in_education_since ? { since: row.back_in_education_since } : null,
    note: row?.note ?? null,
    version: row?.version ?? 0,
    policies: { update: youngPerson && workDossierPolicy.write(actor, client) },
  };
}

/** A young person in the back-in-education list: name, age, where they study, since when. */
export function presentBackInEducation(r: BackInEducationRow, today: string) {
  return {
    client: { id: r.id, firstName: r.first_name, lastName: r.last_name, clientNumber: r.client_number, age: ageOn(r.date_of_birth, today) },
    coach: r.coach_name,
    currentEducation: r.current_education,
    schoolName: r.school_name,
    since: r.back_in_education_since!,
    earlySchoolLeaverReportedOn: r.early_school_leaver_reported_on,
  };
}
