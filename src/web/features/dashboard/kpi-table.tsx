import { TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { KpiTable } from '../../../shared/kpi.ts';
import { RouterLink } from '../../components/router-link.tsx';
import { formatCell, kpiLabel } from '../../../shared/kpi-format.ts';
import { ScrollableTable } from '../../components/scrollable-table.tsx';

type Props = {
  table: KpiTable;
  caption: string;
  /** Where a cell's drill key leads (the clients behind it); absent when the caller may not drill down. */
  drillTo?: (drill: string, cellLabel: string) => string;
};

/**
 * A KPI table as an accessible <table>: a caption, column headers and a header cell per row
 * (scope col/row), numbers right-aligned. A suppressed count reads "<5", a withheld number "x". When drilling down is
 * allowed, a number with a drill key is a link to the clients behind it, named in full for
 * screen readers ("12 — cliënten bekijken: trede 3, gestegen").
 */
export function KpiTableView({ table, caption, drillTo }: Props) {
  const { t, i18n } = useTranslation();
  const columns = table.columns.map((c) => kpiLabel(t, 'columns', c.key, c.label));
  return (
    <ScrollableTable className="meedoen-kpi-table" data-table={table.key} caption={caption}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t(`kpi.rowHeaders.${table.key}`, { defaultValue: t('dashboard.rowHeader') })}</TableHeaderCell>
          {columns.map((label, c) => (
            <TableHeaderCell key={`${table.columns[c]!.key}-${c}`} scope="col" className="meedoen-kpi-table__number">
              {label}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {table.rows.map((row, r) => {
          const rowLabel = kpiLabel(t, 'rows', row.key, row.label);
          return (
            <TableRow key={`${row.key}-${r}`}>
              <TableHeaderCell scope="row">{rowLabel}</TableHeaderCell>
              {table.columns.map((column, c) => {
                const cell = row.cells[c] ?? { value: null };
                const text = formatCell(cell, column.unit, i18n.language, t);
                const where = `${rowLabel}, ${columns[c]}`;
                return (
                  <TableCell key={`${column.key}-${c}`} className="meedoen-kpi-table__number" data-suppressed={cell.suppressed ? 'true' : cell.withheld ? 'withheld' : undefined}>
                    {drillTo && cell.drill && cell.value !== null && cell.value > 0 ? (
                      <RouterLink to={drillTo(cell.drill, `${caption}: ${where}`)} data-drill={cell.drill}>
                        {text}
                        <span className="meedoen-visually-hidden">{` — ${t('dashboard.drill.linkLabel', { where })}`}</span>
                      </RouterLink>
                    ) : (
                      text
                    )}
                  </TableCell>
                );
              })}
            </TableRow>
          );
        })}
      </TableBody>
    </ScrollableTable>
  );
}
