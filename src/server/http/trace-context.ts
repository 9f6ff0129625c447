import { randomBytes } from 'node:crypto';

/** W3C trace context for one request: the processing log records these ids. */
export type TraceContext = { traceId: string; spanId: string; parentSpanId: string | null; startedAt: Date };

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;

/** Continues an incoming `traceparent` (as parent span) or starts a new trace. */
export function traceContextFrom(traceparent: string | undefined): TraceContext {
  const match = traceparent ? TRACEPARENT.exec(traceparent.trim()) : null;
  const valid = match && !/^0+$/.test(match[1]!) && !/^0+$/.test(match[2]!);
  return {
    traceId: valid ? match[1]! : randomBytes(16).toString('hex'),
    spanId: randomBytes(8).toString('hex'),
    parentSpanId: valid ? match[2]! : null,
    startedAt: new Date(),
  };
}

export function traceparentHeader(ctx: TraceContext): string {
  return `00-${ctx.traceId}-${ctx.spanId}-01`;
}
