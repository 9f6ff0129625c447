import { expect, it } from 'vitest';
import { addMonths, todayIso } from '../../../shared/dates.ts';
import { seedDemo } from '../demo/demo-seed.ts';
import { workFixtures } from '../placements/work.fixtures.ts';
import { describeEachDatabase } from '../../test/test-app.ts';

type Line = { municipality: { id: string; name: string }; quota: number | null; realised: number | null; waiting: number | null; inAssessment: number | null; werkfit: number | null };

describeEachDatabase(
  'beschut werk: quota, assessment, waiting list, placement and fitness trajectory',
  (t) => {
    const f = workFixtures(t);
    const today = todayIso();
    const year = Number(today.slice(0, 4));
    const lineOf = async (s: Awaited<ReturnType<typeof f.coach>>, municipalityId: string) =>
      ((await s.get(`/api/beschut-werk/overview?year=${year}`)).json().items as Line[]).find((l) => l.municipality.id === municipalityId)!;

    it('the administrator sets the quota; only the administrator may', async () => {
      const municipalityId = await f.municipalityId();
      const admin = await f.as('beheer@meedoen.demo');
      expect((await admin.send('PUT', `/api/beschut-werk/quotas/${municipalityId}/${year}`, { quota: 12 })).statusCode).toBe(204);
      expect((await admin.send('PUT', `/api/beschut-werk/quotas/${municipalityId}/${year}`, { quota: 14 })).statusCode).toBe(204);
      const overview = (await admin.get(`/api/beschut-werk/overview?year=${year}`)).json();
      expect(overview).toMatchObject({ year, on: today, exact: false });
      const line = overview.items.find((l: Line) => l.municipality.id === municipalityId);
      expect(line).toMatchObject({ quota: 14, policies: { editQuota: true } });
      const coach = await f.coach();
      expect((await coach.send('PUT', `/api/beschut-werk/quotas/${municipalityId}/${year}`, { quota: 1 })).statusCode).toBe(403);
      expect((await lineOf(coach, municipalityId)).quota).toBe(14);
      const past = (await admin.get(`/api/beschut-werk/overview?year=${year - 1}`)).json();
      expect(past.on).toBe(`${year - 1}-12-31`);
    });

    it('moves clients from assessment to the waiting list, into a place or a fitness trajectory, and counts them', async () => {
      const s = await f.coach();
      const municipalityId = await f.municipalityId();
      const before = await lineOf(s, municipalityId);
      const employer = await f.newEmployer(s, { sector: 'sociaal_ontwikkelbedrijf' });
      const [a, b, c] = [await f.newClient(s), await f.newClient(s), await f.newClient(s)];
      const apply = async (clientId: string) => (await s.send('POST', `/api/clients/${clientId}/beschut-werk`, { requestedOn: addMonths(today, -3) })).json();
      const [appA, appB, appC] = [await apply(a.id), await apply(b.id), await apply(c.id)];
      expect(appA).toMatchObject({ status: 'in_beoordeling', policies: { assess: true, place: false } });
      expect((await s.send('POST', `/api/clients/${a.id}/beschut-werk`, { requestedOn: today })).statusCode).toBe(409);
      expect((await lineOf(s, municipalityId)).inAssessment).toBe(before.inAssessment! + 3);

      const assess = (id: string, advice: string) => s.send('POST', `/api/beschut-werk/applications/${id}/assessment`, { advice, assessedOn: addMonths(today, -1) }, { 'if-match': '"1"' });
      expect((await assess(appA.id, 'positief')).json()).toMatchObject({ status: 'positief', advice: 'positief', policies: { place: true, startWerkfit: true } });
      await assess(appB.id, 'positief');
      expect((await assess(appC.id, 'negatief')).json().status).toBe('negatief');
      expect((await assess(appA.id, 'negatief')).statusCode).toBe(409);
      let line = await lineOf(s, municipalityId);
      expect(line).toMatchObject({ inAssessment: before.inAssessment, waiting: before.waiting! + 2 });
      const waiting = (await s.get(`/api/beschut-werk/applications?status=positief&municipalityId=${municipalityId}`)).json().items;
      expect(waiting.map((w: { client: { id: string } }) => w.client.id)).toEqual(expect.arrayContaining([a.id, b.id]));

      // Placing from the waiting list makes a beschut werk placement and takes the client off the list.
      const placed = await s.send('POST', `/api/beschut-werk/applications/${appA.id}/placement`, { employerId: employer.id, startsOn: today, hoursPerWeek: 20, wageSubsidy: { percentage: 60 } }, { 'if-match': '"2"' });
      expect(placed.statusCode).toBe(201);
      expect(placed.json()).toMatchObject({ kind: 'beschut_werk', status: 'lopend', ladderPrompt: { impliedStep: 5, taskCreated: true } });
      expect((await s.get(`/api/clients/${a.id}/beschut-werk`)).json().items[0]).toMatchObject({ status: 'geplaatst', placedOn: today, placementId: placed.json().id });
      // No place for B: a fitness trajectory instead.
      const werkfit = await s.send('POST', `/api/beschut-werk/applications/${appB.id}/werkfit`, { startsOn: today, note: 'Eerst werkfit worden bij De Brug' }, { 'if-match': '"2"' });
      expect(werkfit.json()).toMatchObject({ status: 'werkfit', werkfit: { startsOn: today } });

      line = await lineOf(s, municipalityId);
      expect(line).toMatchObject({ realised: before.realised! + 1, waiting: before.waiting, werkfit: before.werkfit! + 1 });
      const timeline = (await s.get(`/api/clients/${a.id}/timeline`)).json().items.map((e: { kind: string }) => e.kind);
      expect(timeline.slice(0, 3)).toEqual(['placement.started', 'beschut.assessed', 'beschut.requested']);
    });

    it('suppresses small counts for the policy officer, and gives providers and partners nothing', async () => {
      const officer = await f.as('beleid@meedoen.demo');
      const overview = (await officer.get(`/api/beschut-werk/overview?year=${year}`)).json();
      expect(overview.exact).toBe(false);
      for (const line of overview.items as Line[]) {
        for (const n of [line.realised, line.waiting, line.inAssessment, line.werkfit]) expect(n === null || n === 0 || n >= 5).toBe(true);
      }
      expect((await officer.get('/api/beschut-werk/applications?status=positief')).statusCode).toBe(403);
      for (const email of ['aanbieder@meedoen.demo', 'partner@meedoen.demo']) {
        const s = await f.as(email);
        expect((await s.get(`/api/beschut-werk/overview?year=${year}`)).statusCode).toBe(403);
        expect((await s.get('/api/beschut-werk/applications?status=positief')).statusCode).toBe(403);
      }
    });
  },
  { setup: async ({ database, config }) => void (await seedDemo(database.db, { clients: 12, pseudonymKey: config.pseudonymKey })) },
);
