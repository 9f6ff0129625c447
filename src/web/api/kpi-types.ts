/**
 * What the KPI and agreement endpoints send to the web UI (issue 6). The figure shape itself is
 * shared with the server (src/shared/kpi.ts); these are the envelopes around it.
 */
import type { KpiFigure, KpiKey, KpiUnit } from '../../shared/kpi.ts';

/** A named choice in a filter (a municipality, a provider). */
export type KpiOption = { id: string; name: string };

/** GET /api/kpi: every figure for the caller's scope, with the filters that were applied. */
export type KpiDashboard = {
  period: { key: string; start: string; end: string };
  scope: { kind: 'organisation' | 'team' | 'provider' };
  filters: { period: string; municipalityId?: string; route?: string; group?: string; providerId?: string };
  /** When the figures were computed; upToDate false: the data changed since, newer figures are on their way. */
  freshness: { computedAt: string; upToDate: boolean };
  figures: KpiFigure[];
  /** drilldown: the caller may open the list of clients behind a cell. */
  policies: { drilldown: boolean };
  options: { municipalities: KpiOption[]; providers: KpiOption[] };
};

/** One client behind a cell (GET /api/kpi/{key}/clients). */
export type KpiClient = {
  id: string;
  clientNumber: string;
  name: string;
  municipality: string | null;
  coach: string | null;
  ladderStep: number | null;
};

export type KpiClients = { clients: KpiClient[]; total: number };

/** A performance agreement as the evaluation returns it. */
export type PerformanceAgreement = {
  id: string;
  municipality: KpiOption;
  year: number;
  kpiKey: KpiKey;
  measureKey: string;
  unit: KpiUnit;
  comparison: 'at_least' | 'at_most';
  target: number;
  title: string;
  explanation: string;
};

/** One agreement against the figure behind it; `provisional`: the year is still running. */
export type AgreementEvaluationItem = {
  agreement: PerformanceAgreement;
  value: number | null;
  /** The value is not shown to this caller (rests on, or would give away, 1–4 people); the status is judged on it all the same. */
  valueHidden?: 'suppressed' | 'withheld';
  status: 'met' | 'not_met' | 'not_measurable';
  reason?: string;
  provisional: boolean;
  figure: KpiFigure | null;
};

/** GET /api/performance-agreements/evaluation?municipalityId=&year= */
export type AgreementEvaluation = { municipality: KpiOption; year: number; items: AgreementEvaluationItem[] };
