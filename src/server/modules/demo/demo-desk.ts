import type { Faker } from '@faker-js/faker';
import { ROUTES, type ClientRoute, type TargetGroup } from '../../../shared/client-fields.ts';
import { addMonths, ageOn } from '../../../shared/dates.ts';
import { deriveLadderStep, type LadderAnswers } from '../../../shared/ladder.ts';

/** The demo's reference day: data is generated relative to it so the desk looks lived-in today. */
export type DeskProfile = {
  route: ClientRoute | null;
  targetGroups: TargetGroup[];
  measurements: { measuredOn: string; answers: LadderAnswers; step: number; growthPotential: number; occasion: 'intake' | 'yearly' | 'trajectory_start' | 'other' }[];
  annualConversationOn: string | null;
  contacts: { kind: 'gesprek' | 'telefonisch' | 'huisbezoek' | 'email' | 'jaargesprek' | 'notitie'; occurredOn: string; summary: string; confidential: boolean }[];
  signal: { domain: string; severity: 'laag' | 'middel' | 'hoog'; description: string; followUpOn: string; escalate: boolean } | null;
  contact: { phone: string; email: string; street: string; houseNumber: string; postcode: string };
};

/** Answers that lead to each step, so demo measurements are what the derivation would give. */
export const ANSWERS_BY_STEP: Record<number, LadderAnswers> = {
  1: { paidWork: false, unpaidWorkWithResponsibility: false, organisedActivityWeekly: false, socialContactWeekly: false },
  2: { paidWork: false, unpaidWorkWithResponsibility: false, organisedActivityWeekly: false, socialContactWeekly: true },
  3: { paidWork: false, unpaidWorkWithResponsibility: false, organisedActivityWeekly: true },
  4: { paidWork: false, unpaidWorkWithResponsibility: true },
  5: { paidWork: true, paidWorkWithSupport: true },
  6: { paidWork: true, paidWorkWithSupport: false },
};

const CONVERSATION_SUMMARIES = [
  'Besproken hoe het gaat met de dagbesteding; cliënt wil graag meer structuur in de week.',
  'Kennismaking en uitleg over de participatieladder en de mogelijke routes.',
  'Cliënt heeft interesse in vrijwilligerswerk bij de voedselbank; contact gelegd.',
  'Voortgang besproken: de taalwandelgroep bevalt goed, cliënt gaat door.',
  'Telefonisch contact over een gemiste afspraak; nieuwe afspraak gepland.',
  'Jaargesprek over werk en activering gevoerd; afspraken vastgelegd in het plan.',
];
const SIGNALS = [
  { domain: 'schulden', description: 'Cliënt noemt achterstanden bij de energieleverancier en zorgverzekering.' },
  { domain: 'laaggeletterdheid', description: 'Cliënt heeft moeite met het lezen van brieven van de gemeente.' },
  { domain: 'psychische_klachten', description: 'Cliënt geeft aan slecht te slapen en veel te piekeren.' },
  { domain: 'huisvesting', description: 'Dreigende huisuitzetting na huurachterstand.' },
  { domain: 'instabiele_thuissituatie', description: 'Spanningen thuis; cliënt overweegt tijdelijk elders te verblijven.' },
];

/** A plausible desk history for one demo client, deterministic through the seeded faker. */
export function deskProfile(faker: Faker, dateOfBirth: string, today: string, city: string): DeskProfile {
  const age = ageOn(dateOfBirth, today);
  const targetGroups: TargetGroup[] = [];
  if (age >= 16 && age < 27) targetGroups.push('jongere');
  if (faker.number.float() < 0.15) targetGroups.push('statushouder');
  if (faker.number.float() < 0.1) targetGroups.push('arbeidsbeperking');

  const roll = faker.number.float();
  const route: ClientRoute | null =
    roll < 0.1 ? null : age < 27 && roll < 0.45 ? 'onderwijs' : (faker.helpers.arrayElement(ROUTES.filter((r) => r !== 'onderwijs' || age < 30)) as ClientRoute);

  const measurements: DeskProfile['measurements'] = [];
  if (faker.number.float() < 0.85) {
    const count = faker.number.int({ min: 1, max: 3 });
    // The newest measurement lies 0–16 months back, so some clients are overdue for a new one.
    let on = addMonths(today, -faker.number.int({ min: 0, max: 16 }));
    let step = faker.number.int({ min: 1, max: 5 });
    const dates: string[] = [];
    for (let i = 0; i < count; i++) {
      dates.unshift(on);
      on = addMonths(on, -faker.number.int({ min: 5, max: 9 }));
    }
    dates.forEach((measuredOn, i) => {
      if (i > 0 && faker.number.float() < 0.55) step = Math.min(6, step + 1);
      const answers = ANSWERS_BY_STEP[step]!;
      measurements.push({
        measuredOn,
        answers,
        step: deriveLadderStep(answers),
        growthPotential: Math.min(6, step + faker.number.int({ min: 0, max: 2 })),
        occasion: i === 0 ? 'intake' : faker.helpers.arrayElement(['yearly', 'trajectory_start', 'other'] as const),
      });
    });
  }

  const needsAnnual = age >= 27 && age < 65;
  const annualConversationOn = needsAnnual && faker.number.float() < 0.7 ? addMonths(today, -faker.number.int({ min: 0, max: 11 })) : needsAnnual && faker.number.float() < 0.5 ? addMonths(today, -faker.number.int({ min: 13, max: 20 })) : null;
  const contacts: DeskProfile['contacts'] = [];
  if (annualConversationOn) contacts.push({ kind: 'jaargesprek', occurredOn: annualConversationOn, summary: CONVERSATION_SUMMARIES[5]!, confidential: false });
  for (let i = 0, n = faker.number.int({ min: 0, max: 3 }); i < n; i++) {
    contacts.push({
      kind: faker.helpers.arrayElement(['gesprek', 'telefonisch', 'huisbezoek', 'email'] as const),
      occurredOn: addMonths(today, -faker.number.int({ min: 0, max: 10 })),
      summary: faker.helpers.arrayElement(CONVERSATION_SUMMARIES.slice(0, 5)),
      confidential: false,
    });
  }
  if (faker.number.float() < 0.1) {
    contacts.push({ kind: 'notitie', occurredOn: addMonths(today, -faker.number.int({ min: 0, max: 6 })), summary: 'Cliënt vertelde in vertrouwen over de gezondheid van een gezinslid.', confidential: true });
  }

  const signalTemplate = faker.number.float() < 0.15 ? faker.helpers.arrayElement(SIGNALS) : null;
  const signal = signalTemplate
    ? { ...signalTemplate, severity: faker.helpers.arrayElement(['laag', 'middel', 'hoog'] as const), followUpOn: addMonths(today, faker.number.int({ min: -1, max: 1 })), escalate: faker.number.float() < 0.4 }
    : null;

  return {
    route,
    targetGroups,
    measurements,
    annualConversationOn,
    contacts,
    signal,
    contact: {
      phone: `06${faker.string.numeric(8)}`,
      email: faker.internet.email({ provider: 'example.nl' }).toLowerCase(),
      street: faker.location.street(),
      houseNumber: String(faker.number.int({ min: 1, max: 250 })),
      postcode: `${faker.number.int({ min: 1000, max: 9999 })} ${faker.string.alpha({ length: 2, casing: 'upper', exclude: ['F', 'I', 'O', 'Q', 'U', 'Y'] })}`,
    },
  };
  void city;
}
