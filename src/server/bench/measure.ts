import autocannon from 'autocannon';
import { cpuPerRequest, cpuSample, type CpuPerRequest } from './cpu-probe.ts';

/** Latency in ms; `cpu` (load tests only): CPU ms per request of the server, PostgreSQL and the load generator. */
export type Figures = { requests: number; median: number; p99: number; errors: number; non2xx: number; cpu?: CpuPerRequest };

/** Drives one HTTP request sequence with autocannon and returns latency in milliseconds. */
export async function loadTest(options: {
  url: string;
  connections: number;
  durationSeconds: number;
  requests: { method?: 'GET' | 'POST'; path: string; body?: string; headers?: Record<string, string> }[];
  headers?: Record<string, string>;
}): Promise<Figures> {
  const before = await cpuSample(options.url);
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    headers: options.headers,
    requests: options.requests,
  });
  const cpu = cpuPerRequest(before, await cpuSample(options.url), result.requests.total);
  return { requests: result.requests.total, median: result.latency.p50, p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx, cpu };
}

/** Runs an async operation `iterations` times in sequence and returns latency figures in ms. */
export async function timeSequential(iterations: number, operation: () => Promise<unknown>): Promise<Figures> {
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) samples.push(await timed(operation));
  return summarise(samples);
}

/**
 * Runs an async operation on `connections` concurrent loops until `durationSeconds` have passed
 * and every loop has run at least `minimumPerLoop` times; latency figures in ms. Slow operations
 * (a whole KPI set, a sequential scan) and their floor are timed with it alike.
 */
export async function timeConcurrent(connections: number, durationSeconds: number, operation: () => Promise<unknown>, minimumPerLoop = 3): Promise<Figures> {
  const samples: number[] = [];
  const until = Date.now() + durationSeconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      for (let i = 0; i < minimumPerLoop || Date.now() < until; i++) samples.push(await timed(operation));
    }),
  );
  return summarise(samples);
}

async function timed(operation: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await operation();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function summarise(samples: number[]): Figures {
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { requests: samples.length, median: round(at(0.5)), p99: round(at(0.99)), errors: 0, non2xx: 0 };
}

const round = (n: number) => Math.round(n * 100) / 100;
