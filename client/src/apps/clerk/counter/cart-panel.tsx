import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../../shared/domain/money';
import { zhe } from '../../../../../shared/domain/pricing-engine/labels';
import type { PriceOrderResult } from '../../../../../shared/schemas/promotions';
import { keys } from '../../../../../shared/sync/keys';
import { useSession } from '../../../lib/app-context';
import { useSubscribe } from '../../../lib/sync/use-cloud-sync';
import type { Cart } from './cart';
import type { Catalog } from './counter-data';

/** The lines with their discounts explained, quantity steppers, and the totals. */
export function CartPanel({ cart, priced, catalog, onQuantity, onManual }: { cart: Cart; priced: PriceOrderResult | null; catalog: Catalog; onQuantity(productId: string, q: number): void; onManual(): void }) {
  const { t } = useTranslation();
  if (cart.lines.length === 0) return <p className="cart-empty" data-testid="cart-empty">{t('counter.cartEmpty')}</p>;
  const lines = priced?.ok ? priced.lines : null;
  return (
    <div className="cart" data-testid="cart">
      <ul className="cart-lines">
        {cart.lines.map((l, i) => {
          const p = catalog.byId.get(l.productId);
          const pl = lines?.[i];
          return (
            <li key={l.productId} className="cart-line" data-testid="cart-line">
              <div className="cart-line-main">
                <span className="cart-line-name">{p?.name ?? l.productId}</span>
                <span className="cart-line-total money">{pl ? formatFen(pl.totalFen) : '—'}</span>
              </div>
              <div className="cart-line-sub">
                <div className="stepper">
                  <button type="button" aria-label={t('counter.less')} onClick={() => onQuantity(l.productId, l.quantity - 1)}>−</button>
                  <span data-testid="cart-line-qty">{l.quantity}</span>
                  <button type="button" aria-label={t('counter.more')} onClick={() => onQuantity(l.productId, l.quantity + 1)}>+</button>
                </div>
                <span className="muted money">{pl ? `${formatFen(pl.unitPriceFen)} × ${l.quantity}` : ''}</span>
              </div>
              {pl?.explanation.map((e) => (
                <div key={`${e.kind}-${e.refId}`} className="cart-line-discount">
                  <span>{e.kind === 'manual' ? t('counter.manual.line', { reason: String(e.params.reason ?? '') }) : e.label}</span>
                  <span className="money">−{formatFen(e.amountFen)}</span>
                </div>
              ))}
            </li>
          );
        })}
      </ul>
      <ManualRow cart={cart} offFen={priced?.ok ? (priced.discountBySource.manual ?? 0) : 0} onManual={onManual} />
      {priced && !priced.ok ? <p className="notice-inline">{t('counter.unknownProduct')}</p> : null}
      {priced?.ok ? (
        <dl className="totals">
          <div><dt>{t('counter.subtotal')}</dt><dd className="money">{formatFen(priced.subtotalFen)}</dd></div>
          {priced.discountFen > 0 ? <div className="totals-discount"><dt>{t('counter.discount')}</dt><dd className="money">−{formatFen(priced.discountFen)}</dd></div> : null}
          <div className="totals-total"><dt>{t('counter.total')}</dt><dd className="money" data-testid="cart-total">{formatFen(priced.totalFen)}</dd></div>
        </dl>
      ) : null}
      {priced?.ok && priced.refusals.length > 0 ? (
        <ul className="refusals">
          {priced.refusals.map((r) => <li key={`${r.code}-${r.refId}`}>{r.message}</li>)}
        </ul>
      ) : null}
    </div>
  );
}

/** The sale's manual discount (approved terms and what it takes off), or the button to add one. */
function ManualRow({ cart, offFen, onManual }: { cart: Cart; offFen: number; onManual(): void }) {
  const { t } = useTranslation();
  const m = cart.manualDiscount;
  const session = useSession();
  const approver = useSubscribe(async (tx) => (m?.approvedBy ? ((await tx.get(keys.approver(m.approvedBy))) as { name?: string } | undefined)?.name ?? null : null), null, [m?.approvedBy]);
  const by = m?.approvedBy && m.approvedBy === session?.user.id ? session.user.name : approver;
  return (
    <div className={`manual-row ${m ? 'manual-row-on' : ''}`}>
      {m ? (
        <span className="manual-row-text" data-testid="manual-discount-line">
          {t('counter.manual.line', { reason: m.reason })}
          {m.kind === 'percent' ? <span className="muted"> · {zhe(m.discountBp)}</span> : null}
          <span className="money"> −{formatFen(offFen)}</span>
          {by ? <span className="manual-row-by muted">{t('counter.manual.approvedBy', { name: by })}</span> : null}
        </span>
      ) : null}
      <button type="button" className="link-button" onClick={onManual} data-testid="manual-discount">
        {m ? t('counter.manual.change') : t('counter.manual.open')}
      </button>
    </div>
  );
}
