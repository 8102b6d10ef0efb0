import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { splitSpend } from '../../../../../shared/domain/account/split';
import { formatFen, parseYuan } from '../../../../../shared/domain/money';
import type { ChainRules } from '../../../../../shared/schemas/rules';
import { Button } from '../../../lib/ui/button';
import { ProviderCharge, usePaymentSetup } from './provider-charge';
import { capacity, cashDraft, changeDueFen, hasCharged, leaseOffline, paidFen, pointsDraft, punchOptions, remainingFen, type PayContext, type TenderDraft, type TenderKindOption } from './tenders';
import type { PunchCard } from '../../../../../shared/schemas/account';

const KINDS: TenderKindOption[] = ['cash', 'wechat', 'alipay', 'bank_card', 'stored_value', 'points'];

type Punch = { cards: readonly PunchCard[]; lines: readonly { productId: string; quantity: number; totalFen: number }[]; storeId: string; at: number };
type Props = { ctx: PayContext & { rules: ChainRules }; sale: { orderId: string; storeId: string }; punch: Punch; drafts: TenderDraft[]; onDrafts(d: TenderDraft[]): void; onConfirm(): void; onCancel(): void };

/** Split payment: tenders one after another until nothing is left to pay, each with what it can take and why not. */
export function PaySheet({ ctx, sale, punch, drafts, onDrafts, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<TenderKindOption | null>(null);
  const [amount, setAmount] = useState('');
  const [reference, setReference] = useState('');
  const [typed, setTyped] = useState(false);
  const setup = usePaymentSetup();
  const left = remainingFen(ctx, drafts);
  const cap = kind ? capacity(kind, ctx, drafts) : null;
  // Gone offline after stored value was added: it must fit the tablet's allowance now.
  const offline = leaseOffline(drafts, ctx.storedValue);

  function choose(k: TenderKindOption) {
    const c = capacity(k, ctx, drafts);
    setKind(k);
    setReference('');
    setTyped(false);
    setAmount('blocked' in c ? '' : k === 'points' ? String(c.maxPoints) : (c.maxFen / 100).toFixed(2));
  }

  function add() {
    if (!kind || !cap || 'blocked' in cap) return;
    let d: TenderDraft | null = null;
    if (kind === 'points') d = pointsDraft(Number.parseInt(amount, 10) || 0, ctx, drafts);
    else {
      const fen = parseYuan(amount);
      if (fen === null || fen <= 0) return;
      if (kind === 'cash') d = cashDraft(fen, ctx, drafts);
      else if (fen <= cap.maxFen) d = kind === 'stored_value' ? { kind, amountFen: fen, ...(cap.leaseId ? { leaseId: cap.leaseId } : {}) } : { kind, amountFen: fen, reference: reference.trim() };
    }
    if (!d) return;
    onDrafts([...drafts, d]);
    setKind(null);
  }

  const external = kind === 'wechat' || kind === 'alipay' || kind === 'bank_card' ? kind : null;
  // A provider charges the customer's scanned code when one is set up and the tablet is online;
  // otherwise (or when the clerk chooses) the terminal's reference is typed in.
  const providerOn = external !== null && !typed && navigator.onLine && (setup?.[external] ?? 'manual') !== 'manual';
  const svSplit = kind === 'stored_value' && ctx.member ? splitSpend(parseYuan(amount) ?? 0, ctx.member, ctx.rules.consumptionOrder) : null;
  const invalid = kind !== null && cap !== null && !('blocked' in cap) && (kind === 'points' ? !pointsDraft(Number.parseInt(amount, 10) || 0, ctx, drafts) : (parseYuan(amount) ?? 0) <= 0 || (kind !== 'cash' && (parseYuan(amount) ?? 0) > cap.maxFen));

  return (
    <div className="sheet-backdrop" role="dialog" aria-modal="true" aria-labelledby="pay-title" data-testid="pay-sheet">
      <div className="sheet">
        <header className="sheet-head">
          <h2 id="pay-title">{t('counter.pay')}</h2>
          <span className="sheet-due">
            {t('counter.total')} <strong className="money">{formatFen(ctx.totalFen)}</strong> · {t('counter.left')} <strong className="money" data-testid="pay-left">{formatFen(left)}</strong>
          </span>
        </header>
        <div className="tender-grid">
          {KINDS.map((k) => {
            const c = capacity(k, ctx, drafts);
            const blocked = 'blocked' in c ? c.blocked : null;
            const hint = 'blocked' in c ? t(`counter.blocked.${c.blocked}`) : k === 'points' ? t('counter.pointsCap', { points: c.maxPoints ?? 0, worth: formatFen(c.maxFen) }) : k === 'stored_value' ? t(c.leaseId ? 'allowance.offlineCap' : 'counter.balanceCap', { amount: formatFen(c.maxFen) }) : '';
            return (
              <button key={k} type="button" className={`tender-tile ${kind === k ? 'tender-on' : ''}`} disabled={blocked === 'paid'} onClick={() => choose(k)} data-testid={`tender-${k}`}>
                <span className="tender-name">{t(`counter.tender.${k}`)}</span>
                <span className="tender-cap">{hint}</span>
              </button>
            );
          })}
        </div>
        {punch.cards.length > 0 ? (
          <div className="punch-options">
            <span className="muted">{t('counter.punch.title')}</span>
            {punchOptions(punch.cards, punch.lines, { ...ctx, storeId: punch.storeId, at: punch.at }, drafts).map((o) => (
              <button key={o.card.id} type="button" className="tender-tile" disabled={!o.draft} onClick={() => o.draft && onDrafts([...drafts, o.draft])} data-testid="tender-punch" data-card-id={o.card.id}>
                <span className="tender-name">{o.card.name}</span>
                <span className="tender-cap">{o.draft ? `${t('counter.punch.uses', { uses: o.draft.uses, left: o.card.usesLeft })} · ${formatFen(o.draft.amountFen)}` : t(`counter.punch.blocked.${o.blocked!}`)}</span>
              </button>
            ))}
          </div>
        ) : null}
        {kind && cap && 'blocked' in cap ? <p className="notice-inline notice-danger" data-testid="tender-blocked">{t(`counter.blocked.${cap.blocked}`)}</p> : null}
        {kind && cap && !('blocked' in cap) ? (
          <div className="tender-entry">
            <label className="tender-field">
              <span>{kind === 'points' ? t('counter.pointsToUse') : kind === 'cash' ? t('counter.received') : t('counter.amount')}</span>
              <input autoFocus inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && !invalid && add()} data-testid="tender-amount" />
            </label>
            {external && providerOn && !invalid ? (
              <ProviderCharge key={`${kind}-${amount}`} kind={external} amountFen={parseYuan(amount) ?? 0} orderId={sale.orderId} storeId={sale.storeId} onManual={() => setTyped(true)}
                onPaid={(ref) => { onDrafts([...drafts, { kind: external, amountFen: parseYuan(amount) ?? 0, reference: ref, charged: true }]); setKind(null); }} />
            ) : null}
            {external && !providerOn ? (
              <label className="tender-field">
                <span>{t('counter.reference')}</span>
                <input value={reference} onChange={(e) => setReference(e.target.value)} maxLength={64} data-testid="tender-reference" />
              </label>
            ) : null}
            {kind === 'cash' ? <div className="quick-cash">{[left, Math.ceil(left / 1000) * 1000, Math.ceil(left / 5000) * 5000, Math.ceil(left / 10000) * 10000].filter((v, i, a) => v > 0 && a.indexOf(v) === i).map((v) => <button key={v} type="button" className="chip" onClick={() => setAmount((v / 100).toFixed(2))}>{formatFen(v)}</button>)}</div> : null}
            {kind === 'stored_value' && cap.askAboveFen !== undefined && (parseYuan(amount) ?? 0) > cap.askAboveFen ? (
              <p className="notice-inline" data-testid="tender-ask-release">{t('allowance.askRelease', { amount: formatFen((parseYuan(amount) ?? 0) - cap.askAboveFen) })}</p>
            ) : null}
            {svSplit ? <p className="muted">{t('counter.svSplit', { principal: formatFen(svSplit.principalFen), bonus: formatFen(svSplit.bonusFen) })}</p> : null}
            {invalid ? <p className="notice-inline notice-danger" data-testid="tender-invalid">{kind === 'points' ? t('counter.pointsInvalid', { max: cap.maxPoints ?? 0 }) : kind === 'stored_value' && cap.leaseId ? t('allowance.overAllowance', { max: formatFen(cap.maxFen) }) : t('counter.amountInvalid', { max: formatFen(cap.maxFen) })}</p> : null}
            <Button onClick={add} disabled={invalid} hidden={providerOn} data-testid="tender-add">{t('counter.addTender')}</Button>
          </div>
        ) : null}
        {drafts.length > 0 ? (
          <ul className="tender-list" data-testid="tender-list">
            {drafts.map((d, i) => (
              <li key={i}>
                <span className="tender-line-name">{t(`counter.tender.${d.kind}`)}{d.kind === 'points' ? ` ${d.points}` : d.kind === 'punch_card' ? ` ${d.name} · ${t('counter.punch.usedN', { uses: d.uses })}` : ''}</span>
                <span className="money">{formatFen(d.amountFen)}</span>
                {'charged' in d && d.charged ? <span className="muted">{t('counter.provider.charged', { reference: d.reference })}</span> : <button type="button" className="link-button" onClick={() => onDrafts(drafts.filter((_, j) => j !== i))}>{t('counter.remove')}</button>}
              </li>
            ))}
          </ul>
        ) : null}
        {'blocked' in offline ? <p className="notice-inline notice-danger" data-testid="offline-blocked">{t(`counter.blocked.${offline.blocked}`)}</p> : null}
        {changeDueFen(drafts) > 0 ? <p className="change-due">{t('counter.change')} <strong className="money" data-testid="change-due">{formatFen(changeDueFen(drafts))}</strong></p> : null}
        <footer className="sheet-foot">
          <Button variant="ghost" onClick={onCancel} disabled={hasCharged(drafts)} title={hasCharged(drafts) ? t('counter.provider.mustFinish') : undefined}>{t('counter.back')} <kbd className="kbd">Esc</kbd></Button>
          <Button size="lg" disabled={left > 0 || paidFen(drafts) !== ctx.totalFen || 'blocked' in offline} onClick={onConfirm} data-testid="pay-confirm">
            {t('counter.confirmPay')} <kbd className="kbd">F9</kbd>
          </Button>
        </footer>
      </div>
    </div>
  );
}
