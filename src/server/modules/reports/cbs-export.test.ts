import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../../shared/kpi.ts';
import { provisionTypeOfTrajectory, provisionTypesOfPlacement, srgCsv, srgRecords, SRG_COLUMNS } from './cbs-export.ts';
import type { StatisticsPlacementRow, StatisticsTrajectoryRow } from './reports.repository.ts';

const period = parsePeriod('2026');

const trajectory = (over: Partial<StatisticsTrajectoryRow>): StatisticsTrajectoryRow => ({
  id: 't1', bsn: '111222333', bsn_pseudonym: 'p1', status: 'active', started_on: '2025-10-01', ended_on: null, ladder_to: 2, cbs_code: 'GM0344', ...over,
});
const placement = (over: Partial<StatisticsPlacementRow>): StatisticsPlacementRow => ({
  id: 'p1', bsn: '012345672', bsn_pseudonym: 'p2', kind: 'participatiebaan', starts_on: '2026-02-01', ended_on: null, outcome: null, wage_subsidy: false, job_coach: false, cbs_code: 'GM0200', ...over,
});

describe('CBS export (SRG): mapping provisions', () => {
  it('maps each placement kind, and its instruments, to SRG provision types', () => {
    expect(provisionTypesOfPlacement(placement({ kind: 'participatiebaan' }))).toEqual(['PP']);
    expect(provisionTypesOfPlacement(placement({ kind: 'meedoenbaan', job_coach: true }))).toEqual(['PP', 'JC']);
    expect(provisionTypesOfPlacement(placement({ kind: 'beschut_werk', wage_subsidy: true }))).toEqual(['BW']);
    expect(provisionTypesOfPlacement(placement({ kind: 'afspraakbaan', wage_subsidy: true, job_coach: true }))).toEqual(['LKS', 'JC']);
    expect(provisionTypesOfPlacement(placement({ kind: 'regulier', wage_subsidy: false }))).toEqual([]);
    expect(provisionTypesOfPlacement(placement({ kind: 'werkervaringsplaats' }))).toEqual(['WEP']);
    expect(provisionTypesOfPlacement(placement({ kind: 'vrijwilligerswerk' }))).toEqual(['SA']);
    expect(provisionTypesOfPlacement(placement({ kind: 'mantelzorg' }))).toEqual([]);
    expect(provisionTypesOfPlacement(placement({ kind: 'sw', job_coach: true }))).toEqual(['JC']);
  });

  it('calls a trajectory social activation up to step 4, and a trajectory to work above it or without a contract', () => {
    expect(provisionTypeOfTrajectory({ ladder_to: 2 })).toBe('SA');
    expect(provisionTypeOfTrajectory({ ladder_to: 4 })).toBe('SA');
    expect(provisionTypeOfTrajectory({ ladder_to: 5 })).toBe('TW');
    expect(provisionTypeOfTrajectory({ ladder_to: null })).toBe('TW');
  });

  it('reports an end inside the period as ended, and an end after it as still running', () => {
    const records = srgRecords(
      {
        trajectories: [
          trajectory({ id: 'a', ended_on: '2026-05-31', status: 'stopped' }),
          trajectory({ id: 'b', ended_on: '2027-01-15', status: 'completed' }),
          trajectory({ id: 'c', ended_on: '2026-12-31', status: 'completed' }),
        ],
        placements: [placement({ id: 'd', ended_on: '2026-03-01', outcome: 'uitstroom' })],
      },
      period,
    );
    const byRef = Object.fromEntries(records.map((r) => [r.reference, r]));
    expect(byRef.a).toMatchObject({ status: 'beeindigd', end: '2026-05-31', endReason: 'voortijdig_gestopt', type: 'SA', source: 'traject' });
    expect(byRef.b).toMatchObject({ status: 'lopend', end: null, endReason: null });
    expect(byRef.c).toMatchObject({ status: 'beeindigd', end: '2026-12-31', endReason: 'afgerond' });
    expect(byRef.d).toMatchObject({ status: 'beeindigd', endReason: 'uitstroom', type: 'PP', source: 'plaatsing' });
    // Sorted by municipality code first.
    expect(records[0]!.municipalityCode).toBe('GM0200');
  });

  it('writes the CSV: the columns, four-digit municipality codes, JJJJMMDD dates and the BSN as text with its leading zero', () => {
    const csv = srgCsv(srgRecords({ trajectories: [], placements: [placement({ ended_on: '2026-06-30', outcome: 'afgerond' })] }, period), period);
    const [header, line] = csv.slice(1).split('\r\n');
    expect(header).toBe(SRG_COLUMNS.join(';'));
    expect(line).toBe('2026;0200;012345672;PP;Participatieplaats (Participatiewet art. 10a);20260201;20260630;beeindigd;afgerond;plaatsing;p1');
  });
});
