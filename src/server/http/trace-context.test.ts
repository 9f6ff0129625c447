import { describe, expect, it } from 'vitest';
import { traceContextFrom } from './trace-context.ts';

describe('W3C trace context', () => {
  it('continues a valid traceparent and starts a new trace for an invalid one', () => {
    const continued = traceContextFrom('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
    expect(continued.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(continued.parentSpanId).toBe('00f067aa0ba902b7');
    expect(continued.spanId).not.toBe('00f067aa0ba902b7');
    for (const bad of [undefined, 'garbage', '00-00000000000000000000000000000000-00f067aa0ba902b7-01']) {
      const fresh = traceContextFrom(bad);
      expect(fresh.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(fresh.parentSpanId).toBeNull();
    }
  });

  it('gives every new trace and span its own id, also across refills of the random pool', () => {
    const fresh = Array.from({ length: 1000 }, () => traceContextFrom(undefined));
    expect(new Set(fresh.map((t) => t.traceId)).size).toBe(1000);
    expect(new Set(fresh.map((t) => t.spanId)).size).toBe(1000);
    for (const t of fresh) expect(`${t.traceId}${t.spanId}`).toMatch(/^[0-9a-f]{48}$/);
  });
});
