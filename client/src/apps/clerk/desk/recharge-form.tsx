import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ulid } from 'ulid';
import { formatFen } from '../../../../../shared/domain/money';
import type { Member } from '../../../../../shared/schemas/member';
import type { ChainRules } from '../../../../../shared/schemas/rules';
import { useCloudSync } from '../../../lib/sync/use-cloud-sync';
import { Button } from '../../../lib/ui/button';
import { Notice } from '../../../lib/ui/notice';
import { TextField } from '../../../lib/ui/text-field';
import { MAX_RECHARGE_FEN, QUICK_YUAN, rechargePreview, yuanToFen } from './amounts';
import { ChoiceGroup } from './choice-group';
import { NotReady, useDeskError } from './desk-errors';
import type { DeskDone } from './desk-types';

export const TENDERS = ['cash', 'bank_card', 'wechat', 'alipay'] as const;
export type Tender = (typeof TENDERS)[number];

/** Stored value in, with the chain's bonus shown before the money is taken; mutate.recharge (works offline). */
export function RechargeForm({ member, storeId, rules, onDone, onCancel }: { member: Member; storeId: string; rules: ChainRules | null; onDone: DeskDone; onCancel(): void }) {
  const { t } = useTranslation();
  const rep = useCloudSync()?.rep ?? null;
  const deskError = useDeskError();
  const [input, setInput] = useState('');
  const [paidWith, setPaidWith] = useState<Tender | null>(null);
  const [reference, setReference] = useState('');
  const [tried, setTried] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const amount = yuanToFen(input);
  const preview = 'fen' in amount ? rechargePreview(amount.fen, rules?.rechargeRules ?? [], member) : null;
  const closed = member.status === 'closed';
  // Without the synced rules the bonus is the server's to work out: show none rather than ¥0.
  const bonusText = (fen: number) => (rules ? formatFen(fen) : '—');

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    setFailure(null);
    if (!('fen' in amount) || !paidWith || closed) return;
    const opId = ulid();
    try {
      if (!rep) throw new NotReady();
      await rep.mutate.recharge({ opId, storeId, memberId: member.id, amountFen: amount.fen, paidWith, reference: paidWith === 'cash' ? '' : reference.trim() });
      const shown = formatFen(amount.fen);
      onDone(rules ? t('desk.recharge.done', { amount: shown, bonus: formatFen(preview?.bonusFen ?? 0) }) : t('desk.recharge.doneNoRules', { amount: shown }), opId);
    } catch (err) {
      setFailure(err);
    }
  }

  return (
    <form className="desk-form" onSubmit={submit} noValidate data-testid="recharge-form">
      {closed ? <Notice kind="error">{t('desk.recharge.closed')}</Notice> : member.status === 'frozen' ? <Notice kind="info">{t('desk.recharge.frozenOk')}</Notice> : null}
      <div className="quick-amounts" role="group" aria-label={t('desk.recharge.quick')}>
        {QUICK_YUAN.map((y) => (
          <button key={y} type="button" className={`choice quick-amount${input === String(y) ? ' is-active' : ''}`} onClick={() => setInput(String(y))} data-testid={`quick-${y}`}>
            ¥{y.toLocaleString('en-US')}
          </button>
        ))}
      </div>
      <TextField
        className="amount-field"
        label={t('desk.recharge.amount')}
        inputMode="decimal"
        autoComplete="off"
        leading={<span className="amount-sign">¥</span>}
        value={input}
        onChange={(e) => setInput(e.target.value)}
        error={tried && 'error' in amount ? t(`desk.amount.${amount.error}`, { max: formatFen(MAX_RECHARGE_FEN) }) : undefined}
        data-testid="recharge-amount"
      />
      {preview ? (
        <dl className="desk-preview" data-testid="recharge-preview">
          <div><dt>{t('desk.recharge.bonus')}</dt><dd className="money is-bonus" data-testid="recharge-bonus">{bonusText(preview.bonusFen)}</dd></div>
          <div><dt>{t('desk.balances.principalAfter')}</dt><dd className="money">{formatFen(preview.principalAfterFen)}</dd></div>
          <div><dt>{t('desk.balances.bonusAfter')}</dt><dd className="money">{bonusText(preview.bonusAfterFen)}</dd></div>
          <div><dt>{t('desk.balances.totalAfter')}</dt><dd className="money is-total">{bonusText(preview.principalAfterFen + preview.bonusAfterFen)}</dd></div>
        </dl>
      ) : null}
      {preview?.next ? <p className="muted" data-testid="recharge-upsell">{t('desk.recharge.next', { more: formatFen(preview.next.moreFen), bonus: formatFen(preview.next.bonusFen) })}</p> : null}
      {!rules ? <p className="muted">{t('desk.recharge.noRules')}</p> : null}
      <ChoiceGroup
        label={t('desk.tender.label')}
        value={paidWith}
        onChange={setPaidWith}
        options={TENDERS.map((k) => ({ value: k, label: t(`desk.tender.${k}`), testId: `tender-${k}` }))}
        error={tried && !paidWith ? t('desk.tender.pick') : undefined}
        wide
      />
      {paidWith && paidWith !== 'cash' ? (
        <TextField label={t('desk.tender.reference')} hint={t('desk.fields.optional')} maxLength={64} autoComplete="off" value={reference} onChange={(e) => setReference(e.target.value)} data-testid="recharge-reference" />
      ) : null}
      {failure ? <Notice kind="error">{deskError(failure)}</Notice> : null}
      <div className="desk-form-foot">
        <Button variant="secondary" size="lg" onClick={onCancel}>{t('desk.cancel')}</Button>
        <Button type="submit" size="lg" disabled={closed} data-testid="recharge-submit">
          {'fen' in amount ? t('desk.recharge.submitAmount', { amount: formatFen(amount.fen) }) : t('desk.recharge.submit')}
        </Button>
      </div>
    </form>
  );
}
