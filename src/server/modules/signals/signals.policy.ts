import { definePolicy } from '../../authz/policy.ts';

type SignalRef = { status: string };

/**
 * Rules on a signal whose client the actor already works on (checked when loading the client):
 * a closed signal is history and changes no more.
 */
export const signalPolicy = definePolicy<SignalRef, 'update' | 'escalate'>({
  update: (_actor, signal) => signal.status !== 'afgerond',
  escalate: (_actor, signal) => signal.status !== 'afgerond',
});

/** Allowed status changes; escalation sets 'geescaleerd' itself. */
export const SIGNAL_TRANSITIONS: Readonly<Record<string, readonly string[]>> = {
  open: ['in_behandeling', 'afgerond'],
  in_behandeling: ['open', 'afgerond'],
  geescaleerd: ['in_behandeling', 'afgerond'],
  afgerond: [],
};

type TeamRef = { organisationId: string; teamId: string };

/** The overview of a team's open escalations is for the lead of that team. */
export const teamEscalationsPolicy = definePolicy<TeamRef, 'read'>({
  read: (actor, team) => actor.organisationId === team.organisationId && actor.role === 'team_lead' && actor.teamId === team.teamId,
});
