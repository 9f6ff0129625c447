import autocannon from 'autocannon';

export type Figures = { requests: number; median: number; p99: number; errors: number; non2xx: number };

/** Drives one HTTP request sequence with autocannon and returns latency in milliseconds. */
export async function loadTest(options: {
  url: string;
  connections: number;
  durationSeconds: number;
  requests: { method?: 'GET' | 'POST'; path: string; body?: string; headers?: Record<string, string> }[];
  headers?: Record<string, string>;
}): Promise<Figures> {
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    headers: options.headers,
    requests: options.requests,
  });
  return { requests: result.requests.total, median: result.latency.p50, p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx };
}

/** Runs an async operation `iterations` times in sequence and returns latency figures in ms. */
export async function timeSequential(iterations: number, operation: () => Promise<unknown>): Promise<Figures> {
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    await operation();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { requests: iterations, median: round(at(0.5)), p99: round(at(0.99)), errors: 0, non2xx: 0 };
}

const round = (n: number) => Math.round(n * 100) / 100;
