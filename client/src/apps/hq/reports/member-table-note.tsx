import type { ReactNode } from 'react';

/** A note under a report table's rows (ReportTable's footer), across every column; printed with it. */
export const TableNote = ({ children }: { children: ReactNode }) => (
  <tfoot><tr><td colSpan={99} className="muted rep-m-foot">{children}</td></tr></tfoot>
);
