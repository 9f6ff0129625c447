import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApp } from '../app.ts';
import { openDatabase } from '../db/database.ts';
import { testConfig } from '../test/test-app.ts';
import { compileSerializer, createResponseSerializerCompiler } from './response-serializer.ts';

const serializerFor = (schema: z.ZodType, verify: boolean) =>
  createResponseSerializerCompiler({ verify })({ schema, method: 'GET', url: '/api/test', httpStatus: '200' });

const person = z.object({
  id: z.string(),
  name: z.string(),
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  tags: z.array(z.object({ code: z.enum(['a', 'b']) })),
  scores: z.record(z.string(), z.number()),
  nickname: z.string().optional(),
  count: z.number().int().default(0),
  seen: z.iso.datetime().nullable(),
});

describe('response serializer', () => {
  for (const verify of [false, true]) {
    it(`writes only the declared fields, also nested and in arrays (verify: ${verify})`, () => {
      const serialize = serializerFor(person, verify);
      const row = {
        id: 'p1', name: 'Sanne', bsn: '123456782', team: { id: 't1', name: 'Noord', secret: 'x' },
        tags: [{ code: 'a', note: 'private' }], scores: { x: 1 }, count: 2, seen: null, password_hash: 'h',
      };
      expect(JSON.parse(serialize(row))).toEqual({ id: 'p1', name: 'Sanne', team: { id: 't1', name: 'Noord' }, tags: [{ code: 'a' }], scores: { x: 1 }, count: 2, seen: null });
    });

    it(`writes null for a nullable object, leaves out an absent optional and fills a default (verify: ${verify})`, () => {
      const serialize = serializerFor(person, verify);
      const out = JSON.parse(serialize({ id: 'p2', name: 'Ali', team: null, tags: [], scores: {}, seen: '2026-01-02T03:04:05.000Z' }));
      expect(out).toEqual({ id: 'p2', name: 'Ali', team: null, tags: [], scores: {}, count: 0, seen: '2026-01-02T03:04:05.000Z' });
      expect('nickname' in out).toBe(false);
    });
  }

  it('keeps the zod path for a schema without a JSON Schema form (a transform)', () => {
    const upper = z.object({ name: z.string().transform((s) => s.toUpperCase()) });
    expect(compileSerializer(upper)).toBeUndefined();
    expect(serializerFor(upper, false)({ name: 'sanne' })).toBe('{"name":"SANNE"}');
  });

  it('keeps the zod path for a union of objects, which fast-json-stringify would choose between by validation', () => {
    const either = z.object({ item: z.union([z.object({ a: z.string() }), z.object({ a: z.string(), b: z.string() })]) });
    expect(compileSerializer(either)).toBeUndefined();
    // zod strips the column no branch declares, and writes the first branch that fits.
    expect(serializerFor(either, false)({ item: { a: 'x', b: 'y', secret: 's' } })).toBe('{"item":{"a":"x"}}');
    // A union of plain values still compiles.
    expect(compileSerializer(z.object({ value: z.union([z.string(), z.number()]).nullable() }))).toBeDefined();
  });

  it('under verify, refuses a response that zod refuses, where the compiled path alone would write it', () => {
    const wrong = { id: 'p3', name: 42, team: null, tags: [], scores: {}, seen: null };
    expect(serializerFor(person, false)(wrong)).toContain('"name":"42"');
    expect(() => serializerFor(person, true)(wrong)).toThrow();
  });

  describe('every route of the app', () => {
    const database = openDatabase({ databaseUrl: testConfig().testPostgresUrl, poolSize: 1 });
    afterAll(async () => (await database).close());

    it('has a compiled serializer for each response schema (none falls back to the zod path)', async () => {
      // The pool connects on first use; building the app runs no query.
      const app = await buildApp({ db: (await database).db, config: testConfig(), logger: false });
      await app.ready();
      const responses = app.routeTable.flatMap(({ method, url, route }) =>
        Object.entries((route as { schema?: { response?: Record<string, z.ZodType> } }).schema?.response ?? {}).map(([status, schema]) => ({ route: `${method} ${url} ${status}`, schema })),
      );
      expect(responses.length).toBeGreaterThan(100);
      expect(responses.filter((r) => !compileSerializer(r.schema)).map((r) => r.route)).toEqual([]);
      await app.close();
    });
  });
});
