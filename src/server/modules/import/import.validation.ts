import { isValidBsn } from '../../../shared/bsn.ts';
import {
  BENEFIT_TYPES,
  POSTCODE_PATTERN,
  ROUTES,
  TARGET_GROUPS,
  type BenefitType,
  type ClientRoute,
  type TargetGroup,
} from '../../../shared/client-fields.ts';
import type { ImportRecord } from './import.columns.ts';

/**
 * What a row may refer to, loaded once per import. Keys are lower-cased so the file's spelling
 * of "Lingestad" or "GM9901" or a coach's e-mail address does not matter.
 */
export type ImportReferences = {
  /** Municipality name and CBS code (both lower-cased) → id, only those the organisation serves. */
  municipalities: ReadonlyMap<string, string>;
  /** Active coaches of the organisation by lower-cased e-mail address. */
  coaches: ReadonlyMap<string, { id: string; teamId: string | null }>;
  /** Teams of the organisation by lower-cased name. */
  teams: ReadonlyMap<string, string>;
  /** Today as YYYY-MM-DD: dates after it are refused. */
  today: string;
};

/** A row that passed every check, in the shape the writer needs. */
export type ValidatedRow = {
  line: number;
  bsn: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  municipalityId: string;
  coachId: string | null;
  teamId: string | null;
  phone: string | null;
  email: string | null;
  street: string | null;
  houseNumber: string | null;
  postcode: string | null;
  city: string | null;
  benefitType: BenefitType | null;
  benefitStartDate: string | null;
  targetGroups: TargetGroup[];
  route: ClientRoute | null;
  ladder: { step: number; growthPotential: number; measuredOn: string } | null;
  previousClientNumber: string | null;
};

export type RowValidation = { ok: true; row: ValidatedRow } | { ok: false; errors: string[] };

const MAX_TEXT = 200;
const PHONE = /^\+?[0-9][0-9 ()-]{5,19}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DUTCH_DATE = /^(\d{1,2})-(\d{1,2})-(\d{4})$/;
const FIRST_DATE = '1900-01-01';

/** 'YYYY-MM-DD' or 'DD-MM-YYYY' (the two forms old systems export) → 'YYYY-MM-DD', if it is a real day. */
export function parseImportDate(value: string): string | undefined {
  let y: number, m: number, d: number;
  const iso = ISO_DATE.exec(value);
  const dutch = iso ? null : DUTCH_DATE.exec(value);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dutch) [y, m, d] = [Number(dutch[3]), Number(dutch[2]), Number(dutch[1])];
  else return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 'Lingestad', 'GM9901', 'gm9901' → the key under which ImportReferences holds a municipality. */
export function municipalityKey(value: string): string {
  return value.trim().toLowerCase();
}

/**
 * Checks one data row against the column format and the organisation's reference data and
 * returns either the row ready to write or every reason it is wrong (in Dutch, for the person
 * fixing the export). Pure: the duplicate checks across rows and against the database live in
 * the service, which sees the whole file.
 */
export function validateRow(record: ImportRecord, line: number, refs: ImportReferences): RowValidation {
  const errors: string[] = [];
  const text = (column: keyof ImportRecord) => (record[column] ?? '').trim();
  const optional = (column: keyof ImportRecord, max = MAX_TEXT): string | null => {
    const value = text(column);
    if (value.length > max) errors.push(`${column} is langer dan ${max} tekens`);
    return value === '' ? null : value;
  };
  const required = (column: keyof ImportRecord, max = MAX_TEXT): string => {
    const value = optional(column, max);
    if (value === null) errors.push(`${column} ontbreekt`);
    return value ?? '';
  };
  const date = (column: keyof ImportRecord, value: string, notAfterToday: boolean): string | null => {
    const parsed = parseImportDate(value);
    if (!parsed) errors.push(`${column} '${value}' is geen geldige datum (JJJJ-MM-DD of DD-MM-JJJJ)`);
    else if (parsed < FIRST_DATE) errors.push(`${column} ${parsed} ligt vóór 1900`);
    else if (notAfterToday && parsed > refs.today) errors.push(`${column} ${parsed} ligt in de toekomst`);
    return parsed ?? null;
  };
  const oneOf = <T extends string>(column: keyof ImportRecord, allowed: readonly T[]): T | null => {
    const value = text(column).toLowerCase();
    if (value === '') return null;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    errors.push(`${column} '${text(column)}' is onbekend (toegestaan: ${allowed.join(', ')})`);
    return null;
  };
  const stepValue = (column: 'trede' | 'groeipotentieel'): number | null => {
    const value = text(column);
    if (value === '') return null;
    if (/^[1-6]$/.test(value)) return Number(value);
    errors.push(`${column} '${value}' moet een getal van 1 tot en met 6 zijn`);
    return null;
  };

  const bsn = text('bsn');
  if (bsn === '') errors.push('bsn ontbreekt');
  else if (!/^\d{9}$/.test(bsn)) errors.push(`bsn ${bsn} bestaat niet uit 9 cijfers`);
  else if (!isValidBsn(bsn)) errors.push(`bsn ${bsn} voldoet niet aan de elfproef`);

  const firstName = required('voornaam');
  const lastName = required('achternaam');
  const birth = text('geboortedatum');
  const dateOfBirth = birth === '' ? (errors.push('geboortedatum ontbreekt'), null) : date('geboortedatum', birth, true);

  const municipalityName = text('gemeente');
  const municipalityId = refs.municipalities.get(municipalityKey(municipalityName));
  if (municipalityName === '') errors.push('gemeente ontbreekt');
  else if (!municipalityId) errors.push(`gemeente '${municipalityName}' wordt niet door deze organisatie bediend`);

  const coachEmail = text('coach_email');
  const coach = coachEmail === '' ? undefined : refs.coaches.get(coachEmail.toLowerCase());
  if (coachEmail !== '' && !coach) errors.push(`coach_email ${coachEmail} is geen actieve coach van deze organisatie`);
  const teamName = text('team');
  const namedTeamId = teamName === '' ? undefined : refs.teams.get(teamName.toLowerCase());
  if (teamName !== '' && !namedTeamId) errors.push(`team '${teamName}' bestaat niet in deze organisatie`);

  const phone = optional('telefoon', 30);
  if (phone !== null && !PHONE.test(phone)) errors.push(`telefoon '${phone}' is geen telefoonnummer`);
  const email = optional('email');
  if (email !== null && !EMAIL.test(email)) errors.push(`email '${email}' is geen e-mailadres`);
  const street = optional('straat');
  const houseNumber = optional('huisnummer', 20);
  let postcode = optional('postcode', 10);
  if (postcode !== null) {
    const normalised = postcode.toUpperCase().replace(/^(\d{4})\s*([A-Z]{2})$/, '$1 $2');
    if (POSTCODE_PATTERN.test(normalised)) postcode = normalised;
    else errors.push(`postcode '${postcode}' is geen Nederlandse postcode (1234 AB)`);
  }
  const city = optional('woonplaats');

  const benefitType = oneOf('uitkering', BENEFIT_TYPES);
  const benefitStart = text('uitkering_start');
  const benefitStartDate = benefitStart === '' ? null : date('uitkering_start', benefitStart, false);

  const targetGroups: TargetGroup[] = [];
  for (const part of text('doelgroepen').split(/[,;]/)) {
    const group = part.trim().toLowerCase();
    if (group === '') continue;
    if (!(TARGET_GROUPS as readonly string[]).includes(group)) {
      errors.push(`doelgroep '${part.trim()}' is onbekend (toegestaan: ${TARGET_GROUPS.join(', ')})`);
    } else if (!targetGroups.includes(group as TargetGroup)) targetGroups.push(group as TargetGroup);
  }
  const route = oneOf('route', ROUTES);

  const step = stepValue('trede');
  const growth = stepValue('groeipotentieel');
  const measured = text('trede_datum');
  const measuredOn = measured === '' ? null : date('trede_datum', measured, true);
  if (step === null && text('trede') === '') {
    if (growth !== null) errors.push('groeipotentieel is ingevuld maar trede niet');
    if (measured !== '') errors.push('trede_datum is ingevuld maar trede niet');
  }
  if (step !== null && growth !== null && growth < step) errors.push(`groeipotentieel ${growth} is lager dan trede ${step}`);
  if (step !== null && measured === '') errors.push('trede_datum ontbreekt (verplicht bij een trede)');

  const previousClientNumber = optional('clientnummer_oud', 50);

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    row: {
      line,
      bsn,
      firstName,
      lastName,
      dateOfBirth: dateOfBirth!,
      municipalityId: municipalityId!,
      coachId: coach?.id ?? null,
      // An explicit team wins; otherwise the client follows the coach into the coach's team.
      teamId: namedTeamId ?? coach?.teamId ?? null,
      phone,
      email,
      street,
      houseNumber,
      postcode,
      city,
      benefitType,
      benefitStartDate,
      targetGroups,
      route,
      // Without a growth potential the measurement records none beyond the step itself: the
      // ladder table needs a value, and "equal to the step" claims no growth that was not measured.
      ladder: step !== null ? { step, growthPotential: growth ?? step, measuredOn: measuredOn! } : null,
      previousClientNumber,
    },
  };
}
