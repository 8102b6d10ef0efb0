import Papa from 'papaparse';
import { formatFen } from '../../../../../shared/domain/money';
import { fenCell, formatBp } from './report-format';

/**
 * A report table's column: its header, the value it sorts by, and how it shows. The same list
 * makes the table and its CSV, so the CSV is what is shown (money as plain yuan for a spreadsheet).
 */
export type ReportColumn<T> = {
  id: string;
  header: string;
  value: (row: T) => number | string | null;
  kind?: 'fen' | 'count' | 'bp' | 'text';
};

export function cellText<T>(c: ReportColumn<T>, row: T, count: (n: number) => string): string {
  const v = c.value(row);
  if (v === null) return '—';
  if (typeof v === 'string') return v;
  if (c.kind === 'fen') return formatFen(v);
  if (c.kind === 'bp') return formatBp(v);
  return count(v);
}

/** The rows as CSV, in the order shown: a header line, then one line a row. */
export function toCsv<T>(columns: readonly ReportColumn<T>[], rows: readonly T[]): string {
  const csvCell = (c: ReportColumn<T>, row: T) => {
    const v = c.value(row);
    if (v === null) return '';
    if (typeof v === 'string') return v;
    if (c.kind === 'fen') return fenCell(v);
    if (c.kind === 'bp') return formatBp(v);
    return String(v);
  };
  return Papa.unparse({ fields: columns.map((c) => c.header), data: rows.map((r) => columns.map((c) => csvCell(c, r))) });
}
