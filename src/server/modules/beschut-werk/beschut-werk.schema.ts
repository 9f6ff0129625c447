import { z } from 'zod';
import { BESCHUT_STATUSES } from '../../../shared/placements.ts';
import { isoDate } from '../clients/clients.schema.ts';
import { createPlacementBody } from '../placements/placements.schema.ts';

const figure = z.number().int().nullable();

export const overviewQuery = z.object({ year: z.coerce.number().int().min(2015).max(2100) });
export const overviewResponse = z.object({
  year: z.number().int(),
  /** The date the figures describe: the end of the year, or today for the current year. */
  on: z.string(),
  /** False when counts of 1–4 are suppressed (null) for the caller. */
  exact: z.boolean(),
  items: z.array(
    z.object({
      municipality: z.object({ id: z.string(), name: z.string() }),
      quota: z.number().int().nullable(),
      realised: figure,
      waiting: figure,
      inAssessment: figure,
      werkfit: figure,
      policies: z.object({ editQuota: z.boolean() }),
    }),
  ),
});

export const quotaParams = z.object({ municipalityId: z.string().uuid(), year: z.coerce.number().int().min(2015).max(2100) });
export const quotaBody = z.object({ quota: z.number().int().min(0).max(100_000) }).strict();

export const requestBody = z.object({ requestedOn: isoDate, note: z.string().trim().max(2000).nullish() }).strict();
export const assessBody = z.object({ advice: z.enum(['positief', 'negatief']), assessedOn: isoDate }).strict();
export const werkfitBody = z.object({ startsOn: isoDate, note: z.string().trim().min(3).max(2000) }).strict();
export const placeBody = createPlacementBody.omit({ kind: true }).strict();

export const applicationItem = z.object({
  id: z.string(),
  status: z.enum(BESCHUT_STATUSES),
  municipality: z.object({ id: z.string(), name: z.string() }).nullable(),
  requestedOn: z.string(),
  advice: z.enum(['positief', 'negatief']).nullable(),
  assessedOn: z.string().nullable(),
  placedOn: z.string().nullable(),
  placementId: z.string().nullable(),
  werkfit: z.object({ startsOn: z.string(), note: z.string().nullable() }).nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
  policies: z.object({ assess: z.boolean(), place: z.boolean(), startWerkfit: z.boolean() }),
});

export const scopedApplicationItem = applicationItem.extend({
  client: z.object({ id: z.string(), firstName: z.string(), lastName: z.string(), clientNumber: z.string() }),
  coach: z.string().nullable(),
});

export const scopedQuery = z.object({
  status: z.enum(['in_beoordeling', 'positief']),
  municipalityId: z.string().uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
