import { z } from 'zod';

export const municipalityItem = z.object({
  id: z.string(),
  name: z.string(),
  cbsCode: z.string(),
  inhabitants: z.number().int().nullable(),
  policies: z.object({ update: z.boolean() }),
});
export const municipalityListResponse = z.object({ items: z.array(municipalityItem) });
export const municipalityBody = z
  .object({
    name: z.string().trim().min(1).max(120),
    cbsCode: z.string().trim().regex(/^GM\d{4}$/, 'CBS code is GM followed by four digits'),
    inhabitants: z.number().int().min(0).max(10_000_000).nullish(),
  })
  .strict();
export const updateMunicipalityBody = municipalityBody.partial().strict();
export const municipalityIdParams = z.object({ id: z.string().uuid() });
