import { randomBytes } from 'node:crypto';

/**
 * Ids for the rows one import creates, in ascending order. gen_random_uuid() puts every new
 * client at a random place in each index keyed by client id (the clients' primary key and the
 * client indexes of the ladder, route, municipality, timeline and KPI tables): 100,000 clients
 * then touch some hundred thousand random index pages, most of them read from disk and written
 * back. Ids that follow each other fill those indexes at one edge, page after page.
 *
 * Each id is a UUID of version 8 (RFC 9562, "custom"): 60 random bits drawn once per import, the
 * row's number within the import (28 bits: 268 million rows), and 20 random bits of its own. The
 * row number keeps the ids ascending; the random tail keeps one client's id from giving away the
 * ids of the others in the same file (scopes refuse them anyway, but an id should not be a
 * counter). Nothing about the client (no date, no BSN) is in it; two imports share a prefix with
 * odds of one in 2^60, and the primary key refuses a clash rather than mixing two clients up.
 */
export function importIds(): () => string {
  const prefix = randomBytes(8);
  prefix[6] = 0x80 | (prefix[6]! & 0x0f); // version 8
  const hex = prefix.toString('hex');
  // The variant bits (10) open the last eight bytes; the row number and the random tail fill the last six.
  const lead = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-8000-`;
  let next = 0;
  // Random bytes drawn a few thousand ids at a time: one randomBytes() call per id costs more than the id.
  let pool = Buffer.alloc(0);
  let offset = 0;
  return () => {
    if (next >= 2 ** 28) throw new Error('An import holds at most 268,435,456 rows');
    if (offset + 3 > pool.length) {
      pool = randomBytes(3 * 4096);
      offset = 0;
    }
    const tail = ((pool[offset]! << 12) | (pool[offset + 1]! << 4) | (pool[offset + 2]! >> 4)) >>> 0;
    offset += 3;
    return lead + (next++).toString(16).padStart(7, '0') + tail.toString(16).padStart(5, '0');
  };
}
