import { ROUTES, TARGET_GROUPS, type ClientRoute, type TargetGroup } from '../../../shared/client-fields.ts';
import { endsSoon } from '../../../shared/referrals.ts';
import { attentionFlags, type AttentionThresholds } from '../clients/clients.presenter.ts';
import { benefitEnded } from '../clients/outflow.repository.ts';
import type { CaseloadRow } from './caseload.repository.ts';

/** The reasons a client needs attention, in the order the caseload lists them. */
export const ATTENTION_CODES = ['overdue_tasks', 'open_signals', 'trajectory_ending', 'annual_conversation_overdue', 'ladder_overdue', 'no_route'] as const;
export type AttentionCode = (typeof ATTENTION_CODES)[number];

/**
 * How much each reason weighs when ordering the caseload: overdue work first, then risks, then
 * what ends soon, then upkeep. The weights are distinct powers of two, so the sum of a client's
 * reasons is also the set of them: one number serves as score and as flags, and an entry needs
 * no array of codes until it is shown.
 */
const ATTENTION_BIT: Record<AttentionCode, number> = {
  overdue_tasks: 32,
  open_signals: 16,
  trajectory_ending: 8,
  annual_conversation_overdue: 4,
  ladder_overdue: 2,
  no_route: 1,
};

/** Client names sort as a Dutch reader expects. One collator: localeCompare(…, 'nl') builds one per call, which cost more than the rest of the caseload's work together. */
const dutch = new Intl.Collator('nl');

export type CaseloadFilter = {
  coachId?: string;
  route?: ClientRoute | 'none';
  step?: number | 'none';
  municipalityId?: string;
  group?: TargetGroup;
  attention?: AttentionCode;
  /** Show the clients whose benefit has ended instead of those still on it. */
  outflowed?: boolean;
  limit: number;
  offset: number;
};

/** One client of a caseload as judged today; the row is kept as it came, not copied. */
export type CaseloadEntry = {
  row: CaseloadRow;
  age: number;
  ladderOverdue: boolean;
  annualRequired: boolean;
  annualOverdue: boolean;
  outflowed: boolean;
  /** The reasons for attention as a sum of ATTENTION_BIT; the higher, the sooner the client is listed. */
  attention: number;
};

/**
 * What needs attention for one client. A client whose benefit has ended ("uitgestroomd") needs
 * none: the rules leave them alone and their rule tasks have lapsed.
 */
export function assess(row: CaseloadRow, thresholds: AttentionThresholds): CaseloadEntry {
  const flags = attentionFlags(row, thresholds);
  const outflowed = benefitEnded(row, thresholds.today);
  const trajectoryEnding = !outflowed && endsSoon({ status: 'active', plannedEndOn: row.trajectory_ends_on }, thresholds.today);
  let attention = 0;
  if (!outflowed) {
    if (row.overdue_task_count > 0) attention += ATTENTION_BIT.overdue_tasks;
    if (row.open_signal_count > 0) attention += ATTENTION_BIT.open_signals;
    if (trajectoryEnding) attention += ATTENTION_BIT.trajectory_ending;
    if (flags.annualOverdue) attention += ATTENTION_BIT.annual_conversation_overdue;
    if (flags.ladderOverdue) attention += ATTENTION_BIT.ladder_overdue;
    if (!row.route) attention += ATTENTION_BIT.no_route;
  }
  return { row, age: flags.age, ladderOverdue: flags.ladderOverdue, annualRequired: flags.annualRequired, annualOverdue: flags.annualOverdue, outflowed, attention };
}

/** The codes behind an entry's attention, in ATTENTION_CODES order (most weighty first). */
export function attentionCodes(entry: CaseloadEntry): AttentionCode[] {
  return ATTENTION_CODES.filter((code) => needs(entry, code));
}

function needs(entry: CaseloadEntry, code: AttentionCode): boolean {
  return (entry.attention & ATTENTION_BIT[code]) !== 0;
}

/** The attention figures of a set of clients (each counts a client once). */
export function tallyAttention(list: readonly CaseloadEntry[]) {
  const tally = { ladderOverdue: 0, annualConversationOverdue: 0, openSignals: 0, overdueTasks: 0, trajectoryEnding: 0 };
  for (const e of list) {
    if (needs(e, 'ladder_overdue')) tally.ladderOverdue += 1;
    if (needs(e, 'annual_conversation_overdue')) tally.annualConversationOverdue += 1;
    if (needs(e, 'open_signals')) tally.openSignals += 1;
    if (needs(e, 'overdue_tasks')) tally.overdueTasks += 1;
    if (needs(e, 'trajectory_ending')) tally.trajectoryEnding += 1;
  }
  return tally;
}

function zeroCounts<T extends string>(keys: readonly T[]): Record<T, number> {
  const counts = {} as Record<T, number>;
  for (const k of keys) counts[k] = 0;
  return counts;
}

const STEP_KEYS = ['1', '2', '3', '4', '5', '6'] as const;

/** The filter counts of the population shown, in one pass: every count equals what its filter lists. */
export function caseloadCounts(all: readonly CaseloadEntry[]) {
  const byRoute = zeroCounts([...ROUTES, 'none' as const]);
  const byStep: Record<string, number> = zeroCounts([...STEP_KEYS, 'none' as const]);
  const byGroup = zeroCounts(TARGET_GROUPS);
  const municipalities = new Map<string, { id: string; name: string; count: number }>();
  for (const { row } of all) {
    byRoute[row.route ?? 'none'] += 1;
    const step = row.ladder_step ? String(row.ladder_step) : 'none';
    byStep[step] = (byStep[step] ?? 0) + 1;
    for (const group of row.target_groups) byGroup[group] += 1;
    const municipality = municipalities.get(row.municipality_id);
    if (municipality) municipality.count += 1;
    else municipalities.set(row.municipality_id, { id: row.municipality_id, name: row.municipality_name, count: 1 });
  }
  return {
    total: all.length,
    byRoute,
    byStep,
    byMunicipality: [...municipalities.values()].sort((a, b) => dutch.compare(a.name, b.name)),
    byGroup,
    attention: tallyAttention(all),
  };
}

/** Whether an entry passes the caseload's filters (the population, shown or outflowed, is chosen before). */
export function matchesFilter(e: CaseloadEntry, filter: CaseloadFilter): boolean {
  const { row } = e;
  return (
    (!filter.route || (filter.route === 'none' ? !row.route : row.route === filter.route)) &&
    (!filter.step || (filter.step === 'none' ? !row.ladder_step : row.ladder_step === filter.step)) &&
    (!filter.municipalityId || row.municipality_id === filter.municipalityId) &&
    (!filter.group || row.target_groups.includes(filter.group)) &&
    (!filter.attention || needs(e, filter.attention))
  );
}

/** What needs attention first; then by surname as a Dutch reader sorts it; then a stable tie-break. */
export function byAttention(a: CaseloadEntry, b: CaseloadEntry): number {
  return b.attention - a.attention || dutch.compare(a.row.last_name, b.row.last_name) || (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0);
}
