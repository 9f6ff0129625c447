import { z } from 'zod';

/**
 * The only reader of process.env. Validated once at start-up and frozen, so a typo in a
 * deployment fails fast instead of running with a silent default.
 */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** PostgreSQL connection string; when absent Meedoen runs on embedded PGlite in DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  /** HTTP worker processes (PostgreSQL only; the embedded database lives in one process). */
  WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  /** PostgreSQL connections per process. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Key for the keyed hash that turns a BSN into the processing-log pseudonym. */
  PSEUDONYM_KEY: z.string().min(32).optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_LOCKOUT_MINUTES: z.coerce.number().int().positive().default(15),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Serve cookies with the Secure flag; on by default in production (behind TLS). */
  COOKIE_SECURE: z.enum(['true', 'false']).optional(),
  SEED_DEMO: z.enum(['true', 'false']).default('true'),
  /** Login attempts per IP per minute (brute-force brake in front of the per-account lockout). */
  LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(20),
  /** How often the task rules run (minutes); 0 turns the schedule off. */
  TASK_RULES_INTERVAL_MINUTES: z.coerce.number().int().min(0).default(60),
  /**
   * How old (seconds) a precomputed KPI figure the dashboard may show while the data has changed
   * since; it is then labelled with its time and recomputed in the background. 0: always current.
   */
  KPI_MAX_STALENESS_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  /** Server where tests create and drop their throwaway databases. */
  TEST_POSTGRES_URL: z.string().url().default('postgres://root@127.0.0.1:5432/postgres'),
  /**
   * Confidential notes in a client's copy of their data (AVG inzage): 'include' (AVG art. 15,
   * they are the client's personal data) or 'withhold' (UAVG art. 41, to protect others; the
   * copy then says how many were left out and why). See modules/privacy.
   */
  SUBJECT_ACCESS_CONFIDENTIAL_NOTES: z.enum(['include', 'withhold']).default('include'),
});

export type Config = Readonly<{
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  workers: number;
  dataDir: string;
  pseudonymKey: string;
  session: Readonly<{ idleMinutes: number; absoluteHours: number }>;
  login: Readonly<{ maxFailures: number; lockoutMinutes: number; ratePerMinute: number }>;
  testPostgresUrl: string;
  taskRulesIntervalMinutes: number;
  kpi: Readonly<{ maxStalenessSeconds: number }>;
  logLevel: string;
  cookieSecure: boolean;
  seedDemo: boolean;
  subjectAccess: Readonly<{ confidentialNotes: 'include' | 'withhold' }>;
}>;

/** A key only good for demo and tests; production must bring its own. */
const DEVELOPMENT_PSEUDONYM_KEY = 'meedoen-development-pseudonym-key-not-for-production';

/** Parses an environment (process.env by default) into a frozen Config, or throws. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${detail}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && !e.PSEUDONYM_KEY) {
    throw new Error('Invalid configuration: PSEUDONYM_KEY is required in production');
  }
  return Object.freeze({
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    workers: e.WORKERS,
    dataDir: e.DATA_DIR,
    pseudonymKey: e.PSEUDONYM_KEY ?? DEVELOPMENT_PSEUDONYM_KEY,
    session: Object.freeze({ idleMinutes: e.SESSION_IDLE_MINUTES, absoluteHours: e.SESSION_ABSOLUTE_HOURS }),
    login: Object.freeze({ maxFailures: e.LOGIN_MAX_FAILURES, lockoutMinutes: e.LOGIN_LOCKOUT_MINUTES, ratePerMinute: e.LOGIN_RATE_LIMIT }),
    testPostgresUrl: e.TEST_POSTGRES_URL,
    taskRulesIntervalMinutes: e.TASK_RULES_INTERVAL_MINUTES,
    kpi: Object.freeze({ maxStalenessSeconds: e.KPI_MAX_STALENESS_SECONDS }),
    logLevel: e.LOG_LEVEL,
    cookieSecure: e.COOKIE_SECURE ? e.COOKIE_SECURE === 'true' : e.NODE_ENV === 'production',
    seedDemo: e.SEED_DEMO === 'true',
    subjectAccess: Object.freeze({ confidentialNotes: e.SUBJECT_ACCESS_CONFIDENTIAL_NOTES }),
  });
}
