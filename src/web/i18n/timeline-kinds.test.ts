import { describe, expect, it } from 'vitest';
import { TIMELINE_KINDS, timelineLabelKey } from '../../shared/timeline.ts';
import en from './en.json';
import nl from './nl.json';

type Catalogue = { [key: string]: string | Catalogue };

function label(catalogue: Catalogue, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Catalogue)[part] : undefined), catalogue);
}

describe('timeline kinds', () => {
  // Services can only write a kind from TIMELINE_KINDS (addTimelineEvent's type, and a run-time
  // check for lists built at run time), so a kind without a label here would show as a raw code.
  it('each have a Dutch and an English label', () => {
    const missing = TIMELINE_KINDS.flatMap((kind) =>
      (['nl', 'en'] as const).filter((lang) => typeof label((lang === 'nl' ? nl : en) as Catalogue, timelineLabelKey(kind)) !== 'string').map((lang) => `${lang}: ${kind}`),
    );
    expect(missing).toEqual([]);
  });

  it('are listed once each', () => {
    expect(new Set(TIMELINE_KINDS).size).toBe(TIMELINE_KINDS.length);
  });
});
