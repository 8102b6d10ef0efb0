import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { approvalMessages } from '../../../../../shared/domain/manager-pin';
import { formatFen } from '../../../../../shared/domain/money';
import { zhe } from '../../../../../shared/domain/pricing-engine/labels';
import type { ManualDiscount } from '../../../../../shared/schemas/promotions';
import { Button } from '../../../lib/ui/button';
import { useApproval } from '../approval';
import { draftOf, draftToTerms, manualOffFen, REASON_MAX, sameTerms, type ManualTerms } from './manual-discount';

const QUICK_REASONS = ['complaint', 'loyal', 'expiring', 'damaged'] as const;

type Props = { cartId: string; baseFen: number; current: ManualDiscount | null; onApply(d: ManualDiscount | null): void; onClose(): void };

/**
 * A manual discount on the whole sale: an amount or a 折 rate, and why. A manager approves exactly
 * these terms for this order id, so any change goes back to them; removing one needs nobody.
 */
export function ManualDiscountSheet({ cartId, baseFen, current, onApply, onClose }: Props) {
  const { t } = useTranslation();
  const { requestApproval, needsPin } = useApproval();
  const [draft, setDraft] = useState(() => draftOf(current));
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const parsed = draftToTerms(draft, baseFen);
  const shown = tried || (!parsed.ok && parsed.error !== 'empty' && parsed.error !== 'reason');
  const off = parsed.ok ? manualOffFen(parsed.terms, baseFen) : 0;

  async function apply() {
    setTried(true);
    if (!parsed.ok || busy) return;
    const terms: ManualTerms = parsed.terms;
    if (sameTerms(current, terms)) return onClose();
    setBusy(true);
    const size = terms.kind === 'amount' ? formatFen(terms.amountFen) : zhe(terms.discountBp);
    const what = t('counter.manual.what', { size, off: formatFen(off), reason: terms.reason });
    const approval = await requestApproval(approvalMessages.manualDiscount(cartId, terms), what);
    setBusy(false);
    if (!approval) return; // cancelled: the form stays as typed
    onApply({ ...terms, approvedBy: approval.approvedBy, proof: approval.proof });
    onClose();
  }

  return (
    <div className="sheet-backdrop" role="dialog" aria-modal="true" aria-labelledby="manual-title" data-testid="manual-discount-sheet">
      <div className="sheet manual-sheet">
        <header className="sheet-head">
          <h2 id="manual-title">{t('counter.manual.title')}</h2>
          <span className="muted">{t('counter.manual.base', { amount: formatFen(baseFen) })}</span>
        </header>
        <div className="manual-size">
          <label className="tender-field">
            <span>{t('counter.manual.amount')}</span>
            <input autoFocus inputMode="decimal" value={draft.amount} onChange={(e) => setDraft({ ...draft, amount: e.target.value, percent: '' })} data-testid="manual-discount-amount" />
          </label>
          <span className="manual-or">{t('counter.manual.or')}</span>
          <label className="tender-field">
            <span>{t('counter.manual.percent')}</span>
            <input inputMode="decimal" value={draft.percent} onChange={(e) => setDraft({ ...draft, percent: e.target.value, amount: '' })} placeholder={t('counter.manual.percentPlaceholder')} data-testid="manual-discount-percent" />
          </label>
        </div>
        <label className="tender-field manual-reason">
          <span>{t('counter.manual.reason')}</span>
          <input value={draft.reason} maxLength={REASON_MAX} onChange={(e) => setDraft({ ...draft, reason: e.target.value })} placeholder={t('counter.manual.reasonPlaceholder')} data-testid="manual-discount-reason" />
        </label>
        <div className="chips">
          {QUICK_REASONS.map((k) => (
            <button key={k} type="button" className={`chip ${draft.reason === t(`counter.manual.reasons.${k}`) ? 'chip-on' : ''}`} onClick={() => setDraft({ ...draft, reason: t(`counter.manual.reasons.${k}`) })}>
              {t(`counter.manual.reasons.${k}`)}
            </button>
          ))}
        </div>
        {!parsed.ok && shown ? (
          <p className="notice-inline notice-danger" data-testid="manual-discount-error">{t(`counter.manual.errors.${parsed.error}`, { max: formatFen(baseFen) })}</p>
        ) : parsed.ok ? (
          <p className="manual-preview" data-testid="manual-discount-preview">
            {t('counter.manual.preview', { off: formatFen(off), total: formatFen(baseFen - off) })}
          </p>
        ) : null}
        <footer className="sheet-foot">
          <Button variant="ghost" onClick={onClose} disabled={busy}>{t('counter.back')} <kbd className="kbd">Esc</kbd></Button>
          {current ? <Button variant="secondary" onClick={() => { onApply(null); onClose(); }} disabled={busy} data-testid="manual-discount-remove">{t('counter.manual.remove')}</Button> : null}
          <Button size="lg" loading={busy} onClick={() => void apply()} data-testid="manual-discount-apply">{needsPin ? t('counter.manual.applyWithPin') : t('counter.manual.apply')}</Button>
        </footer>
      </div>
    </div>
  );
}
