import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cpuPerRequest, cpuSample, registerPostgresBackends, registerServerProcess } from './cpu-probe.ts';

/** Burns `ms` of this process's CPU time (not wall time: the machine may be shared). */
function spin(ms: number) {
  const start = process.cpuUsage();
  let x = 0;
  for (;;) {
    for (let i = 0; i < 10_000; i++) x += Math.sqrt(x + i);
    const used = process.cpuUsage(start);
    if ((used.user + used.system) / 1000 >= ms) return x;
  }
}

describe('CPU per request for the bench', () => {
  it.runIf(existsSync('/proc/self/stat'))('charges the server, PostgreSQL and the load generator apart, per request', async () => {
    // This process plays the server and PostgreSQL's only backend; 300 ms of CPU must show up in all three, 30 ms per request.
    registerServerProcess('http://127.0.0.1:39999', process.pid);
    registerPostgresBackends(async () => [process.pid]);
    const before = await cpuSample('http://127.0.0.1:39999/api/caseload');
    spin(300);
    const per = cpuPerRequest(before, await cpuSample('http://127.0.0.1:39999/x'), 10);
    for (const figure of [per.appMs, per.pgMs, per.loadMs]) {
      expect(figure).toBeGreaterThan(25);
      expect(figure).toBeLessThan(60);
    }
  });

  it('leaves the server out for a URL whose process it does not know, and divides by the requests', async () => {
    const before = await cpuSample('http://127.0.0.1:1/');
    spin(50);
    const per = cpuPerRequest(before, await cpuSample('http://127.0.0.1:1/'), 0);
    expect(per.appMs).toBeUndefined();
    expect(per.loadMs).toBeUndefined();
  });
});
