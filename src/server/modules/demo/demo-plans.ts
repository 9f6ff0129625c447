import { Faker, nl } from '@faker-js/faker';
import { addDays, addMonths } from '../../../shared/dates.ts';
import type { GoalOwnerKind, GoalStatus } from '../../../shared/plan-goals.ts';
import { dimensionMeans, flaggedAspects, HEALTH_DIMENSIONS, HEALTH_DIMENSION_NAMES, type HealthAspect, type HealthDimension } from '../../../shared/positive-health.ts';
import type { Executor } from '../../db/database.ts';
import { insertActions, insertGoals, type NewAction, type NewGoal } from '../plans/goals.repository.ts';
import { insertHealthMeasurements, insertZrmMeasurements, type NewHealthMeasurement, type NewZrmMeasurement } from '../plans/measurements.repository.ts';
import { buildAnswers, buildZrmScores } from '../plans/plan-fixtures.ts';
import { insertTimelineEvents, type NewTimelineEvent } from '../timeline/timeline.repository.ts';

/** Goals a coach and client might set per dimension, each with the first steps towards it. */
const GOAL_IDEAS: Readonly<Record<HealthDimension, readonly { goal: string; actions: readonly string[] }[]>> = {
  lichaamsfuncties: [
    { goal: 'Drie keer per week een half uur wandelen', actions: ['Wandelschoenen uitzoeken', 'Een wandelmaatje vragen', 'Bijhouden in een schriftje'] },
    { goal: 'Beter slapen, op vaste tijden naar bed', actions: ['Slaapdagboek bijhouden', 'Afspraak bij de huisarts over slapen'] },
  ],
  mentaal_welbevinden: [
    { goal: 'Minder piekeren en meer rust in mijn hoofd', actions: ['Aanmelden bij de cursus Grip op je dip', 'Elke dag tien minuten buiten zijn'] },
    { goal: 'Met vertrouwen nieuwe mensen ontmoeten', actions: ['Een keer meegaan naar het buurthuis', 'Oefenen met een gesprek beginnen'] },
  ],
  zingeving: [
    { goal: 'Een hobby oppakken die ik vroeger leuk vond', actions: ['Uitzoeken waar een tekenclub is', 'Een proefles volgen'] },
    { goal: 'Iets betekenen voor anderen', actions: ['Gesprek bij het vrijwilligerspunt', 'Drie vacatures uitkiezen'] },
  ],
  kwaliteit_van_leven: [
    { goal: 'Grip op mijn geldzaken', actions: ['Aanmelden bij Schuldhulpmaatje', 'Alle post in één map bewaren', 'Budgetplan maken met de coach'] },
    { goal: 'Een veilige en rustige woonplek', actions: ['Urgentie aanvragen bij de woningcorporatie', 'Gesprek met de wijkagent'] },
  ],
  meedoen: [
    { goal: 'Twee dagdelen per week vrijwilligerswerk', actions: ['Kennismaken bij de kringloopwinkel', 'Meelopen op een proefdag', 'Afspraken maken over de uren'] },
    { goal: 'Meer contact met mensen in de buurt', actions: ['Meedoen met de wekelijkse koffieochtend', 'Aanmelden bij de moestuinclub'] },
  ],
  dagelijks_functioneren: [
    { goal: 'Zelf mijn week plannen', actions: ['Een weekplanner kopen', 'Elke maandag de week doornemen met de coach'] },
    { goal: 'Werkritme opbouwen richting betaald werk', actions: ['Werkfit-traject aanvragen', 'Cv maken bij de bibliotheek', 'Twee sollicitatiebrieven schrijven'] },
  ],
};

/** `startedOn` and `leaves` from the client's life course (demo-lifecycle.ts): no plan before the benefit started, none for who leaves. */
type DemoClient = { id: string; coachId: string | null; startedOn?: string; leaves?: boolean };

const clamp = (n: number, min: number, max: number) => Math.max(min, Math.min(max, Math.round(n)));

/**
 * The personal plans of the demo: for about two in three clients a first Positive Health web and
 * one or two later ones that show growth, goals with actions in the weakest dimensions, and for
 * about half of them a ZRM history. The demo client account (the first client) always gets a
 * full plan. A separate seeded Faker, so the rest of the demo stays the same.
 */
export async function seedDemoPlans(trx: Executor, organisationId: string, clients: readonly DemoClient[], today: string, seed = 2026): Promise<void> {
  const faker = new Faker({ locale: [nl] });
  faker.seed(seed + 5);
  const health: NewHealthMeasurement[] = [];
  const zrm: NewZrmMeasurement[] = [];
  const goals: NewGoal[] = [];
  const goalActions: Omit<NewAction, 'goal_id'>[][] = [];
  const timeline: NewTimelineEvent[] = [];
  const at = (date: string) => new Date(`${date}T11:00:00Z`);

  clients.forEach((client, index) => {
    const full = index === 0;
    if (!full && !faker.datatype.boolean({ probability: 0.65 })) return;
    const base = { organisation_id: organisationId, client_id: client.id, recorded_by: client.coachId };
    // Where the client starts per dimension, and how much each grows per later measurement.
    const level = HEALTH_DIMENSIONS.map(() => faker.number.float({ min: 2, max: 7 }));
    const growth = HEALTH_DIMENSIONS.map(() => faker.number.float({ min: -0.3, max: 1.6 }));
    const count = full ? 3 : faker.number.int({ min: 1, max: 3 });
    const firstOn = addMonths(today, -faker.number.int({ min: 9, max: 15 }));
    if (!full && (client.leaves || (client.startedOn && firstOn < addDays(client.startedOn, 14)))) return;
    let latestAnswers = buildAnswers(() => 0);
    for (let m = 0; m < count; m++) {
      const measuredOn = m === 0 ? firstOn : addMonths(firstOn, Math.round(((m * 1) / count) * 9) + 1);
      const answers = buildAnswers((d, a) => clamp(level[d]! + growth[d]! * m * 1.5 + ((a * 7 + index) % 5) - 2, 0, 10));
      const lowest = HEALTH_DIMENSIONS.flatMap((d) => d.aspects.map((a) => ({ code: a.code as HealthAspect, score: answers[a.code].score }))).sort((x, y) => x.score - y.score);
      for (const { code } of lowest.slice(0, faker.number.int({ min: 0, max: 4 }))) answers[code].talk = true;
      const filledBy = m > 0 && faker.datatype.boolean({ probability: 0.3 }) ? 'client_alone' : 'client_with_coach';
      const talk = flaggedAspects(answers).length;
      health.push({ ...base, measured_on: measuredOn, filled_by: filledBy, answers, means: dimensionMeans(answers), talk_count: talk, note: null });
      timeline.push({
        organisation_id: organisationId,
        client_id: client.id,
        occurred_at: at(measuredOn),
        kind: 'plan.health_measured',
        summary: `Positieve Gezondheid ingevuld ${filledBy === 'client_alone' ? 'door de cliënt zelf' : 'samen met de coach'}${talk ? ` (${talk} ${talk === 1 ? 'onderwerp' : 'onderwerpen'} om over te praten)` : ''}`,
        actor_id: client.coachId,
      });
      latestAnswers = answers;
    }

    // Goals in the two or three weakest dimensions of the latest web.
    const means = dimensionMeans(latestAnswers);
    const weakest = [...HEALTH_DIMENSIONS].sort((a, b) => means[a.code] - means[b.code]).slice(0, full ? 3 : faker.number.int({ min: 1, max: 3 }));
    for (const d of weakest) {
      const idea = faker.helpers.arrayElement(GOAL_IDEAS[d.code]);
      const status = faker.helpers.arrayElement<GoalStatus>(['open', 'in_progress', 'in_progress', 'achieved']);
      const owner = faker.helpers.arrayElement<GoalOwnerKind>(['client', 'client', 'coach']);
      const createdOn = addMonths(firstOn, 1);
      const doneCount = status === 'achieved' ? idea.actions.length : status === 'open' ? 0 : faker.number.int({ min: 0, max: idea.actions.length - 1 });
      goals.push({
        organisation_id: organisationId,
        client_id: client.id,
        created_by: client.coachId,
        dimension: d.code,
        description: idea.goal,
        owner_kind: owner,
        owner_name: null,
        due_on: addMonths(today, faker.number.int({ min: 1, max: 6 })),
        status,
        progress: status === 'achieved' ? 100 : Math.round((doneCount / idea.actions.length) * 100),
        created_at: at(createdOn),
      });
      goalActions.push(
        idea.actions.map((description, i) => {
          const other = i === 1 && faker.datatype.boolean({ probability: 0.3 });
          return {
            organisation_id: organisationId,
            client_id: client.id,
            created_by: client.coachId,
            description,
            owner_kind: other ? 'other' : i === 0 ? owner : 'client',
            owner_name: other ? faker.helpers.arrayElement(['Buurtteam Lingestad', 'Taalhuis Lingedal', 'Schuldhulpmaatje Lingedal']) : null,
            due_on: addMonths(createdOn, i + 1),
            done: i < doneCount,
            done_on: i < doneCount ? addMonths(createdOn, i + 1) : null,
            created_at: at(createdOn),
          };
        }),
      );
      timeline.push({ organisation_id: organisationId, client_id: client.id, occurred_at: at(createdOn), kind: 'plan.goal_added', summary: `Doel gesteld (${HEALTH_DIMENSION_NAMES[d.code]}): ${idea.goal}`, actor_id: client.coachId });
    }

    // A ZRM history for about half of them: a first matrix and a better later one.
    if (full || faker.datatype.boolean({ probability: 0.5 })) {
      const start = buildZrmScores(() => faker.number.int({ min: 1, max: 4 }));
      for (const [k, measuredOn] of [firstOn, addMonths(firstOn, 6)].entries()) {
        if (measuredOn > today) break;
        const scores = buildZrmScores((i) => clamp(Object.values(start)[i]! + (k && faker.datatype.boolean({ probability: 0.4 }) ? 1 : 0), 1, 5));
        zrm.push({ ...base, measured_on: measuredOn, scores, note: null });
        timeline.push({ organisation_id: organisationId, client_id: client.id, occurred_at: at(measuredOn), kind: 'plan.zrm_measured', summary: 'Zelfredzaamheid-Matrix ingevuld', actor_id: client.coachId });
      }
    }
  });

  await insertHealthMeasurements(trx, health);
  await insertZrmMeasurements(trx, zrm);
  const goalIds = await insertGoals(trx, goals);
  await insertActions(trx, goalActions.flatMap((actions, i) => actions.map((a) => ({ ...a, goal_id: goalIds[i]! }))));
  for (let i = 0; i < timeline.length; i += 1000) await insertTimelineEvents(trx, timeline.slice(i, i + 1000));
}
