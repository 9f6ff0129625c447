import type { FastifyReply } from 'fastify';
import type { App, Deps } from '../../http/types.ts';
import { ifMatchHeaders } from '../clients/clients.schema.ts';
import { versionFromIfMatch } from '../clients/clients.service.ts';
import { renderCouncilReportPdf } from './council-report.pdf.ts';
import { renderCouncilReportXlsx } from './council-report.xlsx.ts';
import { presentReportText } from './reports.presenter.ts';
import { cbsExportQuery, reportOptionsResponse, reportQuery, reportTablesResponse, reportTextBody, reportTextsResponse, savedTextResponse, tableParams, type ReportQuery } from './reports.schema.ts';
import { cbsExport, councilReport, councilReportTables, councilTableCsv, reportOptions, reportTexts, saveReportText } from './reports.service.ts';

/** A download that is never cached (the figures and the texts change; the CBS file holds BSNs). */
function download(reply: FastifyReply, type: string, fileName: string, body: Buffer | string): FastifyReply {
  return reply.type(type).header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'no-store').send(body);
}

function reportFileName(query: ReportQuery, name: string | undefined, ext: string): string {
  const scope = query.municipalityId === 'all' ? 'alle-gemeenten' : (name ?? 'gemeente').toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return `raadsrapportage-${scope}-${query.period}.${ext}`;
}

/** The council report (texts, PDF, XLSX, CSV per table) and the statistical export to CBS. */
export function registerReportRoutes(app: App, { db }: Deps): void {
  const tags = ['reports'];
  app.get(
    '/api/reports/options',
    { config: { access: 'kpi:read' }, schema: { tags, summary: 'What a council report can be about: the municipalities served', response: { 200: reportOptionsResponse } } },
    async (request) => reportOptions(db, request.context()),
  );
  app.get(
    '/api/reports/texts',
    { config: { access: 'kpi:read' }, schema: { tags, summary: "The explanation texts of a council report (every section; version 0 = not written yet)", querystring: reportQuery, response: { 200: reportTextsResponse } } },
    async (request) => {
      const { texts, edit } = await reportTexts(db, request.context(), request.query);
      return { municipalityId: request.query.municipalityId, period: request.query.period, texts: texts.map((t) => presentReportText(t.section, t.row)), policies: { edit } };
    },
  );
  app.put(
    '/api/reports/texts',
    {
      config: { access: 'reports:write-texts' },
      schema: { tags, summary: 'Write one section of a council report (If-Match: the version read; "0" for a first text)', querystring: reportQuery, headers: ifMatchHeaders, body: reportTextBody, response: { 200: savedTextResponse } },
    },
    async (request, reply) => {
      const saved = await saveReportText(db, request.context(), request.query, request.body, versionFromIfMatch(request.headers['if-match']));
      return reply.header('etag', `"${saved.row.version}"`).send(presentReportText(saved.section, saved.row));
    },
  );
  app.get(
    '/api/reports/council.pdf',
    { config: { access: 'kpi:read' }, schema: { tags, summary: 'The council report as a PDF in Dutch (one municipality or "all" side by side)', querystring: reportQuery } },
    async (request, reply) => {
      const report = await councilReport(db, request.context(), request.query);
      return download(reply, 'application/pdf', reportFileName(request.query, report.municipality?.name, 'pdf'), await renderCouncilReportPdf(report));
    },
  );
  app.get(
    '/api/reports/council.xlsx',
    { config: { access: 'kpi:read' }, schema: { tags, summary: 'The council report as an Excel workbook (a sheet per KPI)', querystring: reportQuery } },
    async (request, reply) => {
      const report = await councilReport(db, request.context(), request.query);
      const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      return download(reply, type, reportFileName(request.query, report.municipality?.name, 'xlsx'), await renderCouncilReportXlsx(report));
    },
  );
  app.get(
    '/api/reports/council/tables',
    { config: { access: 'kpi:read' }, schema: { tags, summary: 'The tables of the council report, per KPI (each downloadable as CSV)', querystring: reportQuery, response: { 200: reportTablesResponse } } },
    async (request) => ({ kpis: await councilReportTables(db, request.context(), request.query) }),
  );
  app.get(
    '/api/reports/council/tables/:kpi/:table',
    { config: { access: 'kpi:read' }, schema: { tags, summary: 'One table of the council report as CSV (UTF-8 with BOM, ";" separated, formulas neutralised)', params: tableParams, querystring: reportQuery } },
    async (request, reply) => {
      const { csv, fileName } = await councilTableCsv(db, request.context(), request.query, request.params.kpi, request.params.table.replace(/\.csv$/, ''));
      return download(reply, 'text/csv; charset=utf-8', fileName, csv);
    },
  );
  app.get(
    '/api/exports/cbs',
    { config: { access: 'exports:cbs' }, schema: { tags, summary: 'Re-integration and participation provisions per client for CBS (SRG), as CSV; administrator only, logged per client', querystring: cbsExportQuery } },
    async (request, reply) => {
      const { csv, fileName } = await cbsExport(db, request.context(), request.query.period);
      return download(reply, 'text/csv; charset=utf-8', fileName, csv);
    },
  );
}
