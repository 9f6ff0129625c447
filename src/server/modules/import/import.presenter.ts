import { basename } from 'node:path';
import type { ImportOutcome, ImportReport } from './import.service.ts';

const count = (n: number) => n.toLocaleString('nl-NL');

/**
 * The report as the person fixing the export reads it: the totals, then one line per problem,
 * prefixed with the line number to look for ("regel 17: bsn … voldoet niet aan de elfproef").
 */
export function formatImportReport(report: ImportReport): string[] {
  const lines = [
    `${basename(report.file)} (${report.format.toUpperCase()}): ${count(report.rows)} cliënten gelezen, ${count(report.validRows)} goed, ${count(report.badRows)} fout`,
  ];
  for (const problem of report.problems) {
    const where = problem.line === null ? 'bestand' : `regel ${problem.line}`;
    for (const message of problem.messages) lines.push(`${where}: ${message}`);
  }
  return lines;
}

/** The closing line of an import run. */
export function formatImportOutcome(outcome: ImportOutcome): string {
  if (outcome.status === 'rejected') return 'Het bestand is afgewezen: er is niets geïmporteerd. Herstel de regels hierboven en probeer het opnieuw.';
  const { clients, ladderMeasurements, routeChanges } = outcome.counts;
  const what = `${count(clients)} cliënten, ${count(ladderMeasurements)} tredes en ${count(routeChanges)} routes`;
  return outcome.status === 'imported' ? `Geïmporteerd: ${what}.` : `Proefimport teruggedraaid: ${what} zouden zijn geïmporteerd.`;
}
