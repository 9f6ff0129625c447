import { definePolicy } from '../../authz/policy.ts';
import { hasPermission } from '../../authz/permissions.ts';

type ContractRef = { organisation_id: string };

/** Rules on a contract: those who manage contracts (the administrator) change their own organisation's. */
export const contractPolicy = definePolicy<ContractRef, 'update'>({
  update: (actor, contract) => hasPermission(actor.role, 'contracts:manage') && actor.organisationId === contract.organisation_id,
});
