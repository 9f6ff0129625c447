import { completeBsn } from '../../shared/bsn.ts';
import type { Session } from './test-app.ts';

let bsnCursor = 70_000_000;

/** A fresh valid BSN per call (from a range the demo data does not use). */
export function nextBsn(): string {
  for (;;) {
    const bsn = completeBsn(String(bsnCursor++));
    if (bsn) return bsn;
  }
}

/** Registers a client through the API as the given session and returns the response body and ETag. */
export async function registerClient(session: Session, municipalityId: string, overrides: Record<string, unknown> = {}) {
  const res = await session.send('POST', '/api/clients', {
    bsn: nextBsn(),
    firstName: 'Test',
    lastName: `Cliënt ${bsnCursor}`,
    dateOfBirth: '1985-06-15',
    municipalityId,
    targetGroups: [],
    ...overrides,
  });
  if (res.statusCode !== 201) throw new Error(`register failed: ${res.statusCode} ${res.body}`);
  return { client: res.json(), etag: String(res.headers.etag) };
}
