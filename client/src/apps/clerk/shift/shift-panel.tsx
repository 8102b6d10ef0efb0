import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../lib/ui/button';
import { Notice } from '../../../lib/ui/notice';
import { Loading, LoadError } from '../../../lib/ui/states';
import { formatReceiptTime } from '../receipt/receipt-format';
import { CloseShiftDialog, OpenShiftDialog } from './shift-dialogs';
import { ShiftSummaryView } from './shift-summary-view';
import { useShift, type ShiftApi } from './use-shift';
import '../receipt/receipt.css';
import './shift.css';

type Props = {
  /** Printed at the top of the shift summary. */
  storeName?: string | null;
  /** The shift state, when the caller already holds it (e.g. to gate checkout on an open shift). */
  state?: ShiftApi;
};

/**
 * The till shift on the counter: open it with the cash float, watch the figures so far, close it
 * with a cash count and get the summary by tender (difference highlighted, printable). Opening
 * and closing need the server; offline the panel says so and keeps what it last knew.
 */
export function ShiftPanel({ storeName = null, state }: Props) {
  const own = useShift();
  return <ShiftPanelView s={state ?? own} storeName={storeName} />;
}

function ShiftPanelView({ s, storeName }: { s: ShiftApi; storeName: string | null }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'open' | 'close' | null>(null);
  const openClose = () => {
    s.reload(); // the expected cash as of now
    setDialog('close');
  };
  return (
    <section className="card shift-panel" aria-labelledby="shift-title" data-testid="shift-panel" data-state={s.shift ? 'open' : 'none'}>
      <header className="shift-head">
        <h2 id="shift-title" className="section-title">
          {s.closed ? t('shift.summaryTitle') : t('shift.title')}
        </h2>
        {s.shift && !s.closed ? <span className="badge shift-badge-open">{t('shift.openShort')}</span> : null}
      </header>
      {!s.online ? <Notice kind="info" testId="shift-offline">{t('shift.offline')}</Notice> : null}
      {!s.loaded && s.status === 'loading' ? <Loading /> : null}
      {s.status === 'error' && s.online ? <LoadError error={s.error} onRetry={s.reload} /> : null}

      {s.closed ? (
        <>
          <p className="shift-when">
            {s.closed.staffName} · {t('shift.closedAt', { time: formatReceiptTime(s.closed.closedAt ?? 0) })}
          </p>
          <ShiftSummaryView shift={s.closed} storeName={storeName} printable />
          <Button variant="primary" onClick={s.dismissClosed} data-testid="shift-done">
            {t('shift.done')}
          </Button>
        </>
      ) : s.shift ? (
        <>
          <p className="shift-when">{t('shift.openSince', { time: formatReceiptTime(s.shift.openedAt) })}</p>
          <h3 className="shift-subtitle">{t('shift.liveTitle')}</h3>
          <ShiftSummaryView shift={s.shift} storeName={storeName} />
          <div className="shift-actions">
            <Button variant="ghost" onClick={s.reload} disabled={!s.online}>
              {t('shift.refresh')}
            </Button>
            <Button variant="primary" onClick={openClose} disabled={!s.online} data-testid="shift-close">
              {t('shift.close')}
            </Button>
          </div>
        </>
      ) : s.loaded ? (
        <div className="shift-none">
          <p className="shift-none-title">{t('shift.none')}</p>
          <p className="muted">{t('shift.noneHint')}</p>
          <Button variant="primary" size="lg" onClick={() => setDialog('open')} disabled={!s.online} data-testid="shift-open">
            {t('shift.open')}
          </Button>
        </div>
      ) : null}

      {dialog === 'open' ? <OpenShiftDialog online={s.online} onOpen={s.open} onDismiss={() => setDialog(null)} /> : null}
      {dialog === 'close' && s.shift ? <CloseShiftDialog shift={s.shift} online={s.online} onCloseShift={s.close} onDismiss={() => setDialog(null)} /> : null}
    </section>
  );
}
