import { expect, it } from 'vitest';
import { addMonths, todayIso } from '../../../shared/dates.ts';
import { PLACEMENT_KINDS } from '../../../shared/placements.ts';
import { seedDemo } from '../demo/demo-seed.ts';
import { describeEachDatabase } from '../../test/test-app.ts';
import { workFixtures } from './work.fixtures.ts';

describeEachDatabase(
  'placements: kinds, afspraakbaan trial and contract, ETags and the ladder prompt',
  (t) => {
    const f = workFixtures(t);
    const today = todayIso();
    const lastMonth = addMonths(today, -1);

    it('starts a placement of every kind that is open to the client, and refuses what the kind does not allow', async () => {
      const s = await f.coach();
      const employer = await f.newEmployer(s);
      const client = await f.newClient(s);
      await f.registerInDoelgroepregister(s, client.id, addMonths(today, -3));
      await s.send('PUT', `/api/clients/${client.id}/work-profile`, { doelgroepregister: true, doelgroepregisterOn: addMonths(today, -3), wswHistory: true, wswEndedOn: '2019-06-30' }, { 'if-match': '"1"' });
      const beschut = await s.send('POST', `/api/clients/${client.id}/beschut-werk`, { requestedOn: addMonths(today, -4) });
      await s.send('POST', `/api/beschut-werk/applications/${beschut.json().id}/assessment`, { advice: 'positief', assessedOn: addMonths(today, -2) }, { 'if-match': '"1"' });

      for (const kind of PLACEMENT_KINDS) {
        const body = { kind, startsOn: lastMonth, hoursPerWeek: 16, ...(kind === 'mantelzorg' ? {} : { employerId: employer.id }) };
        const res = await s.send('POST', `/api/clients/${client.id}/placements`, body);
        expect(res.statusCode, `${kind}: ${res.body}`).toBe(201);
        expect(res.json()).toMatchObject({ kind, status: 'lopend', startsOn: lastMonth, hoursPerWeek: 16 });
      }
      const listed = (await s.get(`/api/clients/${client.id}/placements`)).json();
      expect(listed.items).toHaveLength(PLACEMENT_KINDS.length);
      expect(listed.policies.create).toBe(true);
      expect(listed.items.find((p: { kind: string }) => p.kind === 'regulier').impliedLadderStep).toBe(6);
      expect(listed.items.find((p: { kind: string }) => p.kind === 'vrijwilligerswerk').impliedLadderStep).toBe(4);

      const refuse = async (body: Record<string, unknown>) => (await s.send('POST', `/api/clients/${client.id}/placements`, { startsOn: today, ...body })).json();
      expect(await refuse({ kind: 'regulier' })).toMatchObject({ code: 'employer_required', field: 'employerId' });
      expect(await refuse({ kind: 'mantelzorg', employerId: employer.id })).toMatchObject({ code: 'field_not_allowed', field: 'employerId' });
      expect(await refuse({ kind: 'vrijwilligerswerk', wageSubsidy: { percentage: 40 } })).toMatchObject({ code: 'field_not_allowed', field: 'wageSubsidy' });
      expect(await refuse({ kind: 'mantelzorg', jobCoach: { organisation: 'Jobcoach BV' } })).toMatchObject({ code: 'field_not_allowed', field: 'jobCoach' });
      expect(await refuse({ kind: 'regulier', employerId: employer.id, trialEndsOn: addMonths(today, 1) })).toMatchObject({ code: 'field_not_allowed', field: 'trialEndsOn' });
      expect(await refuse({ kind: 'regulier', employerId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ code: 'unknown_reference' });
      // The waiting list was used up by the first beschut werk placement.
      expect(await refuse({ kind: 'beschut_werk', employerId: employer.id })).toMatchObject({ code: 'beschut_advice_required' });
    });

    it('keeps the SW closed to new inflow, but lets someone return who worked in it before', async () => {
      const s = await f.coach();
      const sw = await f.newEmployer(s, { sector: 'sociaal_ontwikkelbedrijf' });
      const client = await f.newClient(s);
      const refused = await s.send('POST', `/api/clients/${client.id}/placements`, { kind: 'sw', employerId: sw.id, startsOn: today });
      expect(refused.statusCode).toBe(422);
      expect(refused.json()).toMatchObject({ code: 'sw_closed' });
      expect(refused.json().detail).toContain('closed to new inflow');

      const saved = await s.send('PUT', `/api/clients/${client.id}/work-profile`, { doelgroepregister: false, wswHistory: true, wswEndedOn: '2018-03-31' }, { 'if-match': '"0"' });
      expect(saved.statusCode).toBe(200);
      const back = await s.send('POST', `/api/clients/${client.id}/placements`, { kind: 'sw', employerId: sw.id, startsOn: today });
      expect(back.statusCode).toBe(201);
      // A second return needs no declaration any more: the earlier SW placement is the proof.
      await s.send('PUT', `/api/clients/${client.id}/work-profile`, { doelgroepregister: false, wswHistory: false }, { 'if-match': '"1"' });
      expect((await s.send('POST', `/api/clients/${client.id}/placements`, { kind: 'sw', employerId: sw.id, startsOn: today })).statusCode).toBe(201);
    });

    it('registers an afspraakbaan only for a client in the doelgroepregister, with a trial period and then the contract', async () => {
      const s = await f.coach();
      const employer = await f.newEmployer(s);
      const client = await f.newClient(s);
      const trial = { kind: 'afspraakbaan', employerId: employer.id, startsOn: lastMonth, trialEndsOn: addMonths(today, 1), hoursPerWeek: 24, wageSubsidy: { percentage: 35 }, jobCoach: { organisation: 'Jobcoach Rivierenland' } };
      expect((await s.send('POST', `/api/clients/${client.id}/placements`, trial)).json()).toMatchObject({ code: 'doelgroepregister_required' });
      // Registered only after the start date is not enough either.
      await f.registerInDoelgroepregister(s, client.id, today);
      expect((await s.send('POST', `/api/clients/${client.id}/placements`, trial)).json().code).toBe('doelgroepregister_required');
      const profile = (await s.get(`/api/clients/${client.id}/work-profile`)).json();
      await s.send('PUT', `/api/clients/${client.id}/work-profile`, { doelgroepregister: true, doelgroepregisterOn: addMonths(today, -6), wswHistory: false }, { 'if-match': `"${profile.version}"` });

      const created = await s.send('POST', `/api/clients/${client.id}/placements`, trial);
      expect(created.statusCode).toBe(201);
      const placement = created.json();
      expect(placement).toMatchObject({
        afspraakbaan: { phase: 'proefplaatsing', trialStartsOn: lastMonth, trialEndsOn: addMonths(today, 1), contractStartsOn: null },
        wageSubsidy: { percentage: 35, amountCents: null },
        jobCoach: { organisation: 'Jobcoach Rivierenland' },
        policies: { update: true, end: true, startContract: true },
      });
      expect(created.headers.etag).toBe('"1"');

      const early = await s.send('POST', `/api/placements/${placement.id}/contract`, { contractStartsOn: lastMonth }, { 'if-match': '"1"' });
      expect(early.json()).toMatchObject({ code: 'validation_failed', field: 'contractStartsOn' });
      const contract = await s.send('POST', `/api/placements/${placement.id}/contract`, { contractStartsOn: today, hoursPerWeek: 28 }, { 'if-match': '"1"' });
      expect(contract.statusCode).toBe(200);
      expect(contract.json()).toMatchObject({ afspraakbaan: { phase: 'contract', trialStartsOn: lastMonth, contractStartsOn: today }, hoursPerWeek: 28, policies: { startContract: false } });
      expect(contract.json().afspraakbaan.trialEndsOn < today).toBe(true);
      const again = await s.send('POST', `/api/placements/${placement.id}/contract`, { contractStartsOn: today }, { 'if-match': '"2"' });
      expect(again.statusCode).toBe(403);

      const timeline = (await s.get(`/api/clients/${client.id}/timeline`)).json().items;
      expect(timeline.map((e: { kind: string }) => e.kind).slice(0, 2)).toEqual(['placement.contract', 'placement.started']);
      expect(timeline[1].summary).toContain(`afspraakbaan bij ${employer.name} (proefplaatsing tot`);
    });

    it('ends a placement with an outcome; stopping needs a reason; an ended placement is closed', async () => {
      const s = await f.coach();
      const client = await f.newClient(s);
      const placement = (await s.send('POST', `/api/clients/${client.id}/placements`, { kind: 'vrijwilligerswerk', startsOn: lastMonth, activity: 'Gastvrouw in het buurthuis' })).json();
      const noReason = await s.send('POST', `/api/placements/${placement.id}/end`, { endedOn: today, outcome: 'gestopt' }, { 'if-match': '"1"' });
      expect(noReason.json()).toMatchObject({ code: 'validation_failed', field: 'outcomeReason' });
      const future = await s.send('POST', `/api/placements/${placement.id}/end`, { endedOn: addMonths(today, 1), outcome: 'afgerond' }, { 'if-match': '"1"' });
      expect(future.json()).toMatchObject({ code: 'validation_failed', field: 'endedOn' });
      const ended = await s.send('POST', `/api/placements/${placement.id}/end`, { endedOn: today, outcome: 'gestopt', outcomeReason: 'Gezondheid laat het niet toe' }, { 'if-match': '"1"' });
      expect(ended.statusCode).toBe(200);
      expect(ended.json()).toMatchObject({ status: 'beeindigd', outcome: 'gestopt', outcomeReason: 'Gezondheid laat het niet toe', policies: { update: false, end: false } });
      const closed = await s.send('PATCH', `/api/placements/${placement.id}`, { hoursPerWeek: 8 }, { 'if-match': '"2"' });
      expect(closed.statusCode).toBe(409);
      expect(closed.json().code).toBe('closed_to_changes');
      const timeline = (await s.get(`/api/clients/${client.id}/timeline`)).json().items;
      expect(timeline[0]).toMatchObject({ kind: 'placement.ended' });
      expect(timeline[0].summary).toContain('gestopt (Gezondheid laat het niet toe)');
    });

    it('changes a placement only with the current ETag (428 without, 412 when stale)', async () => {
      const s = await f.coach();
      const employer = await f.newEmployer(s);
      const client = await f.newClient(s);
      const placement = (await s.send('POST', `/api/clients/${client.id}/placements`, { kind: 'participatiebaan', employerId: employer.id, startsOn: lastMonth })).json();
      expect((await s.send('PATCH', `/api/placements/${placement.id}`, { hoursPerWeek: 20 })).statusCode).toBe(428);
      const first = await s.send('PATCH', `/api/placements/${placement.id}`, { hoursPerWeek: 20, wageSubsidy: { amountCents: 85_000 } }, { 'if-match': '"1"' });
      expect(first.statusCode).toBe(200);
      expect(first.headers.etag).toBe('"2"');
      expect(first.json()).toMatchObject({ hoursPerWeek: 20, wageSubsidy: { percentage: null, amountCents: 85_000 } });
      const stale = await s.send('PATCH', `/api/placements/${placement.id}`, { hoursPerWeek: 32 }, { 'if-match': '"1"' });
      expect(stale.statusCode).toBe(412);
      expect(stale.json()).toMatchObject({ code: 'precondition_failed', currentVersion: 2 });
      const cleared = await s.send('PATCH', `/api/placements/${placement.id}`, { wageSubsidy: null }, { 'if-match': '"2"' });
      expect(cleared.json()).toMatchObject({ wageSubsidy: null, hoursPerWeek: 20 });
      const staleProfile = await s.send('PUT', `/api/clients/${client.id}/work-profile`, { doelgroepregister: false, wswHistory: false }, { 'if-match': '"3"' });
      expect(staleProfile.statusCode).toBe(412);
    });

    it("asks the coach to measure the ladder when a placement implies another step than the client's", async () => {
      const s = await f.coach();
      const employer = await f.newEmployer(s);
      const client = await f.newClient(s);
      // Step 4 measured: volunteering implies 4, so no task; a regular job without support implies 6.
      await s.send('POST', `/api/clients/${client.id}/ladder`, { measuredOn: today, occasion: 'other', answers: { paidWork: false, unpaidWorkWithResponsibility: true }, growthPotential: 5 });
      const volunteering = await s.send('POST', `/api/clients/${client.id}/placements`, { kind: 'vrijwilligerswerk', startsOn: today });
      expect(volunteering.json().ladderPrompt).toEqual({ impliedStep: 4, currentStep: 4, taskCreated: false });
      expect((await f.openTasks(s, client.id)).filter((x) => x.kind === 'ladder_meting')).toEqual([]);

      const job = await s.send('POST', `/api/clients/${client.id}/placements`, { kind: 'regulier', employerId: employer.id, startsOn: today });
      expect(job.json().ladderPrompt).toEqual({ impliedStep: 6, currentStep: 4, taskCreated: true });
      const supported = await s.send('POST', `/api/clients/${client.id}/placements`, { kind: 'regulier', employerId: employer.id, startsOn: today, jobCoach: { organisation: 'Jobcoach BV' } });
      expect(supported.json().ladderPrompt.impliedStep).toBe(5);
      const tasks = (await f.openTasks(s, client.id)).filter((x) => x.kind === 'ladder_meting');
      expect(tasks.map((x) => x.title)).toEqual(['Ladder meten: plaatsing gestart', 'Ladder meten: plaatsing gestart']);

      // Ending the volunteering leaves the jobs running (steps 6 and 5, not 4): measure again.
      const ended = await s.send('POST', `/api/placements/${volunteering.json().id}/end`, { endedOn: today, outcome: 'afgerond' }, { 'if-match': '"1"' });
      expect(ended.json().ladderPrompt).toEqual({ impliedStep: 6, currentStep: 4, taskCreated: true });
      expect((await f.openTasks(s, client.id)).map((x) => x.title)).toContain('Ladder meten: plaatsing beëindigd');
    });
  },
  { setup: async ({ database, config }) => void (await seedDemo(database.db, { clients: 12, pseudonymKey: config.pseudonymKey })) },
);
