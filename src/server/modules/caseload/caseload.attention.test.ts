import { describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../../shared/dates.ts';
import { attentionThresholds } from '../clients/clients.presenter.ts';
import { assess, attentionCodes, byAttention, caseloadCounts, matchesFilter, tallyAttention } from './caseload.attention.ts';
import type { CaseloadRow } from './caseload.repository.ts';

const today = '2026-11-27';
const thresholds = attentionThresholds(today);

/** A client on the benefit with nothing to attend to; each test changes what it needs. */
function row(over: Partial<CaseloadRow> = {}): CaseloadRow {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    client_number: 'C1',
    first_name: 'Anna',
    last_name: 'Jansen',
    date_of_birth: '1990-03-01',
    bsn_pseudonym: 'p1',
    route: 'werknemer',
    ladder_step: 3,
    ladder_measured_on: addMonths(today, -1),
    annual_conversation_on: addMonths(today, -1),
    open_signal_count: 0,
    target_groups: [],
    coach_id: null,
    benefit_ended_on: null,
    municipality_id: 'm1',
    municipality_name: 'Lingestad',
    coach_name: null,
    open_task_count: 0,
    overdue_task_count: 0,
    trajectory_ends_on: null,
    ...over,
  } as CaseloadRow;
}

describe('caseload attention', () => {
  it('names every reason in order of weight, and ranks a heavier reason above any set of lighter ones', () => {
    const everything = assess(row({ overdue_task_count: 1, open_signal_count: 2, trajectory_ends_on: addDays(today, 3), annual_conversation_on: null, ladder_measured_on: null, route: null }), thresholds);
    expect(attentionCodes(everything)).toEqual(['overdue_tasks', 'open_signals', 'trajectory_ending', 'annual_conversation_overdue', 'ladder_overdue', 'no_route']);
    const overdueOnly = assess(row({ overdue_task_count: 1 }), thresholds);
    const allLighter = assess(row({ open_signal_count: 1, trajectory_ends_on: addDays(today, 3), annual_conversation_on: null, ladder_measured_on: null, route: null }), thresholds);
    expect([allLighter, overdueOnly].sort(byAttention)[0]).toBe(overdueOnly);
    expect(attentionCodes(assess(row(), thresholds))).toEqual([]);
  });

  it('asks nothing of a client whose benefit has ended', () => {
    const left = assess(row({ benefit_ended_on: addDays(today, -1), overdue_task_count: 3, open_signal_count: 1, route: null }), thresholds);
    expect(left.outflowed).toBe(true);
    expect(attentionCodes(left)).toEqual([]);
  });

  it('orders equal attention by surname as a Dutch reader does, then by id', () => {
    const names = ['Zwart', 'de Vries', 'Çelik', 'Bakker', 'Bakker'].map((last_name, i) => assess(row({ last_name, id: `00000000-0000-4000-8000-00000000000${5 - i}` }), thresholds));
    expect(names.sort(byAttention).map((e) => [e.row.last_name, e.row.id.slice(-1)])).toEqual([
      ['Bakker', '1'],
      ['Bakker', '2'],
      ['Çelik', '3'],
      ['de Vries', '4'],
      ['Zwart', '5'],
    ]);
  });

  it('counts each facet so that its filter lists exactly that many', () => {
    const entries = [
      row({ route: null, ladder_step: null, target_groups: ['jongere'], municipality_id: 'm2', municipality_name: 'Áalst', overdue_task_count: 1 }),
      row({ route: 'werknemer', ladder_step: 2, target_groups: ['jongere', 'statushouder'] }),
      row({ route: 'werknemer', ladder_step: 2, open_signal_count: 1 }),
    ].map((r) => assess(r, thresholds));
    const counts = caseloadCounts(entries);
    expect(counts.byMunicipality).toEqual([
      { id: 'm2', name: 'Áalst', count: 1 },
      { id: 'm1', name: 'Lingestad', count: 2 },
    ]);
    const listed = (filter: Parameters<typeof matchesFilter>[1]) => entries.filter((e) => matchesFilter(e, filter)).length;
    const page = { limit: 50, offset: 0 };
    expect(counts.byRoute.none).toBe(listed({ ...page, route: 'none' }));
    expect(counts.byRoute.werknemer).toBe(listed({ ...page, route: 'werknemer' }));
    expect(counts.byStep['2']).toBe(listed({ ...page, step: 2 }));
    expect(counts.byStep.none).toBe(listed({ ...page, step: 'none' }));
    expect(counts.byGroup.jongere).toBe(listed({ ...page, group: 'jongere' }));
    expect(counts.attention).toEqual(tallyAttention(entries));
    expect(counts.attention.overdueTasks).toBe(listed({ ...page, attention: 'overdue_tasks' }));
    expect(counts.attention.openSignals).toBe(listed({ ...page, attention: 'open_signals' }));
  });
});
