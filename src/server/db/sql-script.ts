import { sql, type Kysely } from 'kysely';

/**
 * Runs a plain-SQL migration script statement by statement. PGlite's query path (the extended
 * protocol) accepts one statement at a time, so a script is split on semicolons outside
 * dollar-quoted bodies, quotes and comments.
 */
export async function runSqlScript(db: Kysely<unknown>, script: string): Promise<void> {
  for (const statement of splitSqlStatements(script)) {
    await sql.raw(statement).execute(db);
  }
}

/** Splits a SQL script into statements; exported for its test. */
export function splitSqlStatements(script: string): string[] {
  const statements: string[] = [];
  let current = '';
  let inDollar = false;
  let inQuote = false;
  let inComment = false;
  for (let i = 0; i < script.length; i++) {
    const ch = script[i]!;
    const next = script[i + 1];
    if (inComment) {
      if (ch === '\n') inComment = false;
      current += ch;
      continue;
    }
    if (!inDollar && !inQuote && ch === '-' && next === '-') {
      inComment = true;
      current += ch;
      continue;
    }
    if (!inQuote && ch === '$' && next === '$') {
      inDollar = !inDollar;
      current += '$$';
      i++;
      continue;
    }
    if (!inDollar && ch === "'") inQuote = !inQuote;
    if (!inDollar && !inQuote && ch === ';') {
      if (current.trim()) statements.push(current.trim());
      current = '';
      continue;
    }
    current += ch;
  }
  if (stripComments(current).trim()) statements.push(current.trim());
  return statements.filter((s) => stripComments(s).trim().length > 0);
}

function stripComments(s: string): string {
  return s.replace(/--[^\n]*/g, '');
}
