/**
 * Explanation texts of the demo's council reports (bestuursrapportage and
 * verantwoordingsrapportage): an introduction, a conclusion and a paragraph per KPI, for every
 * municipality and for the three together, for last year, its halves and this year so far. The
 * prose is qualitative on purpose: it explains the figures beside it without repeating them, so
 * it stays true whatever the demo's size.
 */
import type { Insertable } from 'kysely';
import { KPI_KEYS } from '../../../shared/kpi.ts';
import type { Executor } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { insertDemoRows } from './demo-trajectories.repository.ts';

type Place = { name: string; kind: 'stad' | 'dorp' | 'alle' };
type Period = { key: string; words: string; running: boolean };

/** The municipality's situation in a sentence, as the policy officer would put it. */
const LOCAL: Record<string, string> = {
  Lingestad: 'In Lingestad wonen de meeste cliënten van het Werkplein; de twee stadsteams werken wijkgericht en met korte lijnen naar de buurtteams.',
  Waalkant: 'Waalkant is een plattelandsgemeente waar afstand en openbaar vervoer een drempel zijn; het team werkt daarom veel op locatie in de kernen.',
  Heuveldorp: 'In Heuveldorp wisselde de sociale activering van aanbieder: Re-integratie Rivierenland nam het werk over van Werkwijzer, met een overgangsjaar waarin beide aanbieders trajecten uitvoerden.',
};

/** Per KPI: what the figure means for the council and what the service does about it. */
const KPI_TEXT: Record<string, (p: Place, t: Period) => string> = {
  ladder_no_drop_3_4: (p, t) =>
    `Van de cliënten die ${t.words} op trede 3 of 4 van de participatieladder stonden, is de grote meerderheid niet teruggevallen. ${p.kind === 'dorp' ? 'Bij een kleine groep weegt elke terugval zwaar in het percentage; ' : ''}Wie wel zakte, had meestal te maken met gezondheidsklachten of een wegvallend vrijwilligersadres. De coaches plannen bij een terugval binnen zes weken een nieuw gesprek.`,
  ladder_movement: (p, t) =>
    `${t.running ? 'Tot nu toe' : 'Over de hele periode'} stegen meer cliënten op de participatieladder dan er daalden. De meeste blijvers zijn in de periode niet opnieuw gemeten; ${p.kind === 'alle' ? 'de teams' : 'het team'} ${t.running ? 'gaat' : 'ging'} die metingen inhalen bij het jaargesprek. Eerste metingen horen bij nieuwe instroom en tellen niet mee als beweging.`,
  annual_conversation_coverage: (p) =>
    `De wet vraagt een jaarlijks gesprek over werk en activering met iedere cliënt van 27 tot 65 jaar. ${p.kind === 'dorp' ? 'Huisbezoeken maken het bereik hier beter dan de afstand doet verwachten.' : 'Het bereik is goed, maar nog niet volledig.'} Cliënten die niet op een uitnodiging reageren, krijgen een tweede uitnodiging en zo nodig een huisbezoek.`,
  youth_back_in_education: (_p, t) =>
    `Samen met het RMC Rivierenland volgt het Werkplein iedere jongere zonder startkwalificatie die de school verliet. Een deel van de jongeren die ${t.words} werden gemeld, zat binnen een jaar weer op school, meestal bij de start van het nieuwe schooljaar of de instroom in januari. ${t.running ? 'Het cijfer is voorlopig: wie later in het schooljaar teruggaat, telt nog mee.' : 'Voor de anderen zoekt de jongerencoach een leerwerkplek.'}`,
  afspraakbanen: (p) =>
    `Het aantal afspraakbanen groeit, dankzij werkgevers die na een proefplaatsing een contract aanbieden. ${p.kind === 'stad' ? 'De grootste werkgevers in de regio leveren het meeste werk; het werkgeversservicepunt spreekt hen actief aan.' : 'Er zijn hier minder grote werkgevers, dus elke nieuwe baan telt zichtbaar mee.'} Jobcoaching blijft nodig om banen duurzaam te houden.`,
  beschut_werk: (p) =>
    `Beschut werk wordt vergeleken met de taakstelling die het Rijk ${p.kind === 'alle' ? 'per gemeente' : 'aan de gemeente'} oplegt. Een positief advies van UWV leidt niet altijd direct tot een plaatsing: wie nog niet werkfit is, start eerst met een activeringstraject. De wachtlijst wordt maandelijks met het SW-bedrijf besproken.`,
  participation_placements: () =>
    'Vrijwilligerswerk, mantelzorg, participatiebanen en werkervaringsplaatsen geven cliënten die nog niet kunnen werken een plek om mee te doen. Het aantal lopende plaatsingen is stabiel; nieuwe plaatsingen komen vooral via de buurtteams en de vrijwilligerscentrale.',
  trajectories: (p, t) =>
    `De meeste trajecten sociale activering ${t.running ? 'lopen volgens plan' : 'zijn afgerond'}; een deel stopte voortijdig, meestal om gezondheidsredenen of omdat de cliënt werk vond. ${p.name === 'Heuveldorp' ? 'De overgang naar de nieuwe aanbieder verliep zonder wachttijden voor cliënten.' : 'Verlengingen zijn alleen toegekend bij zichtbare groei.'}`,
  module_attendance: () =>
    'De opkomst bij de groepsmodules is hoog. Afmeldingen hebben meestal een goede reden (ziekte, een afspraak bij de huisarts); wie zonder bericht wegblijft, wordt dezelfde week gebeld. Door de doorlopende instroom kan een cliënt op elk moment van het jaar beginnen.',
  return_per_route: () =>
    'Het rendement zet de kosten van begeleiding en het re-integratiebudget af tegen de uitkeringen die na uitstroom niet meer worden betaald. Op de routes vrijwilliger en onderwijs zijn de kosten hoger dan de directe besparing; die routes zijn er om mee te doen, niet om te besparen. Op de routes werknemer en ondernemer verdient de inzet zich deels terug.',
  monthly_trends: (_p, t) =>
    `Maand voor maand laat het verloop zien hoeveel cliënten in- en uitstroomden. ${t.running ? 'De instroom is tot nu toe vergelijkbaar met vorig jaar.' : 'Na de zomer was de instroom hoger, zoals elk jaar.'} De uitstroom naar werk volgt de regionale arbeidsmarkt, die krap blijft.`,
};

function introduction(p: Place, t: Period): string {
  const who = p.kind === 'alle' ? 'de drie gemeenten van het Werkplein Lingedal samen' : `de gemeente ${p.name}`;
  const local = LOCAL[p.name] ? ` ${LOCAL[p.name]}` : ' Waar de gemeenten verschillen, staat dat bij het kengetal.';
  return `Deze rapportage geeft de raad inzicht in de uitvoering van de Participatiewet voor ${who} ${t.words}.${local} De cijfers komen rechtstreeks uit Meedoen; kleine aantallen zijn niet getoond, zodat geen cliënt herkenbaar is.${t.running ? ' De periode loopt nog: de cijfers zijn een stand tot vandaag.' : ''}`;
}

function conclusion(p: Place, t: Period): string {
  return `${t.running ? 'Tot nu toe' : 'Over de hele periode'} laat de uitvoering ${p.kind === 'alle' ? 'in alle drie gemeenten' : `in ${p.name}`} op de meeste onderdelen een stabiel beeld zien; bij elke prestatieafspraak staat of die is gehaald. Aandachtspunten zijn het volledig bereiken van de jaargesprekken en het vasthouden van cliënten op trede 3 en 4. Het college ${t.running ? 'rapporteert in de volgende bestuursrapportage' : 'rapporteert in de verantwoording'} over de voortgang van de maatregelen.`;
}

/** The report periods the demo writes texts for: last year, its halves, this year's first half and this year. */
function periods(today: string): Period[] {
  const y = Number(today.slice(0, 4));
  const h2Started = today >= `${y}-07-01`;
  return [
    { key: `${y - 1}`, words: `in ${y - 1}`, running: false },
    { key: `${y - 1}-H1`, words: `in de eerste helft van ${y - 1}`, running: false },
    { key: `${y - 1}-H2`, words: `in de tweede helft van ${y - 1}`, running: false },
    { key: `${y}-H1`, words: `in de eerste helft van ${y}`, running: !h2Started },
    { key: `${y}`, words: `in ${y}`, running: true },
  ];
}

/** Inserts the texts for the organisation's municipalities (name and id) and for all of them together. */
export async function seedDemoReportTexts(trx: Executor, env: { organisationId: string; today: string; municipalities: { id: string; name: string }[]; authorId: string }): Promise<void> {
  const places: (Place & { id: string | null })[] = [
    { id: null, name: 'alle gemeenten', kind: 'alle' },
    ...env.municipalities.map((m) => ({ id: m.id, name: m.name, kind: m.name === 'Lingestad' ? ('stad' as const) : ('dorp' as const) })),
  ];
  const rows: Insertable<DB['report_texts']>[] = [];
  for (const t of periods(env.today)) {
    for (const p of places) {
      const texts: [string, string][] = [['introduction', introduction(p, t)], ['conclusion', conclusion(p, t)]];
      for (const key of KPI_KEYS) texts.push([key, KPI_TEXT[key]?.(p, t) ?? 'De cijfers spreken voor zich; het team licht ze toe in de commissievergadering.']);
      for (const [section, text] of texts) rows.push({ organisation_id: env.organisationId, municipality_id: p.id, period: t.key, section, text, updated_by: env.authorId });
    }
  }
  await insertDemoRows(trx, 'report_texts', rows);
}
