import { describe, expect, it } from 'vitest';
import en from './en.json';
import nl from './nl.json';

type Catalogue = { [key: string]: string | Catalogue };

/** Flattens a catalogue to dotted keys so two languages can be compared key for key. */
function flatten(catalogue: Catalogue, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of flatten(value, path)) out.set(k, v);
    } else {
      out.set(path, value);
    }
  }
  return out;
}

describe('message catalogues', () => {
  const nlKeys = flatten(nl as Catalogue);
  const enKeys = flatten(en as Catalogue);

  it('have exactly the same keys in Dutch and English', () => {
    expect([...enKeys.keys()].sort()).toEqual([...nlKeys.keys()].sort());
  });

  it('have no empty or non-string values', () => {
    for (const [name, keys] of [['nl', nlKeys], ['en', enKeys]] as const) {
      for (const [key, value] of keys) {
        expect(typeof value, `${name}: ${key}`).toBe('string');
        expect((value as string).trim(), `${name}: ${key}`).not.toBe('');
      }
    }
  });

  it('use the same interpolation variables in both languages', () => {
    const vars = (s: unknown) => [...String(s).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, value] of nlKeys) {
      expect(vars(enKeys.get(key)), key).toEqual(vars(value));
    }
  });
});
