import { definePolicy } from '../../authz/policy.ts';

type EmployerRef = { organisation_id: string };

/**
 * Object rules for an employer. Who may manage employers at all is the permission
 * 'employers:manage' (administrators, coaches and team leads, who add the employers they work
 * with); the object rule keeps it within the organisation.
 */
export const employerPolicy = definePolicy<EmployerRef, 'update'>({
  update: (actor, employer) => actor.organisationId === employer.organisation_id,
});
