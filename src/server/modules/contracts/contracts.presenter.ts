import type { Actor } from '../../authz/actor.ts';
import { configurationPolicy } from '../../authz/configuration.policy.ts';
import { abilitiesOf } from '../../authz/policy.ts';
import type { ReferralStatus } from '../../db/schema.ts';
import { contractPolicy } from './contracts.policy.ts';
import type { ContractRow, ProviderRow } from './contracts.repository.ts';
import type { ContractItem } from './contracts.schema.ts';

/** A contract with what the presenter needs besides its row. */
export type ContractView = { row: ContractRow; municipalities: { id: string; name: string }[]; counts: Partial<Record<ReferralStatus, number>> };

/** Referrals against capacity and spend against budget, from the referral counts per state. */
export function contractUseOf(capacity: number, priceCents: number, counts: Partial<Record<ReferralStatus, number>>) {
  const n = (status: ReferralStatus) => counts[status] ?? 0;
  const open = n('requested') + n('accepted') + n('active');
  const started = n('active') + n('completed') + n('stopped') + n('transferred');
  return {
    requested: n('requested'),
    inUse: n('accepted') + n('active'),
    completed: n('completed'),
    ended: n('stopped') + n('transferred'),
    available: Math.max(0, capacity - open),
    spentCents: priceCents * started,
    budgetCents: priceCents * capacity,
  };
}

/** The fields of a contract that leave the server. */
export function presentContract(actor: Actor, { row, municipalities, counts }: ContractView): ContractItem {
  return {
    id: row.id,
    provider: { id: row.provider_id, name: row.provider_name },
    product: row.product,
    ladderFrom: row.ladder_from,
    ladderTo: row.ladder_to,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    priceCents: row.price_cents,
    capacity: row.capacity,
    durationMonths: row.duration_months,
    notes: row.notes,
    municipalities,
    version: row.version,
    use: contractUseOf(row.capacity, row.price_cents, counts),
    policies: abilitiesOf(actor, contractPolicy, row),
  };
}

/** A provider with its contact person and how many contracts it has (and runs today). */
export function presentProvider(actor: Actor, row: ProviderRow) {
  return {
    id: row.id,
    name: row.name,
    active: row.active,
    contactName: row.contact_name,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    contracts: Number(row.contracts),
    activeContracts: Number(row.active_contracts),
    policies: abilitiesOf(actor, configurationPolicy, row),
  };
}
