import { z } from 'zod';

const exportValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);

/** The copy of all data as JSON: self-describing, every section with Dutch labels for its fields. */
export const dataExportSchema = z.object({
  format: z.literal('meedoen-inzage'),
  version: z.literal(1),
  createdAt: z.string(),
  controller: z.object({ name: z.string(), phone: z.string().nullable(), email: z.string().nullable(), visitingAddress: z.string().nullable() }),
  subject: z.object({ name: z.string(), clientNumber: z.string() }),
  explanation: z.array(z.string()),
  sections: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      about: z.string(),
      fields: z.array(z.object({ key: z.string(), label: z.string(), type: z.enum(['text', 'date', 'datetime', 'number', 'boolean', 'list']) })),
      rows: z.array(z.record(z.string(), exportValue)),
      notes: z.array(z.string()),
    }),
  ),
});
