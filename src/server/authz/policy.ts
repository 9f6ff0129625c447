import { forbidden } from '../http/errors.ts';
import type { Actor } from './actor.ts';

/** An object rule: may this actor do this to this resource? */
export type Rule<R> = (actor: Actor, resource: R) => boolean;

/** A module's object rules, one per action (`read`, `update`, `disable`, …). */
export type Policy<R, A extends string> = Readonly<Record<A, Rule<R>>>;

/** Declares a module's policy; the identity function keeps the action names as a type. */
export function definePolicy<R, A extends string>(rules: Record<A, Rule<R>>): Policy<R, A> {
  return Object.freeze(rules);
}

/** Throws 403 unless the rule allows it. */
export function authorize<R, A extends string>(actor: Actor, policy: Policy<R, A>, action: A, resource: R): void {
  if (!policy[action](actor, resource)) throw forbidden();
}

/** The caller's abilities on one object, sent along so the UI asks instead of re-implementing. */
export function abilitiesOf<R, A extends string>(actor: Actor, policy: Policy<R, A>, resource: R): Record<A, boolean> {
  const result = {} as Record<A, boolean>;
  for (const action of Object.keys(policy) as A[]) result[action] = policy[action](actor, resource);
  return result;
}
