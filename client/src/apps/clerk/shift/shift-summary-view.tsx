import { useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../../shared/domain/money';
import type { Shift, ShiftSummary } from '../../../../../shared/schemas/shift';
import { Button } from '../../../lib/ui/button';
import { columnsFor, usePaperWidth } from '../receipt/paper-width';
import { printReceipt } from '../receipt/print-receipt';
import { ReceiptPaper } from '../receipt/receipt';
import { differenceText, tenderLabel, useShiftPrintLabels } from './shift-labels';
import { differenceKind, layoutShiftSummary, tenderRows } from './shift-layout';

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="shift-figure">
      <dt>{label}</dt>
      <dd className="money" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

/** Float, expected and counted cash, and the difference the clerk must not miss. */
function CashBox({ s }: { s: ShiftSummary }) {
  const { t } = useTranslation();
  return (
    <dl className="shift-cash">
      <Figure label={t('shift.openingCashLabel')} value={formatFen(s.openingCashFen)} />
      <Figure label={t('shift.expectedCash')} value={formatFen(s.cashExpectedFen)} testId="shift-expected" />
      {s.countedCashFen !== null ? <Figure label={t('shift.countedCashLabel')} value={formatFen(s.countedCashFen)} /> : null}
      {s.differenceFen !== null ? (
        <div className={`shift-figure shift-diff shift-diff-${differenceKind(s.differenceFen)}`} data-testid="shift-difference">
          <dt>{t('shift.difference')}</dt>
          <dd className="money">{differenceText(t, s.differenceFen)}</dd>
        </div>
      ) : null}
    </dl>
  );
}

/** The summary printed on the counter's receipt printer, to sign and put in the cash bag. */
function PrintShift({ shift, storeName }: { shift: Shift; storeName: string | null }) {
  const { t } = useTranslation();
  const [paper] = usePaperWidth();
  const labels = useShiftPrintLabels();
  const [printedAt, setPrintedAt] = useState(() => Date.now());
  const ref = useRef<HTMLDivElement>(null);
  const lines = useMemo(() => layoutShiftSummary(shift, columnsFor(paper), labels, { storeName, printedAt }), [shift, paper, labels, storeName, printedAt]);
  const print = () => {
    flushSync(() => setPrintedAt(Date.now()));
    if (ref.current) printReceipt(ref.current, paper);
  };
  return (
    <>
      <div hidden>
        <ReceiptPaper ref={ref} lines={lines} paperWidth={paper} label={t('shift.summaryTitle')} />
      </div>
      <Button variant="secondary" onClick={print} data-testid="shift-print">
        {t('shift.print')}
      </Button>
    </>
  );
}

/** A shift's figures: totals, a table by tender, and the cash box. `printable` adds the print button. */
export function ShiftSummaryView({ shift, storeName = null, printable = false }: { shift: Shift; storeName?: string | null; printable?: boolean }) {
  const { t } = useTranslation();
  const s = shift.summary;
  if (!s) return null;
  const rows = tenderRows(s);
  return (
    <div className="shift-summary" data-testid="shift-summary">
      <dl className="shift-figures">
        <Figure label={t('shift.orders')} value={String(s.orders)} testId="shift-orders" />
        <Figure label={t('shift.sales')} value={formatFen(s.salesFen)} testId="shift-sales" />
        {s.recharges.count ? <Figure label={t('shift.recharges')} value={formatFen(s.recharges.totalFen)} /> : null}
        {s.punchCardSales.count ? <Figure label={t('shift.punchCardSales')} value={formatFen(s.punchCardSales.totalFen)} /> : null}
        {s.refunds.count ? <Figure label={t('shift.refunds')} value={formatFen(-s.refunds.totalFen)} /> : null}
      </dl>
      {rows.length ? (
        <table className="shift-tenders" data-testid="shift-tenders">
          <caption>{t('shift.byTender')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('shift.tenderCol')}</th>
              <th scope="col">{t('shift.salesCol')}</th>
              <th scope="col">{t('shift.accountCol')}</th>
              <th scope="col">{t('shift.refundsCol')}</th>
              <th scope="col">{t('shift.netCol')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.kind} data-tender={r.kind}>
                <th scope="row">{tenderLabel(t, r.kind)}</th>
                <td className="money">{r.salesFen ? formatFen(r.salesFen) : '—'}</td>
                <td className="money">{r.accountFen ? formatFen(r.accountFen) : '—'}</td>
                <td className="money">{r.refundsFen ? formatFen(-r.refundsFen) : '—'}</td>
                <td className="money shift-net">{formatFen(r.netFen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{t('shift.noTakings')}</p>
      )}
      {s.refunds.untenderedFen ? <p className="shift-hint">{t('shift.untenderedHint')}</p> : null}
      <CashBox s={s} />
      <p className="shift-hint">{t('shift.expectedHint')}</p>
      {printable ? <PrintShift shift={shift} storeName={storeName} /> : null}
    </div>
  );
}
