import { dutchDate } from '../../../shared/dates.ts';
import { GOAL_STATUS_NAMES, type GoalOwnerKind } from '../../../shared/plan-goals.ts';
import { HEALTH_DIMENSIONS, HEALTH_ASPECT_NAMES, HEALTH_DIMENSION_NAMES, dimensionOfAspect, flaggedAspects, type HealthAnswers, type HealthDimension } from '../../../shared/positive-health.ts';
import { ZRM_DOMAINS, zrmLabel } from '../../../shared/zrm.ts';
import type { PdfBlock, PdfDocumentSpec } from '../../pdf/pdf-document.ts';
import { radarChart } from '../../pdf/radar-chart.ts';

/** One measurement as the document needs it. */
type Web = { measuredOn: string; dimensions: Record<HealthDimension, number>; answers: HealthAnswers };
type Owner = { kind: GoalOwnerKind; name: string | null };
type Zrm = { measuredOn: string; scores: Record<string, number> };

/** Everything on the printable plan; the service gathers it, this file only lays it out. */
export type PlanDocumentData = {
  organisationName: string;
  client: { name: string; clientNumber: string; coachName: string | null };
  today: string;
  latest: Web | null;
  baseline: Web | null;
  goals: { dimension: HealthDimension; description: string; owner: Owner; dueOn: string | null; status: keyof typeof GOAL_STATUS_NAMES; progress: number; actions: { description: string; owner: Owner; dueOn: string | null; done: boolean }[] }[];
  zrmLatest: Zrm | null;
  zrmFirst: Zrm | null;
};

const oneDecimal = (n: number) => n.toFixed(1).replace('.', ',');
const signed = (n: number) => (n > 0 ? `+${oneDecimal(n)}` : n < 0 ? `-${oneDecimal(-n)}` : '0');

function ownerText(owner: Owner, coachName: string | null): string {
  if (owner.kind === 'client') return 'u zelf';
  if (owner.kind === 'coach') return coachName ? `uw coach (${coachName})` : 'uw coach';
  return owner.name ?? 'iemand anders';
}

function healthBlocks(data: PlanDocumentData): PdfBlock[] {
  const { latest, baseline } = data;
  const blocks: PdfBlock[] = [{ kind: 'heading', level: 2, text: 'Hoe gaat het met u? (Positieve Gezondheid)' }];
  if (!latest) return [...blocks, { kind: 'paragraph', text: 'U heeft het spinnenweb nog niet ingevuld.' }];
  blocks.push({
    kind: 'paragraph',
    text: 'Het spinnenweb laat zien hoe het met u gaat op zes gebieden. U gaf elk onderdeel een cijfer van 0 tot 10. Hoe verder naar buiten, hoe beter het gaat.',
  });
  if (baseline) blocks.push({ kind: 'paragraph', text: `Het gekleurde vlak is hoe het nu gaat (${dutchDate(latest.measuredOn)}). De stippellijn is de eerste keer (${dutchDate(baseline.measuredOn)}). Zo ziet u wat er is veranderd.` });
  const flagged = flaggedAspects(latest.answers);
  const perDimension = HEALTH_DIMENSIONS.map((d) => d.aspects.filter((a) => latest.answers[a.code].talk).length);
  blocks.push({
    kind: 'drawing',
    drawing: radarChart({
      axes: HEALTH_DIMENSIONS.map((d) => d.name),
      axisNotes: perDimension.map((n) => (n ? `praten over ${n}` : undefined)),
      min: 0,
      max: 10,
      rings: [2, 4, 6, 8, 10],
      series: [
        ...(baseline ? [{ label: `Eerste keer (${dutchDate(baseline.measuredOn)})`, values: HEALTH_DIMENSIONS.map((d) => baseline.dimensions[d.code]), style: 'outline' as const }] : []),
        { label: `Nu (${dutchDate(latest.measuredOn)})`, values: HEALTH_DIMENSIONS.map((d) => latest.dimensions[d.code]), style: 'filled' as const },
      ],
    }),
    caption: 'Het spinnenweb. Dezelfde cijfers staan in de tabel hieronder.',
  });
  blocks.push(
    baseline
      ? {
          kind: 'table',
          caption: 'Cijfers per gebied (gemiddelde van de onderdelen)',
          columns: [
            { header: 'Gebied', weight: 1.6 },
            { header: `Eerste keer\n${dutchDate(baseline.measuredOn)}`, align: 'right' },
            { header: `Nu\n${dutchDate(latest.measuredOn)}`, align: 'right' },
            { header: 'Verschil', align: 'right', weight: 0.7 },
          ],
          rows: HEALTH_DIMENSIONS.map((d) => [d.name, oneDecimal(baseline.dimensions[d.code]), oneDecimal(latest.dimensions[d.code]), signed(latest.dimensions[d.code] - baseline.dimensions[d.code])]),
        }
      : {
          kind: 'table',
          caption: 'Cijfers per gebied (gemiddelde van de onderdelen)',
          columns: [{ header: 'Gebied', weight: 3 }, { header: `Cijfer\n${dutchDate(latest.measuredOn)}`, align: 'right' }],
          rows: HEALTH_DIMENSIONS.map((d) => [d.name, oneDecimal(latest.dimensions[d.code])]),
        },
  );
  blocks.push({ kind: 'heading', level: 3, text: 'Hier wilt u over praten' });
  blocks.push(
    flagged.length
      ? { kind: 'list', items: flagged.map((a) => `${HEALTH_ASPECT_NAMES[a]} (${HEALTH_DIMENSION_NAMES[dimensionOfAspect(a)]})`) }
      : { kind: 'paragraph', text: 'U heeft geen onderwerpen aangekruist.' },
  );
  blocks.push({
    kind: 'table',
    caption: 'Alle onderdelen',
    columns: [
      { header: 'Gebied', weight: 2 },
      { header: 'Onderdeel', weight: 2.2 },
      ...(baseline ? [{ header: 'Eerste keer', align: 'right' as const }] : []),
      { header: 'Nu', align: 'right' },
      { header: 'Praten?', align: 'center' },
    ],
    rows: HEALTH_DIMENSIONS.flatMap((d) =>
      d.aspects.map((a) => [d.name, a.name, ...(baseline ? [String(baseline.answers[a.code].score)] : []), String(latest.answers[a.code].score), latest.answers[a.code].talk ? 'ja' : '']),
    ),
  });
  return blocks;
}

function goalBlocks(data: PlanDocumentData): PdfBlock[] {
  const blocks: PdfBlock[] = [{ kind: 'heading', level: 2, text: 'Mijn doelen' }];
  if (data.goals.length === 0) return [...blocks, { kind: 'paragraph', text: 'Er staan nog geen doelen in uw plan.' }];
  blocks.push({ kind: 'paragraph', text: 'Dit wilt u bereiken. Bij elk doel staat wie het doet, wanneer het klaar moet zijn en hoe ver u bent.' });
  for (const d of HEALTH_DIMENSIONS) {
    const goals = data.goals.filter((g) => g.dimension === d.code);
    if (goals.length === 0) continue;
    blocks.push({ kind: 'heading', level: 3, text: d.name });
    for (const goal of goals) {
      blocks.push({ kind: 'paragraph', emphasis: 'bold', text: `Doel: ${goal.description}` });
      const facts = [`Wie: ${ownerText(goal.owner, data.client.coachName)}`, goal.dueOn ? `Klaar op: ${dutchDate(goal.dueOn)}` : null, `Hoe staat het: ${GOAL_STATUS_NAMES[goal.status]}, ${goal.progress}% klaar`];
      blocks.push({ kind: 'paragraph', text: facts.filter(Boolean).join('. ') + '.' });
      if (goal.actions.length) {
        blocks.push({
          kind: 'list',
          items: goal.actions.map((a) => `${a.done ? 'Gedaan' : 'Nog doen'}: ${a.description} (${ownerText(a.owner, data.client.coachName)}${a.dueOn ? `, uiterlijk ${dutchDate(a.dueOn)}` : ''})`),
        });
      }
    }
  }
  return blocks;
}

function zrmBlocks(data: PlanDocumentData): PdfBlock[] {
  const { zrmLatest: latest, zrmFirst: first } = data;
  if (!latest) return [];
  const earlier = first && first.measuredOn !== latest.measuredOn ? first : null;
  return [
    { kind: 'heading', level: 2, text: 'Hoe goed redt u zich? (Zelfredzaamheid-Matrix)' },
    { kind: 'paragraph', text: 'Uw coach kijkt ook hoe goed u zich redt op dertien gebieden. Een 1 betekent: er zijn grote problemen. Een 5 betekent: dit gaat helemaal goed.' },
    {
      kind: 'table',
      caption: 'Zelfredzaamheid per gebied',
      columns: [{ header: 'Gebied', weight: 2 }, ...(earlier ? [{ header: `Eerste keer\n${dutchDate(earlier.measuredOn)}`, weight: 2 }] : []), { header: `Nu\n${dutchDate(latest.measuredOn)}`, weight: 2 }],
      rows: ZRM_DOMAINS.map((d) => [d.name, ...(earlier ? [`${earlier.scores[d.code]} – ${zrmLabel(earlier.scores[d.code]!)}`] : []), `${latest.scores[d.code]} – ${zrmLabel(latest.scores[d.code]!)}`]),
    },
  ];
}

/** The printable personal plan, in plain Dutch (B1): the web, its figures, goals and actions, the ZRM. */
export function planDocument(data: PlanDocumentData): PdfDocumentSpec {
  const intro = [`Klantnummer: ${data.client.clientNumber}`, data.client.coachName ? `Uw coach: ${data.client.coachName}` : null, `Gemaakt op: ${dutchDate(data.today)}`].filter(Boolean).join('  ·  ');
  return {
    title: `Persoonlijk plan van ${data.client.name}`,
    author: data.organisationName,
    subject: 'Persoonlijk plan: Positieve Gezondheid, doelen en acties',
    header: `${data.organisationName} – Persoonlijk plan van ${data.client.name}`,
    footer: 'Vertrouwelijk. Dit plan gaat over u.',
    blocks: [
      { kind: 'heading', level: 1, text: `Persoonlijk plan van ${data.client.name}` },
      { kind: 'paragraph', emphasis: 'muted', text: intro },
      { kind: 'paragraph', text: 'In dit plan staat hoe het met u gaat en wat u wilt bereiken. U maakt dit plan samen met uw coach. Wilt u iets veranderen? Bespreek het met uw coach.' },
      ...healthBlocks(data),
      ...goalBlocks(data),
      ...zrmBlocks(data),
    ],
  };
}
