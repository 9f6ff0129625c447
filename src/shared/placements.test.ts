import { describe, expect, it } from 'vitest';
import { backInEducationSince, hasStartQualification, impliedLadderStep, PLACEMENT_KINDS, type SchoolState } from './placements.ts';

describe('placement rules', () => {
  it('derives the ladder step a placement implies', () => {
    const none = { wageSubsidy: false, jobCoach: false };
    expect(impliedLadderStep('vrijwilligerswerk', none)).toBe(4);
    expect(impliedLadderStep('mantelzorg', none)).toBe(4);
    expect(impliedLadderStep('werkervaringsplaats', none)).toBe(4);
    for (const kind of ['participatiebaan', 'meedoenbaan', 'afspraakbaan', 'beschut_werk', 'sw'] as const) expect(impliedLadderStep(kind, none)).toBe(5);
    expect(impliedLadderStep('regulier', none)).toBe(6);
    expect(impliedLadderStep('regulier', { wageSubsidy: true, jobCoach: false })).toBe(5);
    expect(impliedLadderStep('regulier', { wageSubsidy: false, jobCoach: true })).toBe(5);
    expect(PLACEMENT_KINDS).toHaveLength(9);
  });
});

describe('start qualification and back in education', () => {
  it('counts havo, vwo and mbo level 2 or higher as a start qualification', () => {
    expect(['mbo_2', 'mbo_3', 'mbo_4', 'havo', 'vwo', 'hbo', 'wo'].every((d) => hasStartQualification(d as never))).toBe(true);
    expect(['geen', 'praktijkschool', 'vso', 'vmbo', 'mbo_1'].some((d) => hasStartQualification(d as never))).toBe(false);
  });

  const today = '2026-11-26';
  const out: SchoolState = { currentEducation: 'geen', enrolledSince: null, highestDiploma: 'vmbo', earlySchoolLeaverReportedOn: '2026-02-01', backInEducationSince: null };

  it('flags a young person without a start qualification who enrols again after being out of school', () => {
    expect(backInEducationSince(out, { ...out, currentEducation: 'mbo_2', enrolledSince: '2026-09-01' }, today)).toBe('2026-09-01');
    // Recorded as out of school without an RMC report: enrolling again counts too.
    const noReport = { ...out, earlySchoolLeaverReportedOn: null };
    expect(backInEducationSince(noReport, { ...noReport, currentEducation: 'mbo_1', enrolledSince: '2026-10-01' }, today)).toBe('2026-10-01');
    // First record: enrolled, and reported by the RMC before that enrolment.
    expect(backInEducationSince(null, { currentEducation: 'praktijkschool', enrolledSince: '2026-08-15', highestDiploma: 'geen', earlySchoolLeaverReportedOn: '2026-03-01' }, today)).toBe('2026-08-15');
  });

  it('does not flag who never left, who has a start qualification, or who is not enrolled', () => {
    expect(backInEducationSince(null, { currentEducation: 'mbo_2', enrolledSince: '2025-09-01', highestDiploma: 'vmbo', earlySchoolLeaverReportedOn: null }, today)).toBeNull();
    // An RMC report after the enrolment is a later drop-out, not a return.
    expect(backInEducationSince(null, { currentEducation: 'mbo_2', enrolledSince: '2025-09-01', highestDiploma: 'vmbo', earlySchoolLeaverReportedOn: '2026-03-01' }, today)).toBeNull();
    expect(backInEducationSince(out, { ...out, currentEducation: 'hbo', enrolledSince: '2026-09-01', highestDiploma: 'havo' }, today)).toBeNull();
    expect(backInEducationSince(out, out, today)).toBeNull();
  });

  it('keeps the first date while the young person stays enrolled, and clears it on a diploma or leaving again', () => {
    const back: SchoolState = { ...out, currentEducation: 'mbo_2', enrolledSince: '2026-09-01', backInEducationSince: '2026-09-01' };
    expect(backInEducationSince(back, { ...back, currentEducation: 'mbo_3', enrolledSince: '2026-11-01' }, today)).toBe('2026-09-01');
    expect(backInEducationSince(back, { ...back, highestDiploma: 'mbo_2' }, today)).toBeNull();
    expect(backInEducationSince(back, { ...back, currentEducation: 'geen', enrolledSince: null }, today)).toBeNull();
  });
});
