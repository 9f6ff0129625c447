/**
 * Every KPI figure, in the order dashboards and reports show them. A new figure adds one line.
 * (Figures are filled in by their own files under figures/.)
 */
import type { KpiKey } from '../../../shared/kpi.ts';
import type { KpiDefinition } from './kpi-definition.ts';
import { ladderNoDropFigure } from './figures/ladder-no-drop.figure.ts';
import { ladderMovementFigure } from './figures/ladder-movement.figure.ts';
import { annualConversationFigure } from './figures/annual-conversation.figure.ts';
import { afspraakbanenFigure } from './figures/afspraakbanen.figure.ts';
import { beschutWerkFigure } from './figures/beschut-werk.figure.ts';
import { moduleAttendanceFigure } from './figures/module-attendance.figure.ts';
import { participationPlacementsFigure } from './figures/participation-placements.figure.ts';
import { trajectoriesFigure } from './figures/trajectories.figure.ts';
import { youthBackInEducationFigure } from './figures/youth-back-in-education.figure.ts';
import { returnPerRouteFigure } from './figures/return-per-route.figure.ts';
import { monthlyTrendsFigure } from './figures/monthly-trends.figure.ts';

export const KPI_DEFINITIONS: KpiDefinition[] = [
  ladderNoDropFigure,
  ladderMovementFigure,
  annualConversationFigure,
  youthBackInEducationFigure,
  afspraakbanenFigure,
  beschutWerkFigure,
  participationPlacementsFigure,
  trajectoriesFigure,
  moduleAttendanceFigure,
  returnPerRouteFigure,
  monthlyTrendsFigure,
];

/** The definition of one KPI, or undefined for a key nobody registered. */
export function kpiDefinition(key: KpiKey): KpiDefinition | undefined {
  return KPI_DEFINITIONS.find((d) => d.key === key);
}
