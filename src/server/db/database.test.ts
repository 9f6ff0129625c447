import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { openDatabase } from './database.ts';

describe('the PostgreSQL pool', () => {
  it('runs without JIT compilation unless DATABASE_URL asks for it', async () => {
    const url = loadConfig().testPostgresUrl;
    const plain = await openDatabase({ databaseUrl: url, poolSize: 1 });
    const asked = new URL(url);
    asked.searchParams.set('options', '-c jit=on');
    const withJit = await openDatabase({ databaseUrl: asked.toString(), poolSize: 1 });
    try {
      expect((await sql<{ jit: string }>`show jit`.execute(plain.db)).rows[0]!.jit).toBe('off');
      expect((await sql<{ jit: string }>`show jit`.execute(withJit.db)).rows[0]!.jit).toBe('on');
    } finally {
      await plain.close();
      await withJit.close();
    }
  });
});
