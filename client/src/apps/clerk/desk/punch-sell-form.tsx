import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ulid } from 'ulid';
import { formatFen } from '../../../../../shared/domain/money';
import type { Member } from '../../../../../shared/schemas/member';
import { useCloudSync } from '../../../lib/sync/use-cloud-sync';
import { Button } from '../../../lib/ui/button';
import { Notice } from '../../../lib/ui/notice';
import { TextField } from '../../../lib/ui/text-field';
import { MAX_RECHARGE_FEN, yuanToFen } from './amounts';
import { ChoiceGroup } from './choice-group';
import { NotReady, useDeskError } from './desk-errors';
import type { DeskDone } from './desk-types';
import { expiryAfterMonths, punchPriceSplits } from './punch-cards';
import { Stepper } from './stepper';
import { useServices } from './use-desk-data';

const EXPIRY = ['none', '3', '6', '12'] as const;
const PAID = ['stored_value', 'cash', 'bank_card', 'wechat', 'alipay'] as const;
type Paid = (typeof PAID)[number];

/** A punch card (N prepaid visits of one service): per punchCardSaleRequestSchema, via mutate.sellPunchCard. */
export function PunchSellForm({ member, storeId, onDone, onCancel }: { member: Member; storeId: string; onDone: DeskDone; onCancel(): void }) {
  const { t } = useTranslation();
  const rep = useCloudSync()?.rep ?? null;
  const deskError = useDeskError();
  const services = useServices();
  const [productId, setProductId] = useState('');
  const [uses, setUses] = useState(10);
  const [priceInput, setPriceInput] = useState('');
  const [expiry, setExpiry] = useState<(typeof EXPIRY)[number]>('12');
  const [hereOnly, setHereOnly] = useState<'all' | 'here'>('all');
  const [paidWith, setPaidWith] = useState<Paid | null>(null);
  const [tried, setTried] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const product = services.find((p) => p.id === productId) ?? null;
  const listFen = product ? (product.storePriceFen ?? product.listPriceFen) * uses : null;
  // Blank price: the service's price times the visits (the clerk types a discounted one).
  const price = priceInput.trim() === '' && listFen ? { fen: listFen } : yuanToFen(priceInput);
  const priceFen = 'fen' in price ? price.fen : null;
  const splits = priceFen !== null && punchPriceSplits(priceFen, uses);
  const balance = member.principalFen + member.bonusFen;
  const svBlocked = member.status !== 'active' ? 'frozen' : priceFen !== null && priceFen > balance ? 'short' : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    setFailure(null);
    if (!product || priceFen === null || !splits || !paidWith || (paidWith === 'stored_value' && svBlocked)) return;
    const opId = ulid();
    const expiresAt = expiry === 'none' ? null : expiryAfterMonths(Date.now(), Number(expiry));
    try {
      if (!rep) throw new NotReady();
      await rep.mutate.sellPunchCard({ opId, storeId, memberId: member.id, productId: product.id, uses, priceFen, expiresAt, storeIds: hereOnly === 'here' ? [storeId] : null, paidWith });
      onDone(t('desk.punch.sold', { name: product.name, uses, price: formatFen(priceFen) }), opId);
    } catch (err) {
      setFailure(err);
    }
  }

  const priceError = tried && 'error' in price ? t(`desk.amount.${price.error}`, { max: formatFen(MAX_RECHARGE_FEN) }) : priceFen !== null && !splits ? t('desk.punch.notDivisible', { uses }) : undefined;
  return (
    <form className="desk-form" onSubmit={submit} noValidate data-testid="punch-sell-form">
      <div className="field">
        <label className="field-label" htmlFor="punch-product">{t('desk.punch.service')}</label>
        <select id="punch-product" className="field-input desk-select" value={productId} onChange={(e) => setProductId(e.target.value)} data-testid="punch-product">
          <option value="">{services.length ? t('desk.punch.pickService') : t('desk.punch.noServices')}</option>
          {services.map((p) => (
            <option key={p.id} value={p.id}>{`${p.name} · ${formatFen(p.storePriceFen ?? p.listPriceFen)}`}</option>
          ))}
        </select>
        {tried && !product ? <p className="field-error">{t('desk.punch.pickService')}</p> : null}
      </div>
      <Stepper label={t('desk.punch.uses')} value={uses} min={1} max={1000} onChange={setUses} testId="punch-uses" />
      <TextField label={t('desk.punch.price')} inputMode="decimal" autoComplete="off" leading={<span className="amount-sign">¥</span>}
        placeholder={listFen ? (listFen / 100).toFixed(2) : ''} value={priceInput} onChange={(e) => setPriceInput(e.target.value)}
        hint={priceFen !== null && splits ? t('desk.punch.perUse', { price: formatFen(priceFen / uses) }) : undefined} error={priceError} data-testid="punch-price" />
      <ChoiceGroup label={t('desk.punch.expiry')} value={expiry} onChange={setExpiry} options={EXPIRY.map((x) => ({ value: x, label: t(`desk.punch.expiryOption.${x}`) }))} />
      <ChoiceGroup label={t('desk.punch.validAt')} value={hereOnly} onChange={setHereOnly} options={[{ value: 'all', label: t('desk.punch.allStores') }, { value: 'here', label: t('desk.punch.thisStore') }]} />
      <ChoiceGroup label={t('desk.tender.label')} value={paidWith} onChange={setPaidWith} wide error={tried && !paidWith ? t('desk.tender.pick') : undefined}
        options={PAID.map((k) => ({ value: k, label: t(`desk.tender.${k}`), disabled: k === 'stored_value' && svBlocked !== null, testId: `punch-paid-${k}` }))} />
      {svBlocked ? <p className="muted">{t(`desk.punch.storedValue.${svBlocked}`, { balance: formatFen(balance) })}</p> : null}
      {failure ? <Notice kind="error">{deskError(failure)}</Notice> : null}
      <div className="desk-form-foot">
        <Button variant="secondary" size="lg" onClick={onCancel}>{t('desk.cancel')}</Button>
        <Button type="submit" size="lg" data-testid="punch-sell-submit">
          {priceFen !== null ? t('desk.punch.sellAmount', { price: formatFen(priceFen) }) : t('desk.punch.sell')}
        </Button>
      </div>
    </form>
  );
}
