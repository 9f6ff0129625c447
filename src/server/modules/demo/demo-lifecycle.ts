/**
 * When each demo client's benefit started and, for some, when it ended: the inflow and outflow
 * the monthly trends show. A service of this size sees clients come in every month (about 2% of
 * the caseload) and leave every month, most of them for work. A separate seeded Faker, so the
 * rest of the demo draws what it drew before.
 */
import { Faker, nl } from '@faker-js/faker';
import type { OutflowReason } from '../../../shared/client-fields.ts';
import { addDays, addMonths } from '../../../shared/dates.ts';
import type { DeskProfile } from './demo-desk.ts';

/** The first benefit day, and the planned last one (with its reason) for a client who leaves. */
export type DemoLife = { startedOn: string; leaves: { on: string; reason: OutflowReason } | null };

/** The Faker of the life courses, seeded apart from the demo's main one. */
export function demoLifeFaker(seed: number): Faker {
  const faker = new Faker({ locale: [nl] });
  faker.seed(seed + 17);
  return faker;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A day between `from` and `to` (both included). */
function dayBetween(faker: Faker, from: string, to: string): string {
  return addDays(from, faker.number.int({ min: 0, max: Math.max(0, daysBetween(from, to)) }));
}

/**
 * One client's life course. `drawnStart` is the benefit start the desk drew (2–96 months back);
 * about one in four clients started last year or this year instead (one in three of those not at
 * index 1 modulo 3, where the demo's placements go and would date the start back), on a day up
 * to two days ago (the running month has its inflow too), on top of those the desk drew in that
 * time (together about 2% of the caseload a month). Clients with index 2 modulo 3 (no placement
 * of the demo and no bulk referral: those go to 1 and 0 modulo 3) leave, last year or this year,
 * at least three months after their start and at least two days ago (a benefit that ended earlier
 * in the running month is that month's outflow; see below): half for work, the rest for their own
 * business, education (mostly the young), a move or another reason. The first client (the demo
 * client's account) stays.
 */
export function demoLife(faker: Faker, index: number, drawnStart: string, age: number, today: string): DemoLife {
  // Inflow and outflow fall in last year and this year: the years the dashboards compare.
  const year = Number(today.slice(0, 4));
  const isNew = faker.number.float() < 0.35;
  // Half of them this year: the rest of the demo dates some of them back (a referral or module
  // before the drawn start moves it), which thins this year's inflow more than last year's.
  const newFrom = faker.number.float() < 0.5 ? `${year}-01-01` : `${year - 1}-01-01`;
  const startedOn = index > 0 && index % 3 !== 1 && isNew ? dayBetween(faker, newFrom, addDays(today, -2)) : drawnStart;
  if (index === 0 || index % 3 !== 2) return { startedOn, leaves: null };
  // Seven in ten of them leave last year (this year has more ways out: demo-kpi-history.ts,
  // demo-agreements.ts), the others on a day of this year, each as likely, up to two days ago
  // (who would leave later stays), and never within three months of their start. Last year's take
  // its months in turn, so a small demo has outflow in every month too; who started too late for
  // their turn leaves later that year.
  const earliest = addMonths(startedOn, 3);
  const latest = addDays(today, -2);
  const inTurn = addDays(`${year - 1}-${String(1 + (Math.floor(index / 3) % 12)).padStart(2, '0')}-01`, faker.number.int({ min: 0, max: 27 }));
  let on: string;
  if (faker.number.float() < 0.7) on = inTurn >= earliest ? inTurn : dayBetween(faker, earliest, `${year - 1}-12-31`);
  else on = dayBetween(faker, `${year}-01-01`, `${year}-12-31`);
  if (on < earliest || on > latest) return { startedOn, leaves: null };
  const roll = faker.number.float();
  const reason: OutflowReason =
    roll < 0.5 ? 'werk' : roll < 0.58 ? 'ondernemer' : roll < (age < 27 ? 0.85 : 0.68) ? 'opleiding' : roll < 0.88 ? 'verhuizing' : 'overig';
  return { startedOn, leaves: { on, reason } };
}

/**
 * The desk history lived between the benefit start and the outflow: for a client who leaves, the
 * history drawn up to today is moved back so that it ends the day before they leave (and an open
 * signal is left out); then whatever would come before the start (two weeks after it for a
 * measurement) is left out, and the first measurement left is the intake.
 */
export function placeDeskProfile(profile: DeskProfile, life: DemoLife, today: string): DeskProfile {
  // To the day before leaving: on that day itself the coach records the outflow (and for work, a last measurement).
  const shift = life.leaves ? daysBetween(today, life.leaves.on) - 1 : 0;
  const moved = (date: string) => addDays(date, shift);
  const measurements = profile.measurements
    .map((m) => ({ ...m, measuredOn: moved(m.measuredOn) }))
    .filter((m) => m.measuredOn >= addDays(life.startedOn, 14))
    .map((m, i) => (i === 0 ? { ...m, occasion: 'intake' as const } : m));
  const contacts = profile.contacts.map((c) => ({ ...c, occurredOn: moved(c.occurredOn) })).filter((c) => c.occurredOn >= life.startedOn);
  const annual = profile.annualConversationOn ? moved(profile.annualConversationOn) : null;
  return {
    ...profile,
    measurements,
    contacts,
    annualConversationOn: annual && annual >= life.startedOn ? annual : null,
    signal: life.leaves ? null : profile.signal,
  };
}
