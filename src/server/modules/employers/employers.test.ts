import { expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/demo-accounts.ts';
import { seedDemo } from '../demo/demo-seed.ts';
import { describeEachDatabase, login } from '../../test/test-app.ts';

describeEachDatabase(
  'employers',
  (t) => {
    const as = (role: keyof typeof DEMO_ACCOUNTS) => login(t().app, DEMO_ACCOUNTS[role].email, DEMO_PASSWORD);

    it('a coach adds an employer with a checked KvK number; the administrator changes and deactivates it under If-Match', async () => {
      const coach = await as('coach');
      const bad = await coach.send('POST', '/api/employers', { name: 'Bakkerij Test', kvkNumber: '1234', sector: 'horeca' });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().errors[0].path).toBe('body.kvkNumber');
      const created = await coach.send('POST', '/api/employers', {
        name: 'Bakkerij Test',
        kvkNumber: '1234 5678',
        sector: 'horeca',
        contactName: 'Els de Bakker',
        contactEmail: 'els@bakkerij.example',
        contactPhone: '0612345678',
      });
      expect(created.statusCode).toBe(201);
      const employer = created.json();
      expect(employer).toMatchObject({ kvkNumber: '12345678', active: true, contact: { name: 'Els de Bakker' }, runningPlacements: 0, policies: { update: true } });
      const twice = await coach.send('POST', '/api/employers', { name: 'Bakkerij Test 2', kvkNumber: '12345678', sector: 'horeca' });
      expect(twice.statusCode).toBe(409);
      expect(twice.json()).toMatchObject({ code: 'employer_taken', field: 'kvkNumber' });

      const admin = await as('administrator');
      expect((await admin.send('PATCH', `/api/employers/${employer.id}`, { active: false })).statusCode).toBe(428);
      const deactivated = await admin.send('PATCH', `/api/employers/${employer.id}`, { active: false }, { 'if-match': '"1"' });
      expect(deactivated.statusCode).toBe(200);
      expect(deactivated.json()).toMatchObject({ active: false, kvkNumber: '12345678', contact: { email: 'els@bakkerij.example' }, version: 2 });
      expect((await coach.send('PATCH', `/api/employers/${employer.id}`, { name: 'Oud' }, { 'if-match': '"1"' })).statusCode).toBe(412);

      const active = (await coach.get('/api/employers?q=bakkerij')).json();
      expect(active.items.map((e: { id: string }) => e.id)).not.toContain(employer.id);
      const all = (await coach.get('/api/employers?q=bakkerij&includeInactive=true')).json();
      expect(all.items.map((e: { id: string }) => e.id)).toContain(employer.id);
      expect((await coach.get('/api/employers?q=12345678&includeInactive=true')).json().total).toBe(1);
    });

    it('is closed to providers, partners, policy officers and clients', async () => {
      for (const role of ['provider_coach', 'partner', 'policy_officer', 'client'] as const) {
        const s = await as(role);
        expect((await s.get('/api/employers')).statusCode, role).toBe(403);
        expect((await s.send('POST', '/api/employers', { name: 'X BV', sector: 'overig' })).statusCode, role).toBe(403);
      }
    });
  },
  { setup: async ({ database, config }) => void (await seedDemo(database.db, { clients: 8, pseudonymKey: config.pseudonymKey })) },
);
