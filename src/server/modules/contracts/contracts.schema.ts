import { z } from 'zod';
import { isoDate } from '../clients/clients.schema.ts';
import { contactFields } from '../external-organisations/external-organisations.schema.ts';

const named = z.object({ id: z.string(), name: z.string() });
const step = z.number().int().min(1).max(6);

export const providerItem = z.object({
  id: z.string(),
  name: z.string(),
  active: z.boolean(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contracts: z.number().int(),
  activeContracts: z.number().int(),
  policies: z.object({ update: z.boolean() }),
});
export const providerList = z.object({ items: z.array(providerItem) });
export const createProviderBody = z.object({ name: z.string().trim().min(1).max(120), ...contactFields }).strict();
export const updateProviderBody = z.object({ name: z.string().trim().min(1).max(120), active: z.boolean(), ...contactFields }).partial().strict();

/**
 * How far a contract is used. inUse = accepted + active; ended = stopped + transferred;
 * spent = price × trajectories that started (active, completed, stopped, transferred);
 * budget = price × capacity; available = capacity − open referrals (requested, accepted, active).
 */
export const contractUse = z.object({
  requested: z.number().int(),
  inUse: z.number().int(),
  completed: z.number().int(),
  ended: z.number().int(),
  available: z.number().int(),
  spentCents: z.number().int(),
  budgetCents: z.number().int(),
});

export const contractItem = z.object({
  id: z.string(),
  provider: named,
  product: z.string(),
  ladderFrom: step.nullable(),
  ladderTo: step.nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  priceCents: z.number().int(),
  capacity: z.number().int(),
  durationMonths: z.number().int(),
  notes: z.string().nullable(),
  municipalities: z.array(named),
  version: z.number().int(),
  use: contractUse,
  policies: z.object({ update: z.boolean() }),
});
export type ContractItem = z.infer<typeof contractItem>;
export const contractList = z.object({ items: z.array(contractItem), total: z.number().int() });

export const contractListQuery = z.object({ providerId: z.string().uuid().optional(), activeOn: isoDate.optional(), municipalityId: z.string().uuid().optional() });
export type ContractFilter = z.infer<typeof contractListQuery>;

const contractFields = {
  providerId: z.string().uuid(),
  product: z.string().trim().min(1).max(200),
  ladderFrom: step.nullish(),
  ladderTo: step.nullish(),
  startsOn: isoDate,
  endsOn: isoDate,
  priceCents: z.number().int().min(0).max(100_000_000),
  capacity: z.number().int().min(1).max(100_000),
  durationMonths: z.number().int().min(1).max(36),
  notes: z.string().trim().max(2000).nullish(),
  municipalityIds: z.array(z.string().uuid()).min(1).max(50).transform((ids) => [...new Set(ids)]),
};
export const createContractBody = z.object({ ...contractFields, durationMonths: contractFields.durationMonths.default(12) }).strict();
export type CreateContractInput = z.infer<typeof createContractBody>;
export const updateContractBody = z.object(contractFields).partial().strict();
export type UpdateContractInput = z.infer<typeof updateContractBody>;

export const idParams = z.object({ id: z.string().uuid() });
