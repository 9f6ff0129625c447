import { z } from 'zod';
import { DIPLOMAS, EDUCATION_LEVELS } from '../../../shared/placements.ts';
import { isoDate } from '../clients/clients.schema.ts';

export const schoolRecordBody = z
  .object({
    currentEducation: z.enum(EDUCATION_LEVELS),
    schoolName: z.string().trim().max(200).nullish(),
    enrolledSince: isoDate.nullish(),
    highestDiploma: z.enum(DIPLOMAS),
    earlySchoolLeaver: z.object({ reportedOn: isoDate, source: z.string().trim().min(2).max(200) }).strict().nullish(),
    note: z.string().trim().max(5000).nullish(),
  })
  .strict();
export type SchoolRecordInput = z.infer<typeof schoolRecordBody>;

export const schoolRecordItem = z.object({
  /** False until a record was saved; the fields are then defaults. */
  recorded: z.boolean(),
  /** 16–27 today: the school record is kept for young people. */
  youngPerson: z.boolean(),
  currentEducation: z.enum(EDUCATION_LEVELS),
  schoolName: z.string().nullable(),
  enrolledSince: z.string().nullable(),
  highestDiploma: z.enum(DIPLOMAS),
  startQualification: z.boolean(),
  earlySchoolLeaver: z.object({ reportedOn: z.string(), source: z.string() }).nullable(),
  backInEducation: z.object({ since: z.string() }).nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
  policies: z.object({ update: z.boolean() }),
});

export const backInEducationItem = z.object({
  client: z.object({ id: z.string(), firstName: z.string(), lastName: z.string(), clientNumber: z.string(), age: z.number().int() }),
  coach: z.string().nullable(),
  currentEducation: z.enum(EDUCATION_LEVELS),
  schoolName: z.string().nullable(),
  since: z.string(),
  earlySchoolLeaverReportedOn: z.string().nullable(),
});
