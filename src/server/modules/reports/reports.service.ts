/**
 * Council reports (raadsrapportage) and the statistical export to CBS. The figures come from the
 * KPI engine with its scope and suppression for the caller (never computed here); the agreements
 * from their evaluation; the texts from report_texts.
 */
import type { Kysely } from 'kysely';
import { todayIso } from '../../../shared/dates.ts';
import { parsePeriod, type KpiFigure, type KpiKey } from '../../../shared/kpi.ts';
import { kpiMeasure } from '../../../shared/kpi-measures.ts';
import { authorize } from '../../authz/policy.ts';
import { inActorTransaction } from '../../authz/boundary.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { recordAuditEvent } from '../audit/audit.ts';
import { evaluateAgreements } from '../agreements/agreements-evaluation.service.ts';
import { findMunicipalityOfOrganisation } from '../clients/clients.repository.ts';
import { kpiOverview, kpiOverviewPerMunicipality } from '../kpi/kpi.service.ts';
import { presentKpiFigure } from '../kpi/kpi.presenter.ts';
import { listMunicipalities } from '../municipalities/municipalities.repository.ts';
import { findOrganisationName } from '../organisations/organisations.repository.ts';
import { recordProcessing } from '../processing-log/processing-log.service.ts';
import { srgCsv, srgRecords } from './cbs-export.ts';
import { reportFigures, reportTables, type CouncilReport, type ReportAgreement, type ReportColumn } from './council-report.ts';
import { toCsv } from './csv.ts';
import { REPORT_WORDS } from './report-labels.ts';
import { SUPPRESSED_COUNT, WITHHELD } from '../../../shared/kpi-format.ts';
import { councilReportPolicy, statisticsExportPolicy } from './reports.policy.ts';
import { listProvisionsForStatistics, listReportTexts, saveReportTextIfVersion } from './reports.repository.ts';
import { REPORT_SECTIONS, type ReportQuery, type ReportSection } from './reports.schema.ts';

const ownOrganisation = (ctx: RequestContext) => ({ organisation_id: ctx.actor.organisationId });

/** The municipality a report is about (null: all), checked against the organisation. */
async function reportMunicipality(db: Kysely<DB>, ctx: RequestContext, municipalityId: ReportQuery['municipalityId']) {
  if (municipalityId === 'all') return null;
  const municipality = await findMunicipalityOfOrganisation(db, ctx.actor.organisationId, municipalityId);
  if (!municipality) throw notFound('Municipality');
  return municipality;
}

/** The municipalities a report can be about (the page's choice; "all" comes on top). */
export async function reportOptions(db: Kysely<DB>, ctx: RequestContext) {
  return { municipalities: (await listMunicipalities(db, ctx.actor.organisationId)).map((m) => ({ id: m.id, name: m.name })) };
}

/** Every section's text of one report (empty with version 0 where none was written yet). */
export async function reportTexts(db: Kysely<DB>, ctx: RequestContext, query: ReportQuery) {
  const municipality = await reportMunicipality(db, ctx, query.municipalityId);
  const rows = await listReportTexts(db, { organisationId: ctx.actor.organisationId, municipalityId: municipality?.id ?? null, period: query.period });
  const bySection = new Map(rows.map((r) => [r.section, r]));
  return {
    texts: REPORT_SECTIONS.map((section) => ({ section, row: bySection.get(section) })),
    edit: councilReportPolicy.editTexts(ctx.actor, ownOrganisation(ctx)),
  };
}

/**
 * A policy officer or administrator writes one section's text, if no one else changed it since
 * they read it (If-Match: the version; 0 for a first text). Audited in the same transaction.
 */
export async function saveReportText(db: Kysely<DB>, ctx: RequestContext, query: ReportQuery, input: { section: ReportSection; text: string }, expectedVersion: number) {
  authorize(ctx.actor, councilReportPolicy, 'editTexts', ownOrganisation(ctx));
  return inActorTransaction(db, ctx, async (trx) => {
    const municipality = query.municipalityId === 'all' ? null : await findMunicipalityOfOrganisation(trx, ctx.actor.organisationId, query.municipalityId);
    if (query.municipalityId !== 'all' && !municipality) throw notFound('Municipality');
    const key = { organisationId: ctx.actor.organisationId, municipalityId: municipality?.id ?? null, period: query.period };
    const version = await saveReportTextIfVersion(trx, { ...key, section: input.section, text: input.text, userId: ctx.actor.userId }, expectedVersion);
    if (version === null) {
      const current = (await listReportTexts(trx, key)).find((r) => r.section === input.section);
      throw new AppError('precondition_failed', 'Someone else changed this text since you read it', { currentVersion: current?.version ?? 0, currentText: current?.text ?? '' });
    }
    await recordAuditEvent(trx, ctx, {
      action: 'report-text.save',
      subjectType: 'report_text',
      subjectId: `${municipality?.id ?? 'all'}/${query.period}/${input.section}`,
      details: { period: query.period, municipalityId: municipality?.id ?? null, section: input.section, version, length: input.text.length },
    });
    return { section: input.section, row: { text: input.text, version, updated_at: new Date() } };
  });
}

/** The figures as the engine gives them to this caller (scope and suppression), presented. */
async function figuresFor(db: Kysely<DB>, ctx: RequestContext, period: string, municipalityId: string | undefined): Promise<KpiFigure[]> {
  const { figures, presentation } = await kpiOverview(db, ctx, { period, ...(municipalityId ? { municipalityId } : {}) });
  return figures.map((f) => presentKpiFigure(f, { ...presentation, drilldown: false }));
}

/** Every municipality and the total side by side: one family, fetched and protected once (kpiOverviewPerMunicipality). */
function columnFigures(db: Kysely<DB>, ctx: RequestContext, period: string, columns: readonly ReportColumn[]): Promise<KpiFigure[]>[] {
  const family = kpiOverviewPerMunicipality(db, ctx, { period });
  return columns.map(async (c) => {
    const { figures, presentation } = (await family).get(c.key === 'total' ? 'all' : c.key)!;
    return figures.map((f) => presentKpiFigure(f, { ...presentation, drilldown: false }));
  });
}

/** The agreements of the report's year for each municipality in it, with their status. */
async function reportAgreements(db: Kysely<DB>, ctx: RequestContext, municipalities: { id: string; name: string }[], year: number): Promise<ReportAgreement[] | null> {
  if (!councilReportPolicy.readAgreements(ctx.actor, ownOrganisation(ctx))) return null;
  const evaluations = await Promise.all(municipalities.map((m) => evaluateAgreements(db, ctx, { municipalityId: m.id, year })));
  return evaluations.flatMap((evaluation) =>
    evaluation.items.map((item) => ({
      municipality: evaluation.municipality.name,
      title: item.agreement.title,
      kpi: item.agreement.kpi_key as KpiKey,
      measure: item.agreement.measure_key,
      comparison: item.agreement.comparison as ReportAgreement['comparison'],
      target: Number(item.agreement.target),
      unit: kpiMeasure(item.agreement.kpi_key as KpiKey, item.agreement.measure_key)?.unit ?? 'number',
      value: item.value,
      ...(item.valueHidden ? { valueHidden: item.valueHidden } : {}),
      status: item.status,
      reason: item.reason ?? null,
      provisional: item.provisional,
      explanation: item.agreement.explanation,
    })),
  );
}

/**
 * The whole report: one municipality, or every municipality side by side with the total. Each
 * column's figures come from the engine for that municipality (the total without the filter).
 */
export async function councilReport(db: Kysely<DB>, ctx: RequestContext, query: ReportQuery, today = todayIso()): Promise<CouncilReport> {
  const period = parsePeriod(query.period);
  const municipality = await reportMunicipality(db, ctx, query.municipalityId);
  const municipalities = municipality ? [municipality] : (await listMunicipalities(db, ctx.actor.organisationId)).map((m) => ({ id: m.id, name: m.name }));
  const columns: ReportColumn[] = municipality ? [{ key: municipality.id, name: municipality.name }] : [...municipalities.map((m) => ({ key: m.id, name: m.name })), { key: 'total', name: REPORT_WORDS.total }];
  const [organisation, texts, agreements, ...figuresByColumn] = await Promise.all([
    findOrganisationName(db, ctx.actor.organisationId),
    listReportTexts(db, { organisationId: ctx.actor.organisationId, municipalityId: municipality?.id ?? null, period: period.key }),
    reportAgreements(db, ctx, municipalities, period.year),
    ...(municipality ? [figuresFor(db, ctx, period.key, municipality.id)] : columnFigures(db, ctx, period.key, columns)),
  ]);
  const textOf = new Map(texts.map((t) => [t.section, t.text]));
  return {
    organisation,
    municipality,
    period,
    createdOn: today,
    columns,
    introduction: textOf.get('introduction') ?? '',
    conclusion: textOf.get('conclusion') ?? '',
    agreements,
    figures: reportFigures(columns, figuresByColumn, textOf),
  };
}

/** The tables of the report per KPI (for the page's CSV links). */
export async function councilReportTables(db: Kysely<DB>, ctx: RequestContext, query: ReportQuery) {
  const report = await councilReport(db, ctx, query);
  return report.figures.map((figure) => ({ key: figure.key, title: figure.title, tables: reportTables(report, figure).map((t) => ({ key: t.key, title: t.title })) }));
}

/**
 * One table of the report as CSV: a label column and a column per header. Numbers are numbers
 * (percentages 0–100 as the dashboard shows them); a suppressed count is "<5", a number withheld
 * to protect one elsewhere "x", a value not shown is empty. Text cells are neutralised against formula injection (csv.ts).
 */
export async function councilTableCsv(db: Kysely<DB>, ctx: RequestContext, query: ReportQuery, kpi: KpiKey, tableKey: string) {
  const report = await councilReport(db, ctx, query);
  const figure = report.figures.find((f) => f.key === kpi);
  const table = figure ? reportTables(report, figure).find((t) => t.key === tableKey) : undefined;
  if (!figure || !table) throw notFound('Table');
  const csv = toCsv(
    [table.rowHeader || table.title, ...table.headers],
    table.rows.map((row) => [row.label, ...row.cells.map((cell) => cell.value ?? (cell.suppressed && cell.unit === 'count' ? SUPPRESSED_COUNT : cell.withheld ? WITHHELD : null))]),
  );
  return { csv, fileName: `${kpi}-${tableKey}-${query.municipalityId === 'all' ? 'alle-gemeenten' : (report.municipality?.name ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${query.period}.csv` };
}

/**
 * The SRG export for a period: every provision per client, by BSN. Only the administrator; every
 * client in it is written to the processing log under the activity "statistics", and the export
 * itself to the audit trail, in the same transaction as the read.
 */
export async function cbsExport(db: Kysely<DB>, ctx: RequestContext, periodKey: string) {
  authorize(ctx.actor, statisticsExportPolicy, 'download', ownOrganisation(ctx));
  const period = parsePeriod(periodKey);
  return inActorTransaction(db, ctx, async (trx) => {
    const records = srgRecords(await listProvisionsForStatistics(trx, ctx.actor.organisationId, period), period);
    const subjects = [...new Set(records.map((r) => r.bsnPseudonym))];
    await recordProcessing(trx, ctx, { operation: 'cbs-export.srg', activity: 'statistics', dataSubjectIds: subjects });
    await recordAuditEvent(trx, ctx, { action: 'cbs-export.download', subjectType: 'organisation', subjectId: ctx.actor.organisationId, details: { period: period.key, records: records.length, clients: subjects.length } });
    return { csv: srgCsv(records, period), fileName: `meedoen-cbs-srg-${period.key}.csv`, records: records.length };
  });
}
