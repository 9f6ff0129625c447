import { definePolicy } from './policy.ts';

type OrgOwned = { organisation_id: string };

/** Object rules for configuration records (teams, municipalities): administrators of the same organisation. */
export const configurationPolicy = definePolicy<OrgOwned, 'update'>({
  update: (actor, record) => actor.role === 'administrator' && actor.organisationId === record.organisation_id,
});
