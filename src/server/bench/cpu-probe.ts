import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time per request for the load scenarios, so that the load generator's own CPU is never
 * mistaken for the server's: on a 2-core machine autocannon, Node and PostgreSQL share the cores,
 * and wall-clock latency alone cannot say who spent them. Read from /proc (Linux); elsewhere the
 * server and PostgreSQL figures are left out.
 */
export type CpuSample = { app: number | undefined; pg: Map<number, number> | undefined; load: number };
export type CpuPerRequest = { appMs: number | undefined; pgMs: number | undefined; loadMs: number };

const TICK_MS = 10; // USER_HZ is 100 on Linux
const servers = new Map<string, number>();
let postgresPids: (() => Promise<number[]>) | undefined;

/** The process serving `url` (a child the bench started); its cluster workers are counted with it. */
export function registerServerProcess(url: string, pid: number): void {
  servers.set(new URL(url).origin, pid);
}

/** Where to find the PostgreSQL backends of the bench database (their CPU is PostgreSQL's share). */
export function registerPostgresBackends(list: () => Promise<number[]>): void {
  postgresPids = list;
}

/** user + system CPU of one process in ms, or undefined when /proc does not have it. */
function processCpuMs(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}

/** A process and its direct children (node:cluster workers). */
function treeCpuMs(pid: number): number | undefined {
  const own = processCpuMs(pid);
  if (own === undefined) return undefined;
  let total = own;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const parent = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
      if (parent === pid) total += processCpuMs(Number(entry)) ?? 0;
    } catch {
      // The process ended while we looked.
    }
  }
  return total;
}

export async function cpuSample(url: string): Promise<CpuSample> {
  const pid = servers.get(new URL(url).origin);
  const usage = process.cpuUsage();
  let pg: Map<number, number> | undefined;
  if (postgresPids) {
    pg = new Map();
    for (const backend of await postgresPids()) {
      const ms = processCpuMs(backend);
      if (ms === undefined) {
        pg = undefined; // PostgreSQL runs elsewhere (or as another user without /proc access)
        break;
      }
      pg.set(backend, ms);
    }
  }
  return { app: pid === undefined ? undefined : treeCpuMs(pid), pg, load: (usage.user + usage.system) / 1000 };
}

export function cpuPerRequest(before: CpuSample, after: CpuSample, requests: number): CpuPerRequest {
  const per = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || requests === 0 ? undefined : Math.round(((b - a) / requests) * 100) / 100);
  // Backends that started during the run count in full; one that ended took its figure with it.
  const pgDelta = (a: Map<number, number> | undefined, b: Map<number, number> | undefined) =>
    a && b && b.size > 0 ? [...b].reduce((sum, [pid, ms]) => sum + ms - (a.get(pid) ?? 0), 0) : undefined;
  return { appMs: per(before.app, after.app), pgMs: per(0, pgDelta(before.pg, after.pg)), loadMs: per(before.load, after.load)! };
}
