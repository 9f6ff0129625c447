import PDFDocument from 'pdfkit';
import { drawShapes, type Drawing } from './pdf-drawing.ts';
import { winAnsiText } from './pdf-text.ts';

/** A column of a table: its header, its share of the width (default 1) and alignment. */
export type PdfColumn = { header: string; weight?: number; align?: 'left' | 'right' | 'center' };

/** The building blocks of a document, laid out top to bottom with page breaks as needed. */
export type PdfBlock =
  | { kind: 'heading'; text: string; level: 1 | 2 | 3 }
  | { kind: 'paragraph'; text: string; emphasis?: 'bold' | 'muted' }
  | { kind: 'list'; items: readonly string[] }
  | { kind: 'table'; columns: readonly PdfColumn[]; rows: readonly (readonly string[])[]; caption?: string }
  | { kind: 'drawing'; drawing: Drawing; caption?: string; title?: string }
  | { kind: 'pageBreak' };

/**
 * A document: metadata, an optional running header, a footer text next to the page numbers,
 * and the blocks. Language defaults to Dutch.
 */
export type PdfDocumentSpec = {
  title: string;
  author?: string;
  subject?: string;
  language?: string;
  header?: string;
  footer?: string;
  /** The page label, e.g. (2, 5) → "Pagina 2 van 5". */
  pageLabel?: (page: number, total: number) => string;
  blocks: readonly PdfBlock[];
};

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { top: 64, bottom: 64, left: 56, right: 56 };
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const BODY_SIZE = 11;
const HEADING_SIZES = { 1: 20, 2: 15, 3: 12.5 } as const;
const MUTED = '#4b4b4b';
const RULE = '#9a9a9a';
const HEADER_FILL = '#e8e8e8';
const CELL_PADDING = 4;

type Doc = PDFKit.PDFDocument;

const bottomLimit = () => A4.height - MARGIN.bottom;

/** Starts a new page when fewer than `needed` points are left on this one. */
function ensureSpace(doc: Doc, needed: number): void {
  if (doc.y + needed > bottomLimit()) doc.addPage();
}

function writeText(doc: Doc, text: string, options: { size?: number; bold?: boolean; color?: string; indent?: number; gapAfter?: number } = {}): void {
  const indent = options.indent ?? 0;
  doc
    .font(options.bold ? 'Helvetica-Bold' : 'Helvetica')
    .fontSize(options.size ?? BODY_SIZE)
    .fillColor(options.color ?? '#000000')
    .text(winAnsiText(text), MARGIN.left + indent, doc.y, { width: CONTENT_WIDTH - indent, lineGap: 2 });
  doc.y += options.gapAfter ?? 6;
}

function writeHeading(doc: Doc, text: string, level: 1 | 2 | 3): void {
  const size = HEADING_SIZES[level];
  // Keep a heading with at least a few lines of what follows it.
  ensureSpace(doc, size * 1.4 + BODY_SIZE * 4);
  if (doc.y > MARGIN.top + 1) doc.y += level === 1 ? 4 : 8;
  writeText(doc, text, { size, bold: true, gapAfter: level === 1 ? 10 : 6 });
}

function writeList(doc: Doc, items: readonly string[]): void {
  for (const item of items) {
    doc.font('Helvetica').fontSize(BODY_SIZE);
    const height = doc.heightOfString(winAnsiText(item), { width: CONTENT_WIDTH - 16, lineGap: 2 });
    ensureSpace(doc, height);
    const top = doc.y;
    doc.fillColor('#000000').text('•', MARGIN.left + 4, top, { lineBreak: false });
    doc.y = top;
    writeText(doc, item, { indent: 16, gapAfter: 3 });
  }
  doc.y += 4;
}

function columnWidths(columns: readonly PdfColumn[]): number[] {
  const total = columns.reduce((sum, c) => sum + (c.weight ?? 1), 0);
  return columns.map((c) => ((c.weight ?? 1) / total) * CONTENT_WIDTH);
}

function rowHeight(doc: Doc, cells: readonly string[], widths: number[], bold: boolean): number {
  doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(BODY_SIZE - 1);
  return Math.max(...cells.map((cell, i) => doc.heightOfString(winAnsiText(cell || ' '), { width: widths[i]! - 2 * CELL_PADDING }))) + 2 * CELL_PADDING;
}

function writeRow(doc: Doc, cells: readonly string[], columns: readonly PdfColumn[], widths: number[], header: boolean): void {
  const height = rowHeight(doc, cells, widths, header);
  const top = doc.y;
  if (header) doc.save().rect(MARGIN.left, top, CONTENT_WIDTH, height).fillColor(HEADER_FILL).fill().restore();
  let x = MARGIN.left;
  cells.forEach((cell, i) => {
    doc
      .font(header ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(BODY_SIZE - 1)
      .fillColor('#000000')
      .text(winAnsiText(cell), x + CELL_PADDING, top + CELL_PADDING, { width: widths[i]! - 2 * CELL_PADDING, align: columns[i]?.align ?? 'left' });
    x += widths[i]!;
  });
  doc.save().moveTo(MARGIN.left, top + height).lineTo(MARGIN.left + CONTENT_WIDTH, top + height).lineWidth(0.5).strokeColor(RULE).stroke().restore();
  doc.y = top + height;
}

/** A table with a caption; the header row repeats on every page the table runs onto. */
function writeTable(doc: Doc, block: Extract<PdfBlock, { kind: 'table' }>): void {
  const widths = columnWidths(block.columns);
  const headers = block.columns.map((c) => c.header);
  const headerHeight = rowHeight(doc, headers, widths, true);
  const captionHeight = block.caption ? BODY_SIZE * 2 : 0;
  const rowHeights = block.rows.map((row) => rowHeight(doc, row, widths, false));
  const whole = captionHeight + headerHeight + rowHeights.reduce((sum, h) => sum + h, 0);
  // A table that fits on one page is kept together; a longer one starts with at least one row.
  ensureSpace(doc, whole <= bottomLimit() - MARGIN.top ? whole : captionHeight + headerHeight + (rowHeights[0] ?? 0));
  if (block.caption) writeText(doc, block.caption, { bold: true, size: BODY_SIZE - 0.5, gapAfter: 3 });
  writeRow(doc, headers, block.columns, widths, true);
  for (const [i, row] of block.rows.entries()) {
    if (doc.y + rowHeights[i]! > bottomLimit()) {
      doc.addPage();
      writeRow(doc, headers, block.columns, widths, true);
    }
    writeRow(doc, row, block.columns, widths, false);
  }
  doc.y += 10;
}

/** A drawing with an optional title above it (kept on the same page) and a caption under it. */
function writeDrawing(doc: Doc, drawing: Drawing, caption: string | undefined, title?: string): void {
  const scale = Math.min(1, CONTENT_WIDTH / drawing.width);
  const height = drawing.height * scale;
  const titleHeight = title ? HEADING_SIZES[3] * 1.4 + 14 : 0;
  ensureSpace(doc, titleHeight + height + (caption ? BODY_SIZE * 2 : 0));
  if (title) {
    if (doc.y > MARGIN.top + 1) doc.y += 8;
    writeText(doc, title, { size: HEADING_SIZES[3], bold: true, gapAfter: 6 });
  }
  const left = MARGIN.left + (CONTENT_WIDTH - drawing.width * scale) / 2;
  const top = doc.y;
  drawShapes(doc, drawing, [left, top], scale);
  doc.x = MARGIN.left;
  doc.y = top + height + 4;
  if (caption) writeText(doc, caption, { size: BODY_SIZE - 1.5, color: MUTED });
}

/** Running header and page numbers, written on every page once the page count is known. */
function writePageFurniture(doc: Doc, spec: PdfDocumentSpec): void {
  const range = doc.bufferedPageRange();
  const label = spec.pageLabel ?? ((page: number, total: number) => `Pagina ${page} van ${total}`);
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing into the margins must not start a new page.
    const margins = { ...doc.page.margins };
    doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
    doc.font('Helvetica').fontSize(8.5).fillColor(MUTED);
    if (spec.header) doc.text(winAnsiText(spec.header), MARGIN.left, MARGIN.top - 30, { width: CONTENT_WIDTH, lineBreak: false });
    const footerY = A4.height - MARGIN.bottom + 24;
    if (spec.footer) doc.text(winAnsiText(spec.footer), MARGIN.left, footerY, { width: CONTENT_WIDTH * 0.7, lineBreak: false });
    doc.text(winAnsiText(label(i - range.start + 1, range.count)), MARGIN.left, footerY, { width: CONTENT_WIDTH, align: 'right', lineBreak: false });
    doc.page.margins = margins;
  }
}

/**
 * Renders a document to an A4 PDF in memory: headings, paragraphs, lists, tables that break
 * across pages, vector drawings, a running header and "Pagina x van y". Uses the built-in
 * Helvetica, so nothing is downloaded and Dutch characters render.
 */
export function renderPdf(spec: PdfDocumentSpec): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    lang: spec.language ?? 'nl-NL',
    displayTitle: true,
    info: {
      Title: winAnsiText(spec.title),
      Creator: 'Meedoen',
      CreationDate: new Date(),
      ...(spec.author ? { Author: winAnsiText(spec.author) } : {}),
      ...(spec.subject ? { Subject: winAnsiText(spec.subject) } : {}),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const block of spec.blocks) {
    doc.x = MARGIN.left;
    switch (block.kind) {
      case 'heading':
        writeHeading(doc, block.text, block.level);
        break;
      case 'paragraph':
        ensureSpace(doc, BODY_SIZE * 2);
        writeText(doc, block.text, { bold: block.emphasis === 'bold', color: block.emphasis === 'muted' ? MUTED : undefined });
        break;
      case 'list':
        writeList(doc, block.items);
        break;
      case 'table':
        writeTable(doc, block);
        break;
      case 'drawing':
        writeDrawing(doc, block.drawing, block.caption, block.title);
        break;
      case 'pageBreak':
        doc.addPage();
        break;
    }
  }
  writePageFurniture(doc, spec);
  doc.end();
  return done;
}
