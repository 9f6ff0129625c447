import { CONTACT_KINDS } from './client-fields.ts';

/**
 * Every kind of event a module writes on a client's timeline. The timeline repository accepts
 * only these, so a new kind must be added here, and a test then asks for its Dutch and English
 * label (`timeline.kinds.*`): the UI never shows a raw code such as "contact.huisbezoek".
 */
export const TIMELINE_KINDS = [
  'client.registered',
  'client.imported',
  'client.updated',
  'client.route_changed',
  'client.reassigned',
  'client.outflow',
  'ladder.measured',
  ...CONTACT_KINDS.map((kind) => `contact.${kind}` as const),
  'signal.raised',
  'signal.escalated',
  'signal.outcome',
  'signal.status',
  'appointment.scheduled',
  'appointment.cancelled',
  'plan.health_measured',
  'plan.zrm_measured',
  'plan.goal_added',
  'plan.goal_status',
  'plan.goal_removed',
  'plan.action_done',
  'placement.started',
  'placement.contract',
  'placement.updated',
  'placement.ended',
  'placement.work_profile',
  'beschut.requested',
  'beschut.assessed',
  'beschut.werkfit',
  'youth.school',
  'tegenprestatie.decided',
  'referral.requested',
  'referral.accepted',
  'referral.received',
  'referral.refused',
  'referral.started',
  'referral.progress',
  'referral.completed',
  'referral.stopped',
  'referral.transferred',
  'referral.withdrawn',
  'referral.extension_proposed',
  'referral.extension_approved',
  'referral.extension_refused',
  'referral.outcome',
  'module.invited',
  'module.selected',
  'module.not_selected',
  'module.not_started',
  'module.waiting',
  'module.placed',
  'module.priority',
  'module.completed',
  'module.left',
  'project.joined',
  'project.left',
  'privacy.data_export',
] as const;

export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** The part after the module's prefix: `TimelineKindOf<'referral'>` is 'requested' | 'accepted' | … */
export type TimelineKindOf<Prefix extends string, K = TimelineKind> = K extends `${Prefix}.${infer Rest}` ? Rest : never;

/** A kind built at run time (a module's list of changes), checked before it is written. */
export function assertTimelineKind(kind: string): TimelineKind {
  if (!(TIMELINE_KINDS as readonly string[]).includes(kind)) throw new Error(`Unknown timeline kind ${kind}: add it to TIMELINE_KINDS with its labels`);
  return kind as TimelineKind;
}

/** The message key of a kind's label; the catalogue's keys have no dots inside a name. */
export function timelineLabelKey(kind: string): string {
  return `timeline.kinds.${kind.replace(/\./g, '_')}`;
}
