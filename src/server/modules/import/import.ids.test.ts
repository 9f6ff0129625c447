import { expect, it } from 'vitest';
import { importIds } from './import.ids.ts';

const UUID_V8 = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-8000-[0-9a-f]{12}$/;

it('hands out valid version-8 UUIDs in ascending order, each series under its own random prefix', () => {
  const next = importIds();
  const ids = Array.from({ length: 5000 }, () => next());
  for (const id of ids) expect(id).toMatch(UUID_V8);
  // PostgreSQL compares uuids byte by byte, which for this lower-case hex form is string order.
  expect([...ids].sort()).toEqual(ids);
  expect(new Set(ids).size).toBe(ids.length);
  // The row number is not the whole tail: a neighbour's id cannot be read off one id.
  const tails = new Set(ids.map((id) => id.slice(-5)));
  expect(tails.size).toBeGreaterThan(4900);
  const other = importIds()();
  expect(other.slice(0, 18)).not.toBe(ids[0]!.slice(0, 18));
});
