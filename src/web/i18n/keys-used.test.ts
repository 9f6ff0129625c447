import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import nl from './nl.json';

type Catalogue = { [key: string]: string | Catalogue };

/** All .ts/.tsx files of the web UI, tests left out. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function has(catalogue: Catalogue, key: string): boolean {
  let node: string | Catalogue | undefined = catalogue;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return false;
    node = node[part];
  }
  return node !== undefined;
}

describe('message keys used in the UI', () => {
  it('exist in the catalogue (directly or as a plural)', () => {
    const missing: string[] = [];
    for (const file of sources('src/web')) {
      const text = readFileSync(file, 'utf8');
      // Literal keys in t('…') and in navigation's labelKey: '…'.
      for (const match of text.matchAll(/\bt\(\s*'([\w.]+)'|labelKey: '([\w.]+)'/g)) {
        const key = match[1] ?? match[2]!;
        if (!has(nl as Catalogue, key) && !has(nl as Catalogue, `${key}_other`)) missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
