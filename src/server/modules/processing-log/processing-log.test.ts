import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/demo-accounts.ts';
import { seedDemo } from '../demo/demo-seed.ts';
import { describeEachDatabase, login } from '../../test/test-app.ts';
import { pseudonymiseBsn } from './processing-log.service.ts';

describeEachDatabase(
  'processing log',
  (t) => {
    const db = () => t().database.db;
    const ownClient = async () => {
      const coach = await db().selectFrom('users').selectAll().where('email', '=', DEMO_ACCOUNTS.coach.email).executeTakeFirstOrThrow();
      const client = await db().selectFrom('clients').selectAll().where('coach_id', '=', coach.id).orderBy('client_number').executeTakeFirstOrThrow();
      return { coach, client };
    };

    it('writes one record per data subject for a read, with trace context, activity, pseudonym and acting user', async () => {
      const { coach, client } = await ownClient();
      const s = await login(t().app, DEMO_ACCOUNTS.coach.email, DEMO_PASSWORD);
      const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
      const res = await s.get(`/api/clients/${client.id}`, { traceparent: `00-${traceId}-00f067aa0ba902b7-01` });
      expect(res.statusCode).toBe(200);
      const rows = await db().selectFrom('processing_log').selectAll().where('trace_id', '=', traceId).execute();
      expect(rows).toHaveLength(1);
      const row = rows[0]!;
      expect(row).toMatchObject({
        operation: 'clients.read',
        status: 'ok',
        user_id: coach.id,
        parent_span_id: '00f067aa0ba902b7',
        data_subject_id: pseudonymiseBsn(t().config.pseudonymKey, client.bsn),
        data_subject_id_type: 'bsn-pseudonym',
      });
      expect(row.span_id).toMatch(/^[0-9a-f]{16}$/);
      expect(row.ended_at.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      const activity = await db().selectFrom('processing_activities').select('code').where('id', '=', row.processing_activity_id).executeTakeFirstOrThrow();
      expect(activity.code).toBe('client-dossier');
      // The BSN itself appears nowhere in the log.
      const leaked = await sql<{ n: number }>`select count(*)::int as n from processing_log where data_subject_id = ${client.bsn}`.execute(db());
      expect(leaked.rows[0]!.n).toBe(0);
    });

    it('logs every client shown in a list or search, once each', async () => {
      const s = await login(t().app, DEMO_ACCOUNTS.coach.email, DEMO_PASSWORD);
      const traceId = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1';
      const res = await s.get('/api/clients?limit=7', { traceparent: `00-${traceId}-00f067aa0ba902b7-01` });
      const items = res.json().items as { id: string }[];
      expect(items.length).toBe(7);
      const rows = await db().selectFrom('processing_log').select(['data_subject_id', 'operation']).where('trace_id', '=', traceId).execute();
      expect(rows).toHaveLength(7);
      const pseudonyms = await db().selectFrom('clients').select('bsn_pseudonym').where('id', 'in', items.map((i) => i.id)).execute();
      expect(rows.map((r) => r.data_subject_id).sort()).toEqual(pseudonyms.map((p) => p.bsn_pseudonym).sort());
      expect(new Set(rows.map((r) => r.operation))).toEqual(new Set(['clients.list']));
    });

    it('writes nothing when the read is refused', async () => {
      const { client } = await ownClient();
      const outsider = await login(t().app, 'coach2@meedoen.demo', DEMO_PASSWORD);
      const traceId = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb2';
      expect((await outsider.get(`/api/clients/${client.id}`, { traceparent: `00-${traceId}-00f067aa0ba902b7-01` })).statusCode).toBe(404);
      expect(await db().selectFrom('processing_log').select('id').where('trace_id', '=', traceId).execute()).toHaveLength(0);
    });

    it('is append-only: the application cannot update, delete or truncate it', async () => {
      await expect(sql`update processing_log set status = 'error'`.execute(db())).rejects.toThrow(/append-only/);
      await expect(sql`delete from processing_log`.execute(db())).rejects.toThrow(/append-only/);
      await expect(sql`truncate processing_log`.execute(db())).rejects.toThrow(/append-only/);
    });

    it("shows a client's log to their coach, and the reading itself is logged", async () => {
      const { client } = await ownClient();
      const s = await login(t().app, DEMO_ACCOUNTS.coach.email, DEMO_PASSWORD);
      await s.get(`/api/clients/${client.id}`);
      const res = await s.get(`/api/clients/${client.id}/processing-log`);
      expect(res.statusCode).toBe(200);
      const items = res.json().items;
      expect(items.length).toBeGreaterThan(0);
      expect(items[0]).toMatchObject({ activity: { code: expect.any(String) }, user: { displayName: DEMO_ACCOUNTS.coach.displayName } });
      const again = (await s.get(`/api/clients/${client.id}/processing-log`)).json().items;
      expect(again[0].operation).toBe('processing-log.read');
    });

    it('lets the administrator read the log of one data subject by BSN, and refuses an invalid BSN', async () => {
      const { client } = await ownClient();
      const admin = await login(t().app, DEMO_ACCOUNTS.administrator.email, DEMO_PASSWORD);
      const res = await admin.get(`/api/processing-log?bsn=${client.bsn}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().items.length).toBeGreaterThan(0);
      const bad = await admin.get('/api/processing-log?bsn=123456789');
      expect(bad.statusCode).toBe(422);
      const coach = await login(t().app, DEMO_ACCOUNTS.coach.email, DEMO_PASSWORD);
      expect((await coach.get(`/api/processing-log?bsn=${client.bsn}`)).statusCode).toBe(403);
    });

    it('lists the register of processing activities', async () => {
      const admin = await login(t().app, DEMO_ACCOUNTS.administrator.email, DEMO_PASSWORD);
      const res = await admin.get('/api/processing-activities');
      expect(res.json().items.map((a: { code: string }) => a.code)).toEqual(expect.arrayContaining(['client-dossier', 'caseload-management']));
    });
  },
  { setup: async ({ database, config }) => void (await seedDemo(database.db, { clients: 40, pseudonymKey: config.pseudonymKey })) },
);
