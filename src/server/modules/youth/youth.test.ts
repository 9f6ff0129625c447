import { expect, it } from 'vitest';
import { addMonths, todayIso } from '../../../shared/dates.ts';
import { seedDemo } from '../demo/demo-seed.ts';
import { workFixtures } from '../placements/work.fixtures.ts';
import { describeEachDatabase } from '../../test/test-app.ts';

describeEachDatabase(
  'young people: school, start qualification and back in education',
  (t) => {
    const f = workFixtures(t);
    const today = todayIso();
    const birth = (age: number) => addMonths(today, -12 * age - 2);

    it('derives the start qualification and flags a return to education, shown in the coach’s list', async () => {
      const s = await f.coach();
      const young = await f.newClient(s, { dateOfBirth: birth(19), targetGroups: ['jongere'] });
      const empty = await s.get(`/api/clients/${young.id}/school-record`);
      expect(empty.headers.etag).toBe('"0"');
      expect(empty.json()).toMatchObject({ recorded: false, youngPerson: true, startQualification: false, policies: { update: true } });

      // Out of school, reported by the RMC.
      const out = await s.send(
        'PUT',
        `/api/clients/${young.id}/school-record`,
        { currentEducation: 'geen', highestDiploma: 'vmbo', earlySchoolLeaver: { reportedOn: addMonths(today, -6), source: 'RMC Rivierenland' } },
        { 'if-match': '"0"' },
      );
      expect(out.statusCode).toBe(200);
      expect(out.json()).toMatchObject({ recorded: true, startQualification: false, backInEducation: null, earlySchoolLeaver: { source: 'RMC Rivierenland' }, version: 1 });
      const missingDate = await s.send('PUT', `/api/clients/${young.id}/school-record`, { currentEducation: 'mbo_2', highestDiploma: 'vmbo' }, { 'if-match': '"1"' });
      expect(missingDate.json()).toMatchObject({ code: 'validation_failed', field: 'enrolledSince' });

      // Back at school: mbo 2, no start qualification yet.
      const back = await s.send(
        'PUT',
        `/api/clients/${young.id}/school-record`,
        { currentEducation: 'mbo_2', schoolName: 'ROC Rivierenland', enrolledSince: addMonths(today, -1), highestDiploma: 'vmbo', earlySchoolLeaver: { reportedOn: addMonths(today, -6), source: 'RMC Rivierenland' } },
        { 'if-match': '"1"' },
      );
      expect(back.json()).toMatchObject({ startQualification: false, backInEducation: { since: addMonths(today, -1) } });
      const list = (await s.get('/api/youth/back-in-education')).json().items;
      expect(list.find((x: { client: { id: string } }) => x.client.id === young.id)).toMatchObject({ currentEducation: 'mbo_2', schoolName: 'ROC Rivierenland', since: addMonths(today, -1), client: { age: 19 } });
      const timeline = (await s.get(`/api/clients/${young.id}/timeline`)).json().items;
      expect(timeline[0].summary).toContain('terug naar onderwijs');

      expect((await s.send('PUT', `/api/clients/${young.id}/school-record`, { currentEducation: 'mbo_2', enrolledSince: today, highestDiploma: 'vmbo' }, { 'if-match': '"1"' })).statusCode).toBe(412);
      // The mbo 2 diploma is a start qualification: off the list.
      const diploma = await s.send('PUT', `/api/clients/${young.id}/school-record`, { currentEducation: 'mbo_3', schoolName: 'ROC Rivierenland', enrolledSince: today, highestDiploma: 'mbo_2' }, { 'if-match': '"2"' });
      expect(diploma.json()).toMatchObject({ startQualification: true, backInEducation: null });
      expect((await s.get('/api/youth/back-in-education')).json().items.map((x: { client: { id: string } }) => x.client.id)).not.toContain(young.id);
    });

    it('keeps the record for young people aged 16 to 27 only', async () => {
      const s = await f.coach();
      const adult = await f.newClient(s, { dateOfBirth: birth(35) });
      expect((await s.get(`/api/clients/${adult.id}/school-record`)).json()).toMatchObject({ youngPerson: false, policies: { update: false } });
      const res = await s.send('PUT', `/api/clients/${adult.id}/school-record`, { currentEducation: 'geen', highestDiploma: 'havo' }, { 'if-match': '"0"' });
      expect(res.statusCode).toBe(422);
      expect(res.json().code).toBe('not_a_young_person');
    });
  },
  { setup: async ({ database, config }) => void (await seedDemo(database.db, { clients: 8, pseudonymKey: config.pseudonymKey })) },
);
