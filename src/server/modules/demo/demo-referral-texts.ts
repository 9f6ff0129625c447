import type { PartnerKind } from '../../db/schema.ts';
import type { AdviceNextStep, StopReason } from '../../../shared/referrals.ts';

/** The question a coach asks a provider, by the kind of product. */
export function trajectoryQuestion(product: string): string {
  if (product.startsWith('Sociale activering')) {
    return 'Cliënt zit al lange tijd thuis en heeft weinig contacten. Graag werken aan dagritme, zelfvertrouwen en een eerste stap naar activiteiten buiten de deur.';
  }
  if (product.startsWith('Focus op werk')) {
    return 'Cliënt wil toewerken naar vrijwilligerswerk of een werkervaringsplek. Graag werken aan werknemersvaardigheden en een passend doel.';
  }
  return 'Cliënt is bijna klaar voor betaald werk. Graag een werkfit-traject met sollicitatietraining en begeleiding naar een baan.';
}

/** The question to a network partner, and what the partner reported back, by kind of partner. */
export const PARTNER_TEXTS: Readonly<Record<PartnerKind, { question: string; outcome: string }>> = {
  taalhuis: {
    question: 'Cliënt heeft moeite met het lezen van brieven. Graag een intake voor een passend taaltraject.',
    outcome: 'Intake gehad; cliënt volgt sinds twee maanden een taalcursus (twee dagdelen per week).',
  },
  bibliotheek: {
    question: 'Cliënt wil digitaal zelfredzamer worden (DigiD, e-mail). Graag aanmelden voor de cursus Klik & Tik.',
    outcome: 'Cursus Klik & Tik afgerond; cliënt logt zelfstandig in met DigiD.',
  },
  buurtteam: {
    question: 'Er spelen zorgen in de thuissituatie. Graag een kennismaking en ondersteuning vanuit het buurtteam.',
    outcome: 'Kennismaking gehad; het buurtteam komt voorlopig wekelijks langs.',
  },
  schuldhulp: {
    question: 'Cliënt heeft betalingsachterstanden en geen overzicht. Graag een maatje voor de financiën.',
    outcome: 'Maatje gekoppeld; budgetplan opgesteld en de achterstanden zijn in beeld.',
  },
  sportclub: {
    question: 'Cliënt wil meer bewegen en mensen ontmoeten. Graag kennismaken met de beweeggroep.',
    outcome: 'Cliënt doet wekelijks mee aan de beweeggroep op dinsdagochtend.',
  },
  overig: { question: 'Graag kennismaken en kijken wat jullie kunnen bieden.', outcome: 'Kennismaking gehad.' },
};

export const REFUSAL_REASONS = [
  'Cliënt past beter bij een traject voor trede 3–4.',
  'Geen plek binnen de afgesproken capaciteit dit kwartaal; graag over twee maanden opnieuw.',
  'Cliënt is na twee uitnodigingen niet op de intake verschenen.',
];

export const STOPS: readonly { reason: StopReason; note: string }[] = [
  { reason: 'werk_gevonden', note: 'Cliënt heeft een baan gevonden bij een schoonmaakbedrijf (20 uur per week).' },
  { reason: 'ziekte', note: 'Cliënt is langdurig ziek; het traject kan nu niet verder.' },
  { reason: 'niet_passend', note: 'Het groepsaanbod sluit niet aan; individuele begeleiding past beter.' },
  { reason: 'verhuisd', note: 'Cliënt is verhuisd naar een andere gemeente.' },
  { reason: 'geen_motivatie', note: 'Cliënt kwam de afspraken herhaaldelijk niet na, ook na een gesprek met de coach.' },
  { reason: 'onderwijs', note: 'Cliënt start met een mbo-opleiding.' },
];

export const ADVICE: readonly { next: AdviceNextStep; text: string }[] = [
  { next: 'vrijwilligerswerk', text: 'Cliënt is toe aan vrijwilligerswerk; een plek bij de voedselbank is besproken.' },
  { next: 'vervolgtraject', text: 'Doorgroeien naar een traject Focus op werk trede 3–4.' },
  { next: 'werk', text: 'Cliënt kan aan het werk, het eerste half jaar met een jobcoach.' },
  { next: 'werkfit_traject', text: 'Een werkfit-traject als volgende stap naar betaald werk.' },
  { next: 'onderwijs', text: 'Cliënt wil eerst de taalopleiding NT2 afronden.' },
  { next: 'geen_vervolg', text: 'Cliënt heeft een stabiele dagbesteding gevonden; geen vervolg nodig.' },
];

export const WITHDRAWAL_REASONS = [
  'Cliënt heeft zelf werk gevonden.',
  'Na overleg met de cliënt eerst schuldhulp; het traject volgt later.',
  'Cliënt verhuist naar een andere gemeente.',
];

export const PROGRESS_REPORTS = [
  'Kennismaking en doelen vastgesteld: een vast dagritme en contact met anderen.',
  'Cliënt komt trouw naar de groep en neemt steeds vaker het woord.',
  'Eerste meeloopdag bij de kringloopwinkel verliep goed; cliënt wil dit vaker doen.',
  'Weekplanning samen gemaakt; cliënt houdt nu zelf een agenda bij.',
];

export const EXTENSION_MOTIVATION =
  'Cliënt groeit zichtbaar en zet net de eerste stap naar vrijwilligerswerk. Een half jaar extra begeleiding maakt die stap duurzaam.';

export const TRANSFER_NOTE_WORK = 'Cliënt is toe aan werk; overgedragen aan het werkgerichte traject van het Werkplein.';
export const TRANSFER_NOTE_PROVIDER = 'Cliënt is klaar voor de volgende stap; warme overdracht naar het werkfit-traject.';

/** A date as the timeline says it: "3 maart 2027". */
export function dutchDate(date: string): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
