import type { MeasurementRow } from './ladder.repository.ts';

/** The fields of a ladder measurement that leave the server (also after a referral's measurement). */
export function presentMeasurement(row: MeasurementRow) {
  return {
    id: row.id,
    measuredOn: row.measured_on,
    step: row.step,
    growthPotential: row.growth_potential,
    occasion: row.occasion,
    answers: row.answers as Record<string, boolean>,
    note: row.note,
    measuredBy: row.user_id && row.user_name ? { id: row.user_id, displayName: row.user_name } : null,
  };
}
