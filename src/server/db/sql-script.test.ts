import { describe, expect, it } from 'vitest';
import { splitSqlStatements } from './sql-script.ts';

describe('splitSqlStatements', () => {
  it('splits on semicolons outside dollar quotes, strings and comments', () => {
    const script = `
      -- a comment; with a semicolon
      create table a (x text default 'a;b');
      create function f() returns trigger language plpgsql as $$ begin raise exception 'no; way'; end $$;
      -- trailing comment only
    `;
    const statements = splitSqlStatements(script);
    expect(statements).toHaveLength(2);
    expect(statements[0]).toContain("default 'a;b'");
    expect(statements[1]).toMatch(/\$\$ begin raise exception 'no; way'; end \$\$$/);
  });
});
