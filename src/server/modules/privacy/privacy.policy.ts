import { definePolicy } from '../../authz/policy.ts';
import { clientPolicy } from '../clients/clients.policy.ts';

type ClientRef = Parameters<typeof clientPolicy.read>[1];

/**
 * Who may make a copy of all data about a client (AVG inzage). The copy holds the processing log
 * and the confidential notes, so it follows the rule of the processing log: the client themself,
 * and on the client's request their own coach or the team lead, who often handle such a request.
 */
export const privacyPolicy = definePolicy<ClientRef, 'exportData'>({
  exportData: clientPolicy.readProcessingLog,
});
