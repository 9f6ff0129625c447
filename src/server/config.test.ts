import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('config', () => {
  it('has working defaults for the demo and is frozen', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.session).toEqual({ idleMinutes: 30, absoluteHours: 12 });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('fails fast on bad values and on a production start without a pseudonym key', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/PSEUDONYM_KEY/);
    expect(loadConfig({ NODE_ENV: 'production', PSEUDONYM_KEY: 'k'.repeat(32) }).cookieSecure).toBe(true);
  });
});
