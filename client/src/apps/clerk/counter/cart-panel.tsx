import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../../shared/domain/money';
import type { PriceOrderResult } from '../../../../../shared/schemas/promotions';
import type { Cart } from './cart';
import type { Catalog } from './counter-data';

/** The lines with their discounts explained, quantity steppers, and the totals. */
export function CartPanel({ cart, priced, catalog, onQuantity }: { cart: Cart; priced: PriceOrderResult | null; catalog: Catalog; onQuantity(productId: string, q: number): void }) {
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
                  <span>{e.label}</span>
                  <span className="money">−{formatFen(e.amountFen)}</span>
                </div>
              ))}
            </li>
          );
        })}
      </ul>
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
