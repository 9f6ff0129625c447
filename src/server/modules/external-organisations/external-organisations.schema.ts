import { z } from 'zod';
import { PARTNER_KINDS } from '../../../shared/referrals.ts';

const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((v) => (v ? v : null));

/** Contact person of a provider or partner; empty strings clear a field. */
export const contactFields = {
  contactName: optionalText(120),
  contactEmail: z.string().trim().email().max(254).nullish().or(z.literal('')).transform((v) => (v ? v : null)),
  contactPhone: optionalText(30),
};

export const externalOrganisationItem = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['provider', 'partner']),
  partnerKind: z.enum(PARTNER_KINDS).nullable(),
  active: z.boolean(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  policies: z.object({ update: z.boolean() }),
});

export const externalOrganisationList = z.object({ items: z.array(externalOrganisationItem) });

/** The administrator adds network partners here; providers are added under /api/providers. */
export const createPartnerBody = z
  .object({ kind: z.literal('partner'), name: z.string().trim().min(1).max(120), partnerKind: z.enum(PARTNER_KINDS), ...contactFields })
  .strict();
export type CreatePartnerInput = z.infer<typeof createPartnerBody>;

export const updateExternalOrganisationBody = z
  .object({ name: z.string().trim().min(1).max(120), active: z.boolean(), partnerKind: z.enum(PARTNER_KINDS), ...contactFields })
  .partial()
  .strict();
export type UpdateExternalOrganisationInput = z.infer<typeof updateExternalOrganisationBody>;

export const externalOrganisationIdParams = z.object({ id: z.string().uuid() });
