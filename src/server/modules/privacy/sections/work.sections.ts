import { PLACEMENT_KIND_NAMES, PLACEMENT_OUTCOME_NAMES } from '../../../../shared/placements.ts';
import { labelOf, readable } from '../data-export.labels.ts';
import { f, section, type SectionCollector } from '../data-export.types.ts';
import { findSchoolRecordOf, findWorkProfileOf, listBeschutApplicationsOf, listPlacementsOf, listTegenprestatieOf } from '../work-export.repository.ts';

const hours = (value: string | number | null) => (value === null ? null : Number(value));

/** Placements (volunteering to regular work) and the work profile (doelgroepregister, former Wsw). */
export const placementsSection: SectionCollector = async ({ trx, client }) => {
  const [placements, profile] = await Promise.all([listPlacementsOf(trx, client.id), findWorkProfileOf(trx, client.id)]);
  return [
    section({
      key: 'placements',
      title: 'Plaatsingen en werk',
      about: 'Vrijwilligerswerk, mantelzorg, een participatiebaan, afspraakbaan, beschut werk of een gewone baan: waar, hoeveel uur, met welke ondersteuning en hoe het afliep.',
      fields: [
        f('kind', 'Soort'), f('employer', 'Werkgever of organisatie'), f('activity', 'Werk of activiteit'), f('startsOn', 'Begonnen op', 'date'), f('plannedEndOn', 'Gepland einde', 'date'),
        f('hoursPerWeek', 'Uren per week', 'number'), f('wageSubsidy', 'Loonkostensubsidie', 'boolean'), f('wageSubsidyPercentage', 'Loonkostensubsidie (%)', 'number'),
        f('jobCoach', 'Jobcoach', 'boolean'), f('jobCoachOrganisation', 'Organisatie jobcoach'), f('phase', 'Fase'), f('trialEndsOn', 'Einde proefplaatsing', 'date'),
        f('contractStartsOn', 'Contract vanaf', 'date'), f('endedOn', 'Geëindigd op', 'date'), f('outcome', 'Uitkomst'), f('outcomeReason', 'Reden'), f('note', 'Notitie'),
      ],
      rows: placements.map((p) => ({
        kind: labelOf(PLACEMENT_KIND_NAMES, p.kind),
        employer: p.employer_name,
        activity: p.activity,
        startsOn: p.starts_on,
        plannedEndOn: p.planned_end_on,
        hoursPerWeek: hours(p.hours_per_week),
        wageSubsidy: p.wage_subsidy,
        wageSubsidyPercentage: p.wage_subsidy_percentage,
        jobCoach: p.job_coach,
        jobCoachOrganisation: p.job_coach_organisation,
        phase: p.phase,
        trialEndsOn: p.trial_ends_on,
        contractStartsOn: p.contract_starts_on,
        endedOn: p.ended_on,
        outcome: labelOf(PLACEMENT_OUTCOME_NAMES, p.outcome),
        outcomeReason: p.outcome_reason,
        note: p.note,
      })),
    }),
    section({
      key: 'workProfile',
      title: 'Doelgroepregister en eerder werk in de sociale werkvoorziening',
      about: 'Of u in het doelgroepregister staat (voor een afspraakbaan), en of u eerder in de sociale werkvoorziening (Wsw) werkte.',
      fields: [f('doelgroepregister', 'In het doelgroepregister', 'boolean'), f('doelgroepregisterOn', 'Sinds', 'date'), f('wswHistory', 'Eerder in de Wsw', 'boolean'), f('wswEndedOn', 'Wsw geëindigd op', 'date')],
      rows: profile ? [{ doelgroepregister: profile.doelgroepregister, doelgroepregisterOn: profile.doelgroepregister_on, wswHistory: profile.wsw_history, wswEndedOn: profile.wsw_ended_on }] : [],
    }),
  ];
};

/** Applications for beschut werk and what became of them. */
export const beschutWerkSection: SectionCollector = async ({ trx, client }) => {
  const rows = await listBeschutApplicationsOf(trx, client.id);
  return section({
    key: 'beschutWerk',
    title: 'Beschut werk',
    about: 'Beschut werk is werk met extra begeleiding. Hier staat of er een advies van UWV is gevraagd, wat het advies was, en wat er daarna gebeurde.',
    fields: [f('requestedOn', 'Aangevraagd op', 'date'), f('status', 'Status'), f('advice', 'Advies UWV'), f('assessedOn', 'Beoordeeld op', 'date'), f('placedOn', 'Geplaatst op', 'date'), f('werkfitStartedOn', 'Werkfit-traject vanaf', 'date'), f('werkfitNote', 'Over het werkfit-traject'), f('note', 'Notitie')],
    rows: rows.map((r) => ({
      requestedOn: r.requested_on,
      status: readable(r.status),
      advice: r.advice,
      assessedOn: r.assessed_on,
      placedOn: r.placed_on,
      werkfitStartedOn: r.werkfit_started_on,
      werkfitNote: r.werkfit_note,
      note: r.note,
    })),
  });
};

/** School and qualification of a young person. */
export const schoolSection: SectionCollector = async ({ trx, client }) => {
  const record = await findSchoolRecordOf(trx, client.id);
  return section({
    key: 'school',
    title: 'School en diploma',
    about: 'Welke opleiding u volgt, uw hoogste diploma, en of u bent gemeld als voortijdig schoolverlater.',
    fields: [
      f('currentEducation', 'Opleiding nu'), f('schoolName', 'School'), f('enrolledSince', 'Ingeschreven sinds', 'date'), f('highestDiploma', 'Hoogste diploma'),
      f('earlySchoolLeaverReportedOn', 'Gemeld als voortijdig schoolverlater op', 'date'), f('earlySchoolLeaverSource', 'Gemeld door'), f('backInEducationSince', 'Weer naar school sinds', 'date'), f('note', 'Notitie'),
    ],
    rows: record
      ? [
          {
            currentEducation: readable(record.current_education),
            schoolName: record.school_name,
            enrolledSince: record.enrolled_since,
            highestDiploma: readable(record.highest_diploma),
            earlySchoolLeaverReportedOn: record.early_school_leaver_reported_on,
            earlySchoolLeaverSource: record.early_school_leaver_source,
            backInEducationSince: record.back_in_education_since,
            note: record.note,
          },
        ]
      : [],
  });
};

/** Decisions on a tegenprestatie (counter-performance), with their legal ground and period. */
export const tegenprestatieSection: SectionCollector = async ({ trx, client, describeActors }) => {
  const rows = await listTegenprestatieOf(trx, client.id);
  const by = await describeActors(rows.map((r) => r.decided_by));
  return section({
    key: 'tegenprestatie',
    title: 'Tegenprestatie',
    about: 'Of u een tegenprestatie moet doen voor uw uitkering (onbetaald werk naar vermogen), op welke grond en voor welke periode.',
    fields: [f('decidedOn', 'Besloten op', 'date'), f('decision', 'Besluit'), f('legalGround', 'Grondslag'), f('activity', 'Activiteit'), f('hoursPerWeek', 'Uren per week', 'number'), f('startsOn', 'Vanaf', 'date'), f('endsOn', 'Tot', 'date'), f('note', 'Toelichting'), f('by', 'Door')],
    rows: rows.map((r) => ({
      decidedOn: r.decided_on,
      decision: r.decision === 'opgelegd' ? 'Opgelegd' : 'Niet opgelegd',
      legalGround: r.legal_ground,
      activity: r.activity,
      hoursPerWeek: hours(r.hours_per_week),
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      note: r.note,
      by: by(r.decided_by),
    })),
  });
};
