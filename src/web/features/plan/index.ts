/**
 * The personal plan's components for other pages (the client's own page mounts these): each
 * loads its own data and shows actions from the response's policies.
 */
export { GoalsList } from './goals-list.tsx';
export { HealthMeasurementForm } from './health-measurement-form.tsx';
export { PlanSection } from './plan-section.tsx';
export { PositiveHealthPanel } from './positive-health-panel.tsx';
export { PositiveHealthWeb } from './positive-health-web.tsx';
export { ZrmSection } from './zrm-section.tsx';
export type { GoalList, HealthComparison, HealthList } from './plan-types.ts';
