import type { Executor } from '../../db/database.ts';
import type { ClientRecord } from '../clients/clients.repository.ts';

/** A value in the copy: plain JSON, so the copy is readable by people and programs alike. */
export type ExportValue = string | number | boolean | null | string[];

/** How a value is shown in the PDF; the JSON keeps the ISO form. */
export type ExportFieldType = 'text' | 'date' | 'datetime' | 'number' | 'boolean' | 'list';

/** One column of a section: its key in the rows, its Dutch label, and how to show it. */
export type ExportField = { key: string; label: string; type: ExportFieldType };

/**
 * One part of the copy, from one module: what it is (in plain Dutch), the fields, and every row
 * Meedoen holds. `notes` explains anything left out and why.
 */
export type ExportSection = {
  key: string;
  title: string;
  about: string;
  fields: ExportField[];
  rows: Record<string, ExportValue>[];
  notes: string[];
};

/** The whole copy (AVG art. 15): who holds the data, about whom, and every section. */
export type DataExport = {
  format: 'meedoen-inzage';
  version: 1;
  createdAt: string;
  controller: { name: string; phone: string | null; email: string | null; visitingAddress: string | null };
  subject: { name: string; clientNumber: string };
  explanation: string[];
  sections: ExportSection[];
};

/** What every section collector gets: the transaction, the client, and shared helpers. */
export type ExportContext = {
  trx: Executor;
  client: ClientRecord;
  /** The client's own login account, if they have one. */
  accountUserId: string | null;
  serviceName: string;
  /** Policy for confidential notes (config SUBJECT_ACCESS_CONFIDENTIAL_NOTES). */
  confidentialNotes: 'include' | 'withhold';
  /**
   * Describes the people who acted by role and organisation ("Participatiecoach, Werkplein
   * Lingedal"), never by name: see processing-log.section.ts for why.
   */
  describeActors(ids: readonly (string | null)[]): Promise<(id: string | null) => string>;
};

/** A module's part of the copy: one small function per module. */
export type SectionCollector = (ctx: ExportContext) => Promise<ExportSection | ExportSection[]>;

/** Builds a section with defaults, so collectors read as their fields and rows. */
export function section(input: Omit<ExportSection, 'notes'> & { notes?: string[] }): ExportSection {
  return { notes: [], ...input };
}

/** Field shorthand: f('occurredOn', 'Datum', 'date'). */
export function f(key: string, label: string, type: ExportFieldType = 'text'): ExportField {
  return { key, label, type };
}
