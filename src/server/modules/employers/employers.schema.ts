import { z } from 'zod';
import { EMPLOYER_SECTORS, KVK_PATTERN } from '../../../shared/placements.ts';

const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((v) => (v ? v : null));

/** A KvK number: eight digits; spaces are tolerated on input. */
const kvkNumber = z
  .string()
  .transform((v) => v.replace(/\s/g, ''))
  .refine((v) => v === '' || KVK_PATTERN.test(v), 'A KvK number has eight digits')
  .nullish()
  .transform((v) => (v ? v : null));

export const employerBody = z
  .object({
    name: z.string().trim().min(2).max(200),
    kvkNumber,
    contactName: optionalText(200),
    contactEmail: z.string().trim().email().max(254).nullish().or(z.literal('')).transform((v) => (v ? v : null)),
    contactPhone: optionalText(40),
    sector: z.enum(EMPLOYER_SECTORS),
    municipalityId: z.string().uuid().nullish(),
    active: z.boolean().optional(),
  })
  .strict();
export type EmployerInput = z.infer<typeof employerBody>;

export const employerPatchBody = employerBody.partial().strict();
export type EmployerPatch = z.infer<typeof employerPatchBody>;

export const employerItem = z.object({
  id: z.string(),
  name: z.string(),
  kvkNumber: z.string().nullable(),
  contact: z.object({ name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() }),
  sector: z.enum(EMPLOYER_SECTORS),
  municipality: z.object({ id: z.string(), name: z.string() }).nullable(),
  active: z.boolean(),
  runningPlacements: z.number().int(),
  version: z.number().int(),
  policies: z.object({ update: z.boolean() }),
});

export const employerListQuery = z.object({
  q: z.string().max(100).optional(),
  includeInactive: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
