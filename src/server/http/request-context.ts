import type { Actor } from '../authz/actor.ts';
import type { TraceContext } from './trace-context.ts';

/** What a service needs to know about the request it serves: who acts, and under which trace. */
export type RequestContext = Readonly<{ actor: Actor; trace: TraceContext }>;
