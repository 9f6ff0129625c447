import { describe, expect, it } from 'vitest';
import { pdfText } from '../test/pdf-text.ts';
import { renderPdf } from './pdf-document.ts';
import { winAnsiText } from './pdf-text.ts';
import { radarChart } from './radar-chart.ts';

describe('the PDF document helper', () => {
  it('renders an A4 document with Dutch text, a table across pages, a chart and page numbers', async () => {
    const pdf = await renderPdf({
      title: 'Proefdocument – Cliënt',
      header: 'Werkplein Lingedal',
      footer: 'Vertrouwelijk',
      blocks: [
        { kind: 'heading', level: 1, text: 'Overzicht van de cliënt' },
        { kind: 'paragraph', text: 'Financiële armslag, coördinatie en één “goed” gesprek — €12,50 per uur → daarna.' },
        { kind: 'list', items: ['Eerste punt', 'Tweede punt met ë en ï'] },
        { kind: 'drawing', drawing: radarChart({ axes: ['A', 'B', 'C', 'D', 'E', 'F'], min: 0, max: 10, rings: [2, 4, 6, 8, 10], series: [{ label: 'Nu', values: [5, 6, 7, 5, 4, 8], style: 'filled' }, { label: 'Eerst', values: [3, 3, 4, 4, 2, 5], style: 'outline' }] }), caption: 'Een spinnenweb' },
        {
          kind: 'table',
          caption: 'Een lange tabel',
          columns: [{ header: 'Rij', weight: 1 }, { header: 'Omschrijving', weight: 3 }, { header: 'Score', align: 'right' }],
          rows: Array.from({ length: 80 }, (_, i) => [String(i + 1), `Regel nummer ${i + 1}`, String(i % 10)]),
        },
      ],
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { text, pages } = pdfText(pdf);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(text).toContain('Overzicht van de cliënt');
    expect(text).toContain('Financiële armslag, coördinatie en één “goed” gesprek — €12,50 per uur -> daarna.');
    expect(text).toContain('Tweede punt met ë en ï');
    expect(text).toContain('Regel nummer 80');
    expect(text).toContain(`Pagina 1 van ${pages}`);
    expect(text).toContain(`Pagina ${pages} van ${pages}`);
    // The header row repeats on the next page of the table.
    expect(text.match(/Omschrijving/g)!.length).toBeGreaterThanOrEqual(2);
    expect(text).toContain('Werkplein Lingedal');
  });

  it('replaces characters the built-in fonts cannot show with readable stand-ins', () => {
    expect(winAnsiText('trede 2 → 3, ≥ 95%, Łódź')).toBe('trede 2 -> 3, >= 95%, ?ódz');
    expect(winAnsiText('Cliënt één ‘x’ – ok')).toBe('Cliënt één ‘x’ – ok');
  });
});
