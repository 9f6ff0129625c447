import { isDeepStrictEqual } from 'node:util';
import fastJsonStringify from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { $ZodType, safeParse } from 'zod/v4/core';

type Serialize = (data: unknown) => string;
type JsonSchema = Record<string, unknown>;

/**
 * Fastify's serializer compiler for zod response schemas, without a zod parse per response.
 *
 * The zod path (fastify-type-provider-zod) parses every response and then runs JSON.stringify:
 * on a caseload page of 50 rows that parse cost more CPU than the SQL. Here each route's schema
 * is turned into JSON Schema once (zod's own z.toJSONSchema, output side) and compiled with
 * fast-json-stringify, which writes only the declared properties: the presenter's list of
 * fields is still the only way a field leaves the server.
 *
 * fast-json-stringify does not check types (a number where a string is declared is written as
 * a string), so with `verify` every response also goes the zod way and the two must give the same
 * JSON; the test suite runs so and thereby checks every response it makes, as it did before. A
 * schema that has no JSON Schema form (a transform, a Date) keeps the zod path.
 */
export function createResponseSerializerCompiler(options: { verify: boolean }): FastifySerializerCompiler<unknown> {
  return (route) => {
    const schema = zodSchemaOf(route.schema);
    const viaZod = zodSerializer(schema, route);
    const compiled = compileSerializer(schema);
    if (!compiled) return viaZod;
    if (!options.verify) return compiled;
    return (data: unknown) => {
      const expected = viaZod(data);
      const actual = compiled(data);
      if (actual !== expected && !isDeepStrictEqual(JSON.parse(actual), JSON.parse(expected))) {
        throw new Error(`The compiled serializer of ${route.method} ${route.url} wrote ${actual.slice(0, 500)} where zod gives ${expected.slice(0, 500)}`);
      }
      return actual;
    };
  };
}

/** The zod schema of a response, also when given as `{ properties: schema }` (as the type provider accepts). */
function zodSchemaOf(maybeSchema: unknown): $ZodType {
  if (maybeSchema instanceof $ZodType) return maybeSchema;
  const properties = (maybeSchema as { properties?: unknown } | undefined)?.properties;
  if (properties instanceof $ZodType) return properties;
  throw new Error('A response schema must be a zod schema');
}

/** The type provider's own path: a full zod parse (throws on a mistake), then JSON.stringify. */
function zodSerializer(schema: $ZodType, route: { method: string; url: string }): Serialize {
  return (data) => {
    const result = safeParse(schema, data);
    if (result.error) throw new ResponseSerializationError(route.method, route.url, { cause: result.error });
    return JSON.stringify(result.data);
  };
}

/** fast-json-stringify for the schema, or undefined when it has no faithful JSON Schema form. */
export function compileSerializer(schema: $ZodType): Serialize | undefined {
  let jsonSchema: JsonSchema;
  try {
    // Output side: what the route sends. `inline` gives each use its own copy (no $ref to resolve).
    jsonSchema = z.toJSONSchema(schema, { io: 'output', target: 'draft-07', reused: 'inline', cycles: 'throw', unrepresentable: 'throw' }) as JsonSchema;
  } catch {
    return undefined;
  }
  delete jsonSchema.$schema;
  const prepared = nullableInPlace(jsonSchema);
  if (hasObjectUnion(prepared)) return undefined;
  try {
    return fastJsonStringify(prepared as Parameters<typeof fastJsonStringify>[0]) as Serialize;
  } catch {
    return undefined;
  }
}

/**
 * A union with an object among its branches. fast-json-stringify picks the branch by validating the
 * value against each with additional properties refused: a row with one column more than its
 * branch matches none (a 500 where zod strips the column), and a value that fits the wider branch
 * is written whole where zod writes the first branch's fields. Such a schema keeps the zod path.
 */
function hasObjectUnion(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(hasObjectUnion);
  if (!node || typeof node !== 'object') return false;
  const schema = node as JsonSchema;
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = schema[key];
    if (Array.isArray(branches) && branches.some((b: JsonSchema) => b.type === 'object' || b.properties !== undefined)) return true;
  }
  return Object.values(schema).some(hasObjectUnion);
}

/**
 * zod writes an object or array that may be null as `anyOf: [schema, {type: 'null'}]`, which
 * fast-json-stringify serializes by validating the value against each branch with ajv (a full
 * validation of every nullable object). Its `nullable: true` says the same and costs one null check.
 */
function nullableInPlace(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(nullableInPlace);
  if (!node || typeof node !== 'object') return node;
  const schema = node as JsonSchema;
  for (const [key, value] of Object.entries(schema)) schema[key] = nullableInPlace(value);
  const branches = schema.anyOf;
  if (Array.isArray(branches) && branches.length === 2) {
    const nullIndex = branches.findIndex((b: JsonSchema) => b.type === 'null' && Object.keys(b).length === 1);
    const other = branches[1 - nullIndex] as JsonSchema | undefined;
    if (nullIndex >= 0 && other && typeof other.type === 'string' && other.anyOf === undefined) {
      const { anyOf: _anyOf, ...rest } = schema;
      return { ...rest, ...other, nullable: true };
    }
  }
  return schema;
}
