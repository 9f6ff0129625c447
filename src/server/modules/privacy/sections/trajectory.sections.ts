import { listAppointments } from '../../appointments/appointments.repository.ts';
import { ENROLMENT_STATUS_LABELS, REFERRAL_STATUS_LABELS, labelOf, readable } from '../data-export.labels.ts';
import { f, section, type SectionCollector } from '../data-export.types.ts';
import {
  listAttendanceOf,
  listEnrolmentsOf,
  listProjectsOf,
  listReferralProgressOf,
  listReferralTransitionsOf,
  listReferralsOf,
} from '../trajectory-export.repository.ts';

/** Appointments planned with the client, cancelled ones included. */
export const appointmentsSection: SectionCollector = async ({ trx, client }) => {
  const rows = [...(await listAppointments(trx, client.id))].reverse();
  return section({
    key: 'appointments',
    title: 'Afspraken',
    about: 'Afspraken die met u zijn gemaakt: wanneer, waar, waarover en met wie.',
    fields: [f('startsAt', 'Begint', 'datetime'), f('endsAt', 'Eindigt', 'datetime'), f('location', 'Plaats'), f('purpose', 'Waarover'), f('with', 'Met'), f('status', 'Status'), f('cancelReason', 'Reden afzeggen')],
    // The person the client meets is named: the client needs to know whom they are meeting.
    rows: rows.map((r) => ({
      startsAt: new Date(r.starts_at).toISOString(),
      endsAt: new Date(r.ends_at).toISOString(),
      location: r.location,
      purpose: r.purpose,
      with: r.with_name,
      status: r.status,
      cancelReason: r.cancel_reason,
    })),
  });
};

/** Referrals to providers and partners, their trajectory, the status history and progress reports. */
export const referralsSection: SectionCollector = async ({ trx, client, describeActors }) => {
  const [referrals, transitions, progress] = await Promise.all([listReferralsOf(trx, client.id), listReferralTransitionsOf(trx, client.id), listReferralProgressOf(trx, client.id)]);
  const by = await describeActors([...transitions.map((t) => t.actor_id), ...progress.map((p) => p.author_id)]);
  return [
    section({
      key: 'referrals',
      title: 'Verwijzingen en trajecten',
      about: 'Wanneer wij u hebben aangemeld bij een aanbieder (voor een traject) of een netwerkpartner (zoals het Taalhuis), welke gegevens wij daarbij deelden, en hoe het traject liep en afliep.',
      fields: [
        f('organisation', 'Organisatie'), f('kind', 'Soort'), f('product', 'Traject'), f('status', 'Status'), f('question', 'Vraag'), f('sharedFields', 'Gedeelde gegevens', 'list'),
        f('consentGiven', 'Met uw toestemming', 'boolean'), f('legalGround', 'Grondslag'), f('requestedAt', 'Aangemeld op', 'datetime'), f('decidedAt', 'Besluit op', 'datetime'),
        f('refusalReason', 'Reden weigering'), f('startedOn', 'Gestart op', 'date'), f('plannedEndOn', 'Gepland einde', 'date'), f('endedOn', 'Geëindigd op', 'date'),
        f('stopReason', 'Reden stoppen'), f('endNote', 'Afsluiting'), f('transferredTo', 'Overgedragen naar'), f('adviceNextStep', 'Advies volgende stap'), f('advice', 'Advies'),
        f('extension', 'Verlenging'), f('extensionUntil', 'Verlengd tot', 'date'), f('extensionMotivation', 'Reden verlenging'), f('withdrawalReason', 'Reden intrekken'), f('outcome', 'Uitkomst'),
      ],
      rows: referrals.map((r) => ({
        organisation: r.organisation_name,
        kind: r.kind === 'trajectory' ? 'Traject bij aanbieder' : 'Verwijzing naar netwerkpartner',
        product: r.product,
        status: labelOf(REFERRAL_STATUS_LABELS, r.status),
        question: r.question || null,
        sharedFields: r.shared_fields.map((field) => readable(field)!),
        consentGiven: r.consent_given,
        legalGround: r.legal_ground,
        requestedAt: r.requested_at.toISOString(),
        decidedAt: r.decided_at?.toISOString() ?? null,
        refusalReason: r.refusal_reason,
        startedOn: r.started_on,
        plannedEndOn: r.planned_end_on,
        endedOn: r.ended_on,
        stopReason: r.stop_reason,
        endNote: r.end_note,
        transferredTo: r.transferred_to === 'work_trajectory' ? 'Werktraject' : r.transferred_to === 'provider' ? 'Andere aanbieder' : null,
        adviceNextStep: r.advice_next_step,
        advice: r.advice,
        extension: readable(r.extension_status),
        extensionUntil: r.extension_until,
        extensionMotivation: r.extension_motivation,
        withdrawalReason: r.withdrawal_reason,
        outcome: r.outcome,
      })),
    }),
    section({
      key: 'referralHistory',
      title: 'Verloop van verwijzingen',
      about: 'Elke stap in een verwijzing: aangevraagd, geaccepteerd, gestart, afgerond of gestopt.',
      fields: [f('occurredAt', 'Wanneer', 'datetime'), f('organisation', 'Organisatie'), f('from', 'Van'), f('to', 'Naar'), f('reason', 'Reden'), f('by', 'Door')],
      rows: transitions.map((t) => ({
        occurredAt: t.occurred_at.toISOString(),
        organisation: t.organisation_name,
        from: labelOf(REFERRAL_STATUS_LABELS, t.from_status),
        to: labelOf(REFERRAL_STATUS_LABELS, t.to_status),
        reason: t.reason,
        by: by(t.actor_id),
      })),
    }),
    section({
      key: 'referralProgress',
      title: 'Voortgang van trajecten',
      about: 'Wat de aanbieder over de voortgang van uw traject heeft gemeld.',
      fields: [f('reportedOn', 'Datum', 'date'), f('organisation', 'Organisatie'), f('summary', 'Voortgang'), f('by', 'Door')],
      rows: progress.map((p) => ({ reportedOn: p.reported_on, organisation: p.organisation_name, summary: p.summary, by: by(p.author_id) })),
    }),
  ];
};

/** Places in group modules and attendance per session. */
export const modulesSection: SectionCollector = async ({ trx, client, describeActors }) => {
  const [enrolments, attendance] = await Promise.all([listEnrolmentsOf(trx, client.id), listAttendanceOf(trx, client.id)]);
  const by = await describeActors(attendance.map((a) => a.recorded_by));
  return [
    section({
      key: 'enrolments',
      title: 'Groepsmodules',
      about: 'Groepsmodules waarvoor u bent aangemeld, zoals solliciteren of omgaan met geld.',
      fields: [f('module', 'Module'), f('group', 'Groep'), f('startsOn', 'Start groep', 'date'), f('location', 'Plaats'), f('status', 'Status'), f('priority', 'Met voorrang', 'boolean'), f('requestedAt', 'Aangemeld op', 'datetime'), f('placedAt', 'Geplaatst op', 'datetime'), f('endedAt', 'Gestopt op', 'datetime'), f('endReason', 'Reden stoppen'), f('intakeNote', 'Notitie kennismaking')],
      rows: enrolments.map((e) => ({
        module: e.module_name,
        group: e.cohort_label,
        startsOn: e.starts_on,
        location: e.location,
        status: labelOf(ENROLMENT_STATUS_LABELS, e.status),
        priority: e.priority,
        requestedAt: new Date(e.requested_at).toISOString(),
        placedAt: e.placed_at ? new Date(e.placed_at).toISOString() : null,
        endedAt: e.ended_at ? new Date(e.ended_at).toISOString() : null,
        endReason: e.end_reason,
        intakeNote: e.intake_note,
      })),
    }),
    section({
      key: 'attendance',
      title: 'Aanwezigheid bij bijeenkomsten',
      about: 'Of u bij een bijeenkomst van een groepsmodule was, u had afgemeld of afwezig was.',
      fields: [f('startsAt', 'Bijeenkomst', 'datetime'), f('module', 'Module'), f('topic', 'Onderwerp'), f('status', 'Aanwezigheid'), f('note', 'Opmerking'), f('by', 'Vastgelegd door')],
      rows: attendance.map((a) => ({ startsAt: new Date(a.starts_at).toISOString(), module: a.module_name, topic: a.topic, status: a.status, note: a.note, by: by(a.recorded_by) })),
    }),
  ];
};

/** Projects the client takes part in. */
export const projectsSection: SectionCollector = async ({ trx, client }) => {
  const rows = await listProjectsOf(trx, client.id);
  return section({
    key: 'projects',
    title: 'Projecten',
    about: 'Projecten waaraan u meedoet of meedeed, zoals een sportproject.',
    fields: [f('name', 'Project'), f('description', 'Omschrijving'), f('joinedOn', 'Meedoen sinds', 'date'), f('leftOn', 'Gestopt op', 'date')],
    rows: rows.map((r) => ({ name: r.name, description: r.description || null, joinedOn: r.joined_on, leftOn: r.left_on })),
  });
};
