import { hasPermission } from '../../authz/permissions.ts';
import { definePolicy, type Rule } from '../../authz/policy.ts';

type OrgOwned = { organisation_id: string };

/**
 * Performance agreements and the return assumptions are the organisation's configuration: those
 * who manage agreements (the administrator) change their own organisation's; others only read.
 */
const manages: Rule<OrgOwned> = (actor, record) => hasPermission(actor.role, 'agreements:manage') && actor.organisationId === record.organisation_id;

export const agreementPolicy = definePolicy<OrgOwned, 'create' | 'update' | 'delete'>({ create: manages, update: manages, delete: manages });
