import type { Faker } from '@faker-js/faker';
import type { Insertable } from 'kysely';
import type { DB, PartnerKind } from '../../db/schema.ts';
import type { Executor } from '../../db/database.ts';
import { DEMO_ACCOUNTS } from './demo-accounts.ts';
import { insertDemoRows } from './demo-trajectories.repository.ts';

/**
 * The providers that run the demo's trajectories, each with a provider coach who can log in.
 * The first is the demo provider (aanbieder@meedoen.demo) and gets the richest data.
 */
export const DEMO_PROVIDERS = [
  { name: 'Activeringscentrum De Brug', contactName: 'Fatima El Amrani', contactEmail: 'aanmelden@debrug.example', contactPhone: '0345 612 400', coach: DEMO_ACCOUNTS.provider_coach },
  { name: 'Stichting Werkwijzer', contactName: 'Ruud Hendriks', contactEmail: 'info@werkwijzer.example', contactPhone: '0344 580 210', coach: { email: 'aanbieder2@meedoen.demo', displayName: 'Ruud Hendriks' } },
  { name: 'Re-integratie Rivierenland', contactName: 'Esra Yılmaz', contactEmail: 'trajecten@rivierenland-reintegratie.example', contactPhone: '0418 330 900', coach: { email: 'aanbieder3@meedoen.demo', displayName: 'Esra Yılmaz' } },
] as const;

/** The network partners; the first (Taalhuis) is the demo partner (partner@meedoen.demo). */
export const DEMO_PARTNERS: readonly { name: string; partnerKind: PartnerKind; contactName: string; contactEmail: string; contactPhone: string }[] = [
  { name: 'Taalhuis Lingedal', partnerKind: 'taalhuis', contactName: 'Joost Bakker', contactEmail: 'taalhuis@lingedal.example', contactPhone: '0345 700 120' },
  { name: 'Bibliotheek Rivierenland', partnerKind: 'bibliotheek', contactName: 'Marloes Peters', contactEmail: 'digitaal@bibliotheekrivierenland.example', contactPhone: '0345 700 100' },
  { name: 'Buurtteam Lingestad', partnerKind: 'buurtteam', contactName: 'Ahmed Bouzid', contactEmail: 'buurtteam@lingestad.example', contactPhone: '0345 650 650' },
  { name: 'Schuldhulpmaatje Lingedal', partnerKind: 'schuldhulp', contactName: 'Wim de Graaf', contactEmail: 'hulp@schuldhulpmaatje-lingedal.example', contactPhone: '06 4120 3344' },
  { name: 'Sportvereniging Lingestad Vooruit', partnerKind: 'sportclub', contactName: 'Linda Verbeek', contactEmail: 'meedoen@lingestadvooruit.example', contactPhone: '06 2871 5560' },
];

/** A contract as the demo's referrals pick it: who, what, for which steps, where and when. */
export type DemoContract = {
  id: string;
  providerIndex: number;
  product: string;
  ladderFrom: number;
  ladderTo: number;
  startsOn: string;
  endsOn: string;
  durationMonths: number;
  municipalityIds: string[];
};

/** Inserts the providers and partners with their contact details; returns their ids in list order. */
export async function insertDemoExternalOrganisations(trx: Executor, faker: Faker, organisationId: string) {
  const providerIds = DEMO_PROVIDERS.map(() => faker.string.uuid());
  const partnerIds = DEMO_PARTNERS.map(() => faker.string.uuid());
  const contact = (p: { contactName: string; contactEmail: string; contactPhone: string }) => ({ contact_name: p.contactName, contact_email: p.contactEmail, contact_phone: p.contactPhone });
  await insertDemoRows(trx, 'external_organisations', [
    ...DEMO_PROVIDERS.map((p, i) => ({ id: providerIds[i]!, organisation_id: organisationId, kind: 'provider' as const, name: p.name, partner_kind: null, ...contact(p) })),
    ...DEMO_PARTNERS.map((p, i) => ({ id: partnerIds[i]!, organisation_id: organisationId, kind: 'partner' as const, name: p.name, partner_kind: p.partnerKind, ...contact(p) })),
  ]);
  return { providerIds, partnerIds };
}

/**
 * Two or three contracts per provider, relative to this year (Y). In Heuveldorp Y is a transition
 * year: Stichting Werkwijzer's social-activation contract runs until 30 June while Re-integratie
 * Rivierenland's starts on 1 January, so both take referrals in the first half of the year.
 */
export async function insertDemoContracts(trx: Executor, faker: Faker, organisationId: string, today: string, providerIds: string[], municipalityIds: string[]): Promise<DemoContract[]> {
  const y = Number(today.slice(0, 4));
  const [lingestad, waalkant, heuveldorp] = municipalityIds as [string, string, string];
  const defs = [
    { p: 0, product: 'Sociale activering trede 1–2', from: 1, to: 2, starts: `${y - 2}-01-01`, ends: `${y + 1}-12-31`, price: 425_000, capacity: 80, months: 12, where: [lingestad, waalkant], notes: 'Hoofdaanbieder sociale activering in Lingestad en Waalkant.' },
    { p: 0, product: 'Focus op werk trede 3–4', from: 3, to: 4, starts: `${y - 1}-01-01`, ends: `${y + 1}-12-31`, price: 680_000, capacity: 40, months: 9, where: [lingestad, waalkant], notes: null },
    { p: 1, product: 'Sociale activering trede 1–2', from: 1, to: 2, starts: `${y - 3}-07-01`, ends: `${y}-06-30`, price: 398_000, capacity: 40, months: 12, where: [heuveldorp], notes: `Loopt af; ${y} is het overgangsjaar met Re-integratie Rivierenland.` },
    { p: 1, product: 'Focus op werk trede 3–4', from: 3, to: 4, starts: `${y - 2}-01-01`, ends: `${y}-12-31`, price: 650_000, capacity: 30, months: 9, where: [waalkant, heuveldorp], notes: null },
    { p: 2, product: 'Sociale activering trede 1–2', from: 1, to: 2, starts: `${y}-01-01`, ends: `${y + 2}-12-31`, price: 410_000, capacity: 50, months: 12, where: [heuveldorp], notes: `Nieuwe aanbieder in Heuveldorp; in ${y} delen Werkwijzer en Rivierenland het werk.` },
    { p: 2, product: 'Werkfit traject trede 4–5', from: 4, to: 5, starts: `${y - 1}-01-01`, ends: `${y + 1}-12-31`, price: 520_000, capacity: 25, months: 6, where: [lingestad, waalkant, heuveldorp], notes: 'Voor wie bijna klaar is voor werk; ook als vervolg op een ander traject.' },
  ];
  const contracts: DemoContract[] = defs.map((d) => ({
    id: faker.string.uuid(),
    providerIndex: d.p,
    product: d.product,
    ladderFrom: d.from,
    ladderTo: d.to,
    startsOn: d.starts,
    endsOn: d.ends,
    durationMonths: d.months,
    municipalityIds: d.where,
  }));
  const rows: Insertable<DB['contracts']>[] = defs.map((d, i) => ({
    id: contracts[i]!.id,
    organisation_id: organisationId,
    provider_id: providerIds[d.p]!,
    product: d.product,
    ladder_from: d.from,
    ladder_to: d.to,
    starts_on: d.starts,
    ends_on: d.ends,
    price_cents: d.price,
    capacity: d.capacity,
    duration_months: d.months,
    notes: d.notes,
  }));
  await insertDemoRows(trx, 'contracts', rows);
  await insertDemoRows(
    trx,
    'contract_municipalities',
    contracts.flatMap((c) => c.municipalityIds.map((municipalityId) => ({ contract_id: c.id, municipality_id: municipalityId, organisation_id: organisationId }))),
  );
  return contracts;
}

/** The contracts under which a client in `municipalityId` could be referred on `date`. */
export function applicableContracts(contracts: DemoContract[], municipalityId: string, date: string): DemoContract[] {
  return contracts.filter((c) => c.municipalityIds.includes(municipalityId) && c.startsOn <= date && date <= c.endsOn);
}
