import { z } from 'zod';
import { KPI_GROUPS, KPI_KEYS, kpiFigureSchema, kpiFilterSchema } from '../../../shared/kpi.ts';

/** The filters every KPI request takes (period required; municipality, route, group, provider optional). */
export const kpiQuerystring = kpiFilterSchema;

export const kpiKeyParams = z.object({ key: z.enum(KPI_KEYS) });

/** The clients behind one cell: its drill key and the same filters as the figure. */
export const kpiDrilldownQuery = kpiFilterSchema.extend({ cell: z.string().min(1).max(200) });

const option = z.object({ id: z.string(), name: z.string() });

/**
 * One figure as it leaves the server. The shared zod schema lists the fields; anything a figure
 * computed beyond them (the `basis` of a share) is stripped here even if a presenter forgot it.
 */
export const kpiFigureResponse = kpiFigureSchema;

/** Every registered figure for one period and set of filters, with what the caller may do and choose. */
export const kpiOverviewResponse = z.object({
  period: z.object({ key: z.string(), start: z.string(), end: z.string() }),
  scope: z.object({ kind: z.enum(['organisation', 'team', 'provider']) }),
  filters: z.object({
    period: z.string(),
    municipalityId: z.string().optional(),
    route: z.string().optional(),
    group: z.enum(KPI_GROUPS).optional(),
    providerId: z.string().optional(),
  }),
  /** When the figures were computed, and whether the data has changed since (then newer ones are on their way). */
  freshness: z.object({ computedAt: z.string(), upToDate: z.boolean() }),
  figures: z.array(kpiFigureSchema),
  policies: z.object({ drilldown: z.boolean() }),
  options: z.object({ municipalities: z.array(option), providers: z.array(option) }),
});

export const kpiDrilldownResponse = z.object({
  clients: z.array(
    z.object({
      id: z.string(),
      clientNumber: z.string(),
      name: z.string(),
      municipality: z.string().nullable(),
      coach: z.string().nullable(),
      ladderStep: z.number().int().nullable(),
    }),
  ),
  /** How many clients in the caller's scope are behind the cell; at most KPI_DRILLDOWN_LIMIT are listed. */
  total: z.number().int(),
});
