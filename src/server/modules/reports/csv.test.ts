import { describe, expect, it } from 'vitest';
import { neutraliseFormula, toCsv } from './csv.ts';

describe('CSV for Dutch Excel', () => {
  it('starts with a BOM, separates with ; and ends lines with CRLF', () => {
    const csv = toCsv(['Gemeente', 'Aantal'], [['Heuveldorp', 12], ['Ëindhoven', 3.5]]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1)).toBe('Gemeente;Aantal\r\nHeuveldorp;12\r\nËindhoven;3,5\r\n');
  });

  it('neutralises text cells that would start a formula', () => {
    for (const dangerous of ['=HYPERLINK("http://x","y")', '+31 6 1234', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd']) {
      expect(neutraliseFormula(dangerous)).toBe(`'${dangerous}`);
    }
    for (const harmless of ['Heuveldorp', '<5', "'al veilig", ' =met spatie', '']) expect(neutraliseFormula(harmless)).toBe(harmless);
    const csv = toCsv(['Naam'], [['=1+2'], ['@cmd'], ['-1 stap'], ['+gevaar']]);
    expect(csv.slice(1).split('\r\n').slice(1, 5)).toEqual(["'=1+2", "'@cmd", "'-1 stap", "'+gevaar"]);
  });

  it('writes negative numbers as numbers, not as neutralised text', () => {
    const csv = toCsv(['Groei'], [[-3], [-0.25], [0]]);
    expect(csv.slice(1).split('\r\n').slice(1, 4)).toEqual(['-3', '-0,25', '0']);
  });

  it('quotes fields with a separator, a quote or a line break, and neutralises inside the quotes', () => {
    const csv = toCsv(['Toelichting'], [['a;b'], ['zei "ja"'], ['regel\nregel'], ['=a;b']]);
    expect(csv.slice(1).split('\r\n').slice(1, 4)).toEqual(['"a;b"', '"zei ""ja"""', '"regel\nregel"']);
    expect(csv).toContain(`"'=a;b"`);
  });

  it('leaves empty cells empty', () => {
    expect(toCsv(['a', 'b'], [[null, 1]]).slice(1)).toBe('a;b\r\n;1\r\n');
  });
});
