import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ulid } from 'ulid';
import { formatFen } from '../../../../../shared/domain/money';
import type { ChargeResult, ExternalTender, PaymentSetup } from '../../../../../shared/schemas/payment';
import { useApi } from '../../../lib/app-context';
import { describeError } from '../../../lib/errors';
import { Button } from '../../../lib/ui/button';

let setup: PaymentSetup | null = null;

/** Which tenders a provider charges (asked once per session; offline everything is typed in by hand). */
export function usePaymentSetup(): PaymentSetup | null {
  const api = useApi();
  const [s, setS] = useState(setup);
  useEffect(() => {
    if (setup || !navigator.onLine) return;
    api.get<PaymentSetup>('/api/payments/setup').then((x) => setS((setup = x)), () => {});
  }, [api]);
  return s;
}

type Props = { kind: ExternalTender; amountFen: number; orderId: string; storeId: string; onPaid(reference: string): void; onManual(): void };

/**
 * The customer shows their payment code (付款码); the USB scanner types it here (or the clerk does)
 * and the provider charges it. The payment id is kept while the clerk retries, so a lost answer is
 * asked again rather than charged again.
 */
export function ProviderCharge({ kind, amountFen, orderId, storeId, onPaid, onManual }: Props) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [code, setCode] = useState('');
  const [paymentId, setPaymentId] = useState(() => ulid());
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function charge() {
    if (busy || !/^\d{16,24}$/.test(code.trim())) return setProblem(t('counter.provider.badCode'));
    setBusy(true);
    setProblem(null);
    try {
      const r = await api.post<ChargeResult>('/api/payments/charge', { paymentId, orderId, storeId, kind, amountFen, authCode: code.trim() });
      if (r.status === 'paid') return onPaid(r.reference);
      setProblem(t('counter.provider.declined', { reason: r.reason ?? '' }));
      // A declined charge is final: the next try is a new payment.
      setPaymentId(ulid());
      setCode('');
    } catch (e) {
      setProblem(describeError(e, i18n));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="provider-charge">
      <label className="tender-field">
        <span>{t('counter.provider.scan', { amount: formatFen(amountFen) })}</span>
        <input autoFocus inputMode="numeric" autoComplete="off" value={code} onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))} onKeyDown={(e) => e.key === 'Enter' && void charge()} data-testid="tender-auth-code" />
      </label>
      {problem ? <p className="notice-inline notice-danger" data-testid="tender-charge-problem">{problem}</p> : null}
      <div className="provider-actions">
        <Button variant="ghost" onClick={onManual} disabled={busy} data-testid="tender-manual">{t('counter.provider.manual')}</Button>
        <Button loading={busy} onClick={() => void charge()} data-testid="tender-charge">{t('counter.provider.charge')}</Button>
      </div>
    </div>
  );
}
