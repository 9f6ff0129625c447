import { dutchDate } from '../../../shared/dates.ts';
import { renderPdf, type PdfBlock } from '../../pdf/pdf-document.ts';
import type { DataExport, ExportField, ExportSection, ExportValue } from './data-export.types.ts';

const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' });

/** A value as a reader sees it: Dutch dates, ja/nee, a dash for "nothing". */
export function formatValue(value: ExportValue, type: ExportField['type']): string {
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return '—';
  if (Array.isArray(value)) return value.join('\n');
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  if (typeof value === 'number') return String(value);
  if (type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return dutchDate(value);
  if (type === 'datetime') {
    const at = new Date(value);
    if (!Number.isNaN(at.getTime())) return dateTimeFormat.format(at);
  }
  return value;
}

/**
 * Sections with many short rows read best as one table with the columns below; the rest show
 * every row as a small table of label and value, so long texts keep their room on A4.
 */
const TABLE_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  processingLog: ['at', 'description', 'activity', 'by'],
  timeline: ['occurredAt', 'summary', 'by'],
  purposes: ['activity', 'purpose', 'legalGround', 'retention'],
  recipients: ['organisation', 'kind', 'since'],
  attendance: ['startsAt', 'module', 'topic', 'status'],
  referralHistory: ['occurredAt', 'organisation', 'from', 'to', 'reason'],
  routeHistory: ['changedAt', 'previousRoute', 'route', 'reason', 'by'],
  municipalityHistory: ['fromOn', 'municipality'],
  kpiYears: ['year', 'municipality', 'route', 'stepStart', 'stepEnd', 'lastConversation'],
};

/** What a table leaves out, said once under it (the JSON copy has every field). */
const TABLE_NOTES: Readonly<Record<string, string>> = {
  processingLog: 'Het doel en de wettelijke grondslag van elke verwerkingsactiviteit staan bij "Waarom wij uw gegevens gebruiken". In het JSON-bestand staat bij elke regel ook de code van de handeling en een kenmerk waarmee wij de verwerking kunnen terugvinden.',
};

function sectionBlocks(section: ExportSection): PdfBlock[] {
  const blocks: PdfBlock[] = [
    { kind: 'heading', level: 2, text: section.title },
    { kind: 'paragraph', text: section.about },
    ...section.notes.map((text): PdfBlock => ({ kind: 'paragraph', text, emphasis: 'bold' })),
  ];
  if (section.rows.length === 0) return [...blocks, { kind: 'paragraph', text: 'Hierover hebben wij geen gegevens van u.', emphasis: 'muted' }];
  const columnKeys = TABLE_COLUMNS[section.key];
  if (columnKeys) {
    const fields = columnKeys.map((key) => section.fields.find((field) => field.key === key)!).filter(Boolean);
    blocks.push({
      kind: 'table',
      columns: fields.map((field) => ({ header: field.label, weight: field.type === 'datetime' || field.type === 'date' ? 1.2 : 2 })),
      rows: section.rows.map((row) => fields.map((field) => formatValue(row[field.key] ?? null, field.type))),
    });
    if (TABLE_NOTES[section.key]) blocks.push({ kind: 'paragraph', text: TABLE_NOTES[section.key]!, emphasis: 'muted' });
    return blocks;
  }
  section.rows.forEach((row, i) => {
    blocks.push({
      kind: 'table',
      caption: section.rows.length > 1 ? `${section.title}: ${i + 1} van ${section.rows.length}` : undefined,
      columns: [{ header: 'Gegeven', weight: 1 }, { header: 'Waarde', weight: 2 }],
      rows: section.fields.map((field) => [field.label, formatValue(row[field.key] ?? null, field.type)]),
    });
  });
  return blocks;
}

/** The copy of all data as a readable, paginated A4 PDF in Dutch. */
export function renderDataExportPdf(doc: DataExport): Promise<Buffer> {
  const { controller, subject } = doc;
  const contact = [controller.visitingAddress, controller.phone && `telefoon ${controller.phone}`, controller.email && `e-mail ${controller.email}`].filter(Boolean).join(', ');
  const blocks: PdfBlock[] = [
    { kind: 'heading', level: 1, text: 'Kopie van uw gegevens' },
    { kind: 'paragraph', text: `Voor: ${subject.name} (cliëntnummer ${subject.clientNumber})`, emphasis: 'bold' },
    { kind: 'paragraph', text: `Gemaakt op ${formatValue(doc.createdAt, 'datetime')} door ${controller.name}${contact ? ` (${contact})` : ''}. ${controller.name} is verantwoordelijk voor uw gegevens.` },
    { kind: 'heading', level: 2, text: 'Over deze kopie' },
    ...doc.explanation.map((text): PdfBlock => ({ kind: 'paragraph', text })),
    { kind: 'heading', level: 2, text: 'Wat staat erin' },
    { kind: 'list', items: doc.sections.map((s) => `${s.title} (${s.rows.length === 0 ? 'geen gegevens' : s.rows.length === 1 ? '1 regel' : `${s.rows.length} regels`})`) },
    ...doc.sections.flatMap(sectionBlocks),
  ];
  return renderPdf({
    title: `Kopie van uw gegevens – ${subject.name}`,
    author: controller.name,
    subject: 'Inzage in persoonsgegevens (AVG artikel 15)',
    header: `${controller.name} – kopie van de gegevens van ${subject.name}`,
    footer: 'Vertrouwelijk: bevat persoonsgegevens',
    blocks,
  });
}
