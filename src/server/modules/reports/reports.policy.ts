import { hasPermission } from '../../authz/permissions.ts';
import { definePolicy } from '../../authz/policy.ts';

type OrgOwned = { organisation_id: string };

/**
 * Who may do what with a council report of their own organisation: write its explanation texts
 * (policy officers and administrators), and see the performance agreements in it (those who read
 * the agreements; a provider's report has none, the agreements are between the service and its
 * municipalities).
 */
export const councilReportPolicy = definePolicy<OrgOwned, 'editTexts' | 'readAgreements'>({
  editTexts: (actor, report) => actor.organisationId === report.organisation_id && hasPermission(actor.role, 'reports:write-texts'),
  readAgreements: (actor, report) => actor.organisationId === report.organisation_id && hasPermission(actor.role, 'agreements:read'),
});

/** The CBS export holds every client's BSN: only the administrator (functioneel beheerder) makes it. */
export const statisticsExportPolicy = definePolicy<OrgOwned, 'download'>({
  download: (actor, organisation) => actor.organisationId === organisation.organisation_id && hasPermission(actor.role, 'exports:cbs'),
});
