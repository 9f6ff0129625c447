import { winAnsiText } from './pdf-text.ts';

/** A point in a drawing's own coordinates (points, origin top left, y downwards like SVG). */
export type Point = readonly [number, number];

/** How a line is drawn; a dash pattern makes series differ in shape, not only in colour. */
export type Stroke = { color?: string; width?: number; dash?: readonly [number, number] };

/** The shapes a vector chart is made of; `path` takes SVG path data for anything else. */
export type Shape =
  | { kind: 'line'; from: Point; to: Point; stroke?: Stroke }
  | { kind: 'polyline'; points: readonly Point[]; stroke?: Stroke }
  | { kind: 'polygon'; points: readonly Point[]; fill?: string; fillOpacity?: number; stroke?: Stroke }
  | { kind: 'circle'; center: Point; radius: number; fill?: string; stroke?: Stroke }
  | { kind: 'rect'; at: Point; width: number; height: number; fill?: string; fillOpacity?: number; stroke?: Stroke }
  | { kind: 'path'; d: string; fill?: string; fillOpacity?: number; stroke?: Stroke }
  | { kind: 'text'; at: Point; text: string; size?: number; bold?: boolean; align?: 'left' | 'center' | 'right'; width?: number; color?: string };

/**
 * A vector chart as data: a size and the shapes in it. Charts are built as drawings (see
 * radar-chart.ts) so any document can place them, scaled to the width available.
 */
export type Drawing = { width: number; height: number; shapes: readonly Shape[] };

/** The part of PDFKit a drawing needs; kept narrow so the helper is the only PDFKit user. */
type Canvas = PDFKit.PDFDocument;

function applyStroke(doc: Canvas, stroke: Stroke | undefined, scale: number): boolean {
  if (!stroke) return false;
  doc.lineWidth((stroke.width ?? 1) * scale).strokeColor(stroke.color ?? '#000000');
  if (stroke.dash) doc.dash(stroke.dash[0] * scale, { space: stroke.dash[1] * scale });
  else doc.undash();
  return true;
}

function paint(doc: Canvas, fill: string | undefined, fillOpacity: number | undefined, stroked: boolean): void {
  if (fill) doc.fillOpacity(fillOpacity ?? 1).fillColor(fill);
  if (fill && stroked) doc.fillAndStroke();
  else if (fill) doc.fill();
  else if (stroked) doc.stroke();
}

/** Draws a drawing with its top-left corner at `origin`, every coordinate multiplied by `scale`. */
export function drawShapes(doc: Canvas, drawing: Drawing, origin: Point, scale: number): void {
  const at = (p: Point): [number, number] => [origin[0] + p[0] * scale, origin[1] + p[1] * scale];
  for (const shape of drawing.shapes) {
    doc.save();
    switch (shape.kind) {
      case 'line': {
        if (applyStroke(doc, shape.stroke ?? {}, scale)) doc.moveTo(...at(shape.from)).lineTo(...at(shape.to)).stroke();
        break;
      }
      case 'polyline': {
        const [first, ...rest] = shape.points;
        if (!first) break;
        applyStroke(doc, shape.stroke ?? {}, scale);
        doc.moveTo(...at(first));
        for (const p of rest) doc.lineTo(...at(p));
        doc.stroke();
        break;
      }
      case 'polygon': {
        if (shape.points.length < 2) break;
        const stroked = applyStroke(doc, shape.stroke, scale);
        doc.polygon(...shape.points.map(at));
        paint(doc, shape.fill, shape.fillOpacity, stroked);
        break;
      }
      case 'circle': {
        const stroked = applyStroke(doc, shape.stroke, scale);
        doc.circle(...at(shape.center), shape.radius * scale);
        paint(doc, shape.fill, undefined, stroked);
        break;
      }
      case 'rect': {
        const stroked = applyStroke(doc, shape.stroke, scale);
        doc.rect(...at(shape.at), shape.width * scale, shape.height * scale);
        paint(doc, shape.fill, shape.fillOpacity, stroked);
        break;
      }
      case 'path': {
        // The path is drawn in its own coordinates under a transform, which scales the line width too.
        doc.translate(origin[0], origin[1]).scale(scale);
        const stroked = applyStroke(doc, shape.stroke, 1);
        doc.path(shape.d);
        paint(doc, shape.fill, shape.fillOpacity, stroked);
        break;
      }
      case 'text': {
        const size = (shape.size ?? 9) * scale;
        const width = (shape.width ?? 120) * scale;
        const [x, y] = at(shape.at);
        const left = shape.align === 'center' ? x - width / 2 : shape.align === 'right' ? x - width : x;
        doc
          .font(shape.bold ? 'Helvetica-Bold' : 'Helvetica')
          .fontSize(size)
          .fillColor(shape.color ?? '#000000')
          .text(winAnsiText(shape.text), left, y - size / 2, { width, align: shape.align ?? 'left', lineBreak: false });
        break;
      }
    }
    doc.restore();
  }
}
