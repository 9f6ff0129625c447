import { GOAL_STATUS_NAMES } from '../../../../shared/plan-goals.ts';
import { HEALTH_DIMENSIONS, HEALTH_DIMENSION_NAMES, type HealthAnswers } from '../../../../shared/positive-health.ts';
import { ZRM_DOMAINS, zrmLabel } from '../../../../shared/zrm.ts';
import { listGoalActionsOf, listGoalsOf, listHealthMeasurementsOf, listZrmMeasurementsOf } from '../plan-export.repository.ts';
import { labelOf } from '../data-export.labels.ts';
import { f, section, type SectionCollector } from '../data-export.types.ts';

const score = (n: string | number) => Number(n).toFixed(1).replace('.', ',');
const OWNERS: Readonly<Record<string, string>> = { client: 'U zelf', coach: 'Uw coach', other: 'Iemand anders' };
const FILLED_BY: Readonly<Record<string, string>> = { client_with_coach: 'Door u samen met uw coach', client_alone: 'Door u zelf' };

/** Positive Health webs: the score per dimension, and every aspect with "hier wil ik over praten". */
export const healthSection: SectionCollector = async ({ trx, client, describeActors }) => {
  const rows = await listHealthMeasurementsOf(trx, client.id);
  const by = await describeActors(rows.map((r) => r.recorded_by));
  return section({
    key: 'positiveHealth',
    title: 'Positieve Gezondheid (spinnenweb)',
    about: 'Hoe het met u gaat op zes gebieden. U gaf elk onderdeel een cijfer van 0 tot 10, en gaf aan waarover u wilde praten.',
    fields: [
      f('measuredOn', 'Datum', 'date'), f('filledBy', 'Ingevuld'),
      ...HEALTH_DIMENSIONS.map((d) => f(d.code, `${d.name} (gemiddelde)`)),
      f('answers', 'Cijfers per onderdeel', 'list'), f('note', 'Toelichting'), f('by', 'Vastgelegd door'),
    ],
    rows: rows.map((r) => {
      const answers = r.answers as HealthAnswers;
      return {
        measuredOn: r.measured_on,
        filledBy: labelOf(FILLED_BY, r.filled_by),
        lichaamsfuncties: score(r.mean_lichaamsfuncties),
        mentaal_welbevinden: score(r.mean_mentaal_welbevinden),
        zingeving: score(r.mean_zingeving),
        kwaliteit_van_leven: score(r.mean_kwaliteit_van_leven),
        meedoen: score(r.mean_meedoen),
        dagelijks_functioneren: score(r.mean_dagelijks_functioneren),
        answers: HEALTH_DIMENSIONS.flatMap((d) =>
          d.aspects.map((a) => {
            const answer = answers[a.code as keyof HealthAnswers];
            return answer ? `${a.name}: ${answer.score}${answer.talk ? ' (hier wil ik over praten)' : ''}` : `${a.name}: niet ingevuld`;
          }),
        ),
        note: r.note,
        by: by(r.recorded_by),
      };
    }),
  });
};

/** Zelfredzaamheid-Matrix measurements: a score of 1 to 5 on thirteen domains. */
export const zrmSection: SectionCollector = async ({ trx, client, describeActors }) => {
  const rows = await listZrmMeasurementsOf(trx, client.id);
  const by = await describeActors(rows.map((r) => r.recorded_by));
  return section({
    key: 'zrm',
    title: 'Zelfredzaamheid-Matrix',
    about: 'Hoe goed u zich redt op dertien gebieden, van 1 (acute problemen) tot 5 (helemaal zelfredzaam).',
    fields: [f('measuredOn', 'Datum', 'date'), f('scores', 'Scores', 'list'), f('note', 'Toelichting'), f('by', 'Door')],
    rows: rows.map((r) => ({
      measuredOn: r.measured_on,
      scores: ZRM_DOMAINS.map((d) => {
        const value = Number(r[d.code]);
        return `${d.name}: ${value} (${zrmLabel(value)})`;
      }),
      note: r.note,
      by: by(r.recorded_by),
    })),
  });
};

/** Goals of the personal plan with their actions. */
export const goalsSection: SectionCollector = async ({ trx, client }) => {
  const [goals, actions] = await Promise.all([listGoalsOf(trx, client.id), listGoalActionsOf(trx, client.id)]);
  const ownerText = (kind: string, name: string | null) => (kind === 'other' && name ? name : (OWNERS[kind] ?? kind));
  return section({
    key: 'goals',
    title: 'Doelen in uw plan',
    about: 'De doelen die u met uw coach heeft afgesproken, per gebied van Positieve Gezondheid, met wat u daarvoor gaat doen.',
    fields: [
      f('dimension', 'Gebied'), f('goal', 'Doel'), f('owner', 'Wie'), f('dueOn', 'Klaar op', 'date'), f('status', 'Status'), f('progress', 'Voortgang (%)', 'number'),
      f('actions', 'Acties', 'list'), f('createdAt', 'Afgesproken op', 'datetime'),
    ],
    rows: goals.map((g) => ({
      dimension: HEALTH_DIMENSION_NAMES[g.dimension] ?? g.dimension,
      goal: g.description,
      owner: ownerText(g.owner_kind, g.owner_name),
      dueOn: g.due_on,
      status: labelOf(GOAL_STATUS_NAMES, g.status),
      progress: g.progress,
      actions: actions
        .filter((a) => a.goal_id === g.id)
        .map((a) => `${a.description} (${ownerText(a.owner_kind, a.owner_name)}${a.due_on ? `, uiterlijk ${a.due_on}` : ''}${a.done ? ', gedaan' : ''})`),
      createdAt: g.created_at.toISOString(),
    })),
  });
};
