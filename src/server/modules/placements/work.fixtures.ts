import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/demo-accounts.ts';
import { registerClient } from '../../test/fixtures.ts';
import { login, type Session, type TestContext } from '../../test/test-app.ts';

let kvkCursor = 40_000_000;

/** Small factories for the placement, beschut werk, youth and tegenprestatie suites. */
export function workFixtures(t: () => TestContext) {
  const as = (email: string) => login(t().app, email, DEMO_PASSWORD);
  const coach = () => as(DEMO_ACCOUNTS.coach.email);
  const municipalityId = async () => (await t().database.db.selectFrom('municipalities').select('id').orderBy('name').executeTakeFirstOrThrow()).id;

  /** A fresh client in the demo coach's caseload. */
  async function newClient(s: Session, overrides: Record<string, unknown> = {}) {
    return (await registerClient(s, await municipalityId(), overrides)).client as { id: string; municipality: { id: string } };
  }

  /** A fresh employer with a unique KvK number. */
  async function newEmployer(s: Session, overrides: Record<string, unknown> = {}) {
    const res = await s.send('POST', '/api/employers', { name: `Werkgever ${kvkCursor}`, kvkNumber: String(kvkCursor++), sector: 'logistiek', ...overrides });
    if (res.statusCode !== 201) throw new Error(`employer failed: ${res.statusCode} ${res.body}`);
    return res.json() as { id: string; name: string; version: number };
  }

  /** Registers the client in the doelgroepregister banenafspraak from a date. */
  async function registerInDoelgroepregister(s: Session, clientId: string, since: string) {
    const current = await s.get(`/api/clients/${clientId}/work-profile`);
    const body = { ...current.json(), doelgroepregister: true, doelgroepregisterOn: since };
    delete body.version;
    delete body.policies;
    const res = await s.send('PUT', `/api/clients/${clientId}/work-profile`, body, { 'if-match': String(current.headers.etag) });
    if (res.statusCode !== 200) throw new Error(`work profile failed: ${res.statusCode} ${res.body}`);
  }

  /** The client's open tasks, as kind and title. */
  async function openTasks(s: Session, clientId: string) {
    return (await s.get(`/api/tasks?clientId=${clientId}&status=open`)).json().items as { kind: string; title: string }[];
  }

  return { as, coach, municipalityId, newClient, newEmployer, registerInDoelgroepregister, openTasks };
}
