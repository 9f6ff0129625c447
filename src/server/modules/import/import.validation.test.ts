import { describe, expect, it } from 'vitest';
import { readHeader, recordFromCells, type ImportRecord } from './import.columns.ts';
import { parseImportDate, validateRow, type ImportReferences } from './import.validation.ts';

const refs: ImportReferences = {
  municipalities: new Map([
    ['lingestad', 'm-1'],
    ['gm9901', 'm-1'],
    ['waalkant', 'm-2'],
    ['gm9902', 'm-2'],
  ]),
  coaches: new Map([['coach@meedoen.demo', { id: 'coach-1', teamId: 'team-1' }]]),
  teams: new Map([
    ['team lingestad noord', 'team-1'],
    ['team waalkant', 'team-2'],
  ]),
  today: '2026-06-30',
};

/** A complete, valid row; tests change one thing at a time. */
const buildRecord = (overrides: ImportRecord = {}): ImportRecord => ({
  bsn: '111222333',
  voornaam: 'Zoë',
  achternaam: 'de Boer',
  geboortedatum: '1990-04-12',
  gemeente: 'Lingestad',
  coach_email: 'coach@meedoen.demo',
  team: '',
  telefoon: '06 12345678',
  email: 'zoe@example.nl',
  straat: 'Dorpsstraat',
  huisnummer: '12a',
  postcode: '4001 AB',
  woonplaats: 'Lingestad',
  uitkering: 'bijstand',
  uitkering_start: '2024-01-01',
  doelgroepen: 'jongere;statushouder',
  route: 'werknemer',
  trede: '3',
  groeipotentieel: '4',
  trede_datum: '2025-06-01',
  clientnummer_oud: 'OUD-17',
  ...overrides,
});

const errorsOf = (overrides: ImportRecord) => {
  const result = validateRow(buildRecord(overrides), 2, refs);
  return result.ok ? [] : result.errors;
};

describe('import row validation', () => {
  it('turns a complete row into what the writer stores', () => {
    const result = validateRow(buildRecord({ postcode: '4001ab', doelgroepen: 'Jongere, statushouder,jongere', route: 'Werknemer' }), 7, refs);
    expect(result).toEqual({
      ok: true,
      row: expect.objectContaining({
        line: 7,
        bsn: '111222333',
        firstName: 'Zoë',
        dateOfBirth: '1990-04-12',
        municipalityId: 'm-1',
        coachId: 'coach-1',
        teamId: 'team-1',
        postcode: '4001 AB',
        targetGroups: ['jongere', 'statushouder'],
        route: 'werknemer',
        benefitType: 'bijstand',
        ladder: { step: 3, growthPotential: 4, measuredOn: '2025-06-01' },
        previousClientNumber: 'OUD-17',
      }),
    });
  });

  it('needs only the five required columns', () => {
    const result = validateRow({ bsn: '111222333', voornaam: 'Jan', achternaam: 'Smit', geboortedatum: '02-03-1961', gemeente: 'gm9902' }, 2, refs);
    expect(result.ok && result.row).toMatchObject({ dateOfBirth: '1961-03-02', municipalityId: 'm-2', coachId: null, teamId: null, ladder: null, route: null, targetGroups: [] });
  });

  it('refuses a BSN that is not nine digits or fails the eleven test', () => {
    expect(errorsOf({ bsn: '123456789' })).toEqual(['bsn 123456789 voldoet niet aan de elfproef']);
    expect(errorsOf({ bsn: '12345678' })).toEqual(['bsn 12345678 bestaat niet uit 9 cijfers']);
    expect(errorsOf({ bsn: '' })).toEqual(['bsn ontbreekt']);
  });

  it('reads both date forms and refuses impossible or future dates', () => {
    expect(parseImportDate('2001-02-28')).toBe('2001-02-28');
    expect(parseImportDate('28-02-2001')).toBe('2001-02-28');
    expect(parseImportDate('1-2-2001')).toBe('2001-02-01');
    expect(parseImportDate('29-02-2001')).toBeUndefined();
    expect(parseImportDate('2001/02/28')).toBeUndefined();
    expect(errorsOf({ geboortedatum: '31-02-1990' })).toEqual(["geboortedatum '31-02-1990' is geen geldige datum (JJJJ-MM-DD of DD-MM-JJJJ)"]);
    expect(errorsOf({ geboortedatum: '2027-01-01' })).toEqual(['geboortedatum 2027-01-01 ligt in de toekomst']);
    expect(errorsOf({ geboortedatum: '1899-12-31' })).toEqual(['geboortedatum 1899-12-31 ligt vóór 1900']);
  });

  it('refuses references the organisation does not have', () => {
    expect(errorsOf({ gemeente: 'Amsterdam' })).toEqual(["gemeente 'Amsterdam' wordt niet door deze organisatie bediend"]);
    expect(errorsOf({ coach_email: 'onbekend@meedoen.demo' })).toEqual(['coach_email onbekend@meedoen.demo is geen actieve coach van deze organisatie']);
    expect(errorsOf({ team: 'Team Nergens' })).toEqual(["team 'Team Nergens' bestaat niet in deze organisatie"]);
  });

  it("puts the client in the coach's team unless the file names a team", () => {
    const named = validateRow(buildRecord({ team: 'team waalkant' }), 2, refs);
    expect(named.ok && named.row.teamId).toBe('team-2');
    const withoutCoach = validateRow(buildRecord({ coach_email: '', team: '' }), 2, refs);
    expect(withoutCoach.ok && withoutCoach.row).toMatchObject({ coachId: null, teamId: null });
  });

  it('checks the ladder step, growth potential and measurement date together', () => {
    expect(errorsOf({ trede: '4', groeipotentieel: '3' })).toEqual(['groeipotentieel 3 is lager dan trede 4']);
    expect(errorsOf({ trede_datum: '' })).toEqual(['trede_datum ontbreekt (verplicht bij een trede)']);
    expect(errorsOf({ trede: '7' })).toEqual(["trede '7' moet een getal van 1 tot en met 6 zijn"]);
    expect(errorsOf({ trede: '', groeipotentieel: '4', trede_datum: '' })).toEqual(['groeipotentieel is ingevuld maar trede niet']);
    const noGrowth = validateRow(buildRecord({ groeipotentieel: '' }), 2, refs);
    expect(noGrowth.ok && noGrowth.row.ladder).toEqual({ step: 3, growthPotential: 3, measuredOn: '2025-06-01' });
  });

  it('refuses unknown enumeration values and malformed contact details, all at once', () => {
    expect(errorsOf({ uitkering: 'ww', doelgroepen: 'jongere;oudere', route: 'pensioen', postcode: '0123 AB', email: 'geen-adres', telefoon: 'bel mij' })).toEqual([
      "telefoon 'bel mij' is geen telefoonnummer",
      "email 'geen-adres' is geen e-mailadres",
      "postcode '0123 AB' is geen Nederlandse postcode (1234 AB)",
      "uitkering 'ww' is onbekend (toegestaan: bijstand, ioaw, ioaz, bbz, anw_aanvulling, geen)",
      "doelgroep 'oudere' is onbekend (toegestaan: jongere, statushouder, arbeidsbeperking)",
      "route 'pensioen' is onbekend (toegestaan: vrijwilliger, onderwijs, werknemer, ondernemer)",
    ]);
  });
});

describe('import header', () => {
  it('accepts the documented columns in any order and case', () => {
    expect(readHeader([' BSN', 'Achternaam', 'voornaam', 'gemeente', 'geboortedatum'])).toEqual({
      header: ['bsn', 'achternaam', 'voornaam', 'gemeente', 'geboortedatum'],
    });
  });

  it('refuses unknown, doubled and missing columns', () => {
    expect(readHeader(['bsn', 'voornaam', 'achternam', 'bsn', 'gemeente'])).toEqual({
      errors: ["onbekende kolom 'achternam'", "kolom 'bsn' komt twee keer voor", "verplichte kolom 'achternaam' ontbreekt", "verplichte kolom 'geboortedatum' ontbreekt"],
    });
  });

  it('pairs cells with the header, forgiving trailing empty cells only', () => {
    const header = ['bsn', 'voornaam'] as const;
    expect(recordFromCells(header, ['111222333', 'Jan', '', ''])).toEqual({ record: { bsn: '111222333', voornaam: 'Jan' } });
    expect(recordFromCells(header, ['111222333'])).toEqual({ errors: ['de regel heeft 1 velden, de kopregel 2'] });
    expect(recordFromCells(header, ['111222333', 'Jan', 'extra'])).toEqual({ errors: ['de regel heeft 3 velden, de kopregel 2'] });
    expect(recordFromCells(header, ['111222333', 'Zo\uFFFD'])).toEqual({ errors: ['de regel bevat tekens die geen UTF-8 zijn (sla het bestand op als "CSV UTF-8")'] });
  });
});
