/**
 * The demo's working calendar: group sessions fall on working days, never on a Dutch public
 * holiday, and each module has its own weekday and part of the day, so a client in two modules
 * is never booked twice at the same hour.
 */
import type { Faker } from '@faker-js/faker';
import { addDays } from './demo-referrals.ts';

/** Easter Sunday of a year (the anonymous Gregorian algorithm), as YYYY-MM-DD. */
function easter(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The Dutch public holidays of a year (Koningsdag moves to the 26th when the 27th is a Sunday; Bevrijdingsdag every year). */
export function dutchHolidays(year: number): Set<string> {
  const e = easter(year);
  const kingsDay = weekday(`${year}-04-27`) === 0 ? `${year}-04-26` : `${year}-04-27`;
  return new Set([`${year}-01-01`, addDays(e, -2), e, addDays(e, 1), kingsDay, `${year}-05-05`, addDays(e, 39), addDays(e, 49), addDays(e, 50), `${year}-12-25`, `${year}-12-26`]);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

/** Monday to Friday and not a public holiday. */
export function isWorkingDay(date: string): boolean {
  const day = weekday(date);
  return day >= 1 && day <= 5 && !dutchHolidays(Number(date.slice(0, 4))).has(date);
}

/** A module's fixed weekly slot: its weekday (1–5) and start minute after 09:00 (a session lasts two hours). */
export type SessionSlot = { weekday: number; minute: number };

/** Ten distinct slots (five weekdays, morning and afternoon), one per module by its index. */
export function slotOf(moduleIndex: number): SessionSlot {
  return { weekday: 1 + (moduleIndex % 5), minute: Math.floor(moduleIndex / 5) % 2 === 0 ? 30 : 270 };
}

/**
 * The session days of a weekly cohort that starts on or after `from`: on the slot's weekday,
 * a week skipped where it is a public holiday (the Christmas week, Easter Monday, Ascension).
 */
export function weeklySessionDays(from: string, count: number, slot: SessionSlot): string[] {
  let day = from;
  while (weekday(day) !== slot.weekday) day = addDays(day, 1);
  const days: string[] = [];
  for (; days.length < count; day = addDays(day, 7)) if (isWorkingDay(day)) days.push(day);
  return days;
}

/** The working day on or after `date`, or the one before it when that would pass `last`. */
export function workingDayNear(date: string, last: string): string {
  let day = date;
  while (!isWorkingDay(day) && day < last) day = addDays(day, 1);
  while (!isWorkingDay(day)) day = addDays(day, -1);
  return day;
}

/**
 * `count` working days from `from` to `to`, in date order, spread the way starts and ends fall in
 * a real service: each month gets about its share, but every day is drawn at random within two
 * shares either side of its place, so the months differ a little and none is empty or piles up
 * (plain random days leave a small demo's month empty; fixed offsets from today give every month
 * the same count). Deterministic for a seeded `faker`.
 */
export function spreadWorkingDays(faker: Faker, count: number, from: string, to: string): string[] {
  const span = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
  const days: string[] = [];
  for (let j = 0; j < count; j++) {
    const place = (j + 0.5 + faker.number.float({ min: -2, max: 2 })) / count;
    // Reflected at the ends of the period, so the first and last days do not pile up there.
    const share = place < 0 ? -place : place > 1 ? 2 - place : place;
    days.push(workingDayNear(addDays(from, Math.round(share * span)), to));
  }
  return days.sort();
}
