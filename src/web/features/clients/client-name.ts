import type { ClientListItem } from '../../api/types.ts';

/** A client's name as lists show it: first name, last name. */
export function clientName(client: Pick<ClientListItem, 'firstName' | 'lastName'>): string {
  return `${client.firstName} ${client.lastName}`.trim();
}
