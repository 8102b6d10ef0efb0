import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { AccountView } from '../../../../../shared/schemas/account-api';
import { useTranslation } from 'react-i18next';
import { pointsEarnedOn, priceCheckout } from '../../../../../shared/domain/checkout/price-checkout';
import type { Member } from '../../../../../shared/schemas/member';
import type { PricedOrder } from '../../../../../shared/schemas/promotions';
import { useCloudSync, useSubscribe } from '../../../lib/sync/use-cloud-sync';
import { Button } from '../../../lib/ui/button';
import { cartCount, cartReducer, emptyCart } from './cart';
import { CartPanel } from './cart-panel';
import { counterContext, EMPTY_CATALOG, EMPTY_PRICING, readCatalog, readMember, readPricingRows } from './counter-data';
import { manualBaseFen } from './manual-discount';
import { ManualDiscountSheet } from './manual-discount-sheet';
import { MemberPanel } from './member-panel';
import { PaySheet } from './pay-sheet';
import { ProductPicker } from './product-picker';
import { SaleDone, type DoneSale, type ReceiptHeader } from './sale-done';
import { changeDueFen, hasCharged, leaseOffline, toTenders, type StoredValueContext, type TenderDraft } from './tenders';
import { useOwnAllowance } from '../allowance/use-allowances';
import { useOnline } from '../../../lib/use-online';
import { useShortcuts } from './use-shortcuts';
import { useCounterScan } from './use-counter-scan';

export type CounterProps = {
  storeId: string;
  header: ReceiptHeader;
  /** Shown (the counter stays mounted behind other screens so a sale in progress survives a visit to the desk). */
  active: boolean;
  /** A member sent here from their desk ("ring up"): picked when it changes. */
  handoff: { memberId: string; at: number } | null;
  onOpenDesk(memberId: string): void;
  onRegister(): void;
};

/** Ring up → pay → done, all against the tablet's own data: nothing here waits on the network. */
export function CounterScreen({ storeId, header, active, handoff, onOpenDesk, onRegister }: CounterProps) {
  const { t } = useTranslation();
  const rep = useCloudSync()?.rep ?? null;
  const [cart, dispatch] = useReducer(cartReducer, undefined, () => emptyCart());
  const [picked, setPicked] = useState<Member | null>(null);
  const [drafts, setDrafts] = useState<TenderDraft[] | null>(null);
  const [done, setDone] = useState<DoneSale | null>(null);
  const [manualOpen, setManualOpen] = useState(false);
  const [account, setAccount] = useState<AccountView | null>(null);
  const charged = useRef<TenderDraft[]>([]);
  const scan = useCounterScan(active && !drafts && !done && !manualOpen);
  const productSearch = useRef<HTMLInputElement>(null);
  const memberSearch = useRef<HTMLInputElement>(null);
  const catalog = useSubscribe(readCatalog, EMPTY_CATALOG, []);
  const rows = useSubscribe(readPricingRows, EMPTY_PRICING, []);
  const synced = useSubscribe((tx) => readMember(tx, cart.memberId), null, [cart.memberId]);
  // A member found online (not on this tablet yet) is shown from the search answer until it syncs.
  const member = synced ?? (picked && picked.id === cart.memberId ? picked : null);
  const online = useOnline();
  const allowance = useOwnAllowance(member?.id ?? null);
  const storedValue: StoredValueContext = { offline: !online, allowance, now: Date.now() };
  const [clock, setClock] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setClock(Date.now()), 30_000);
    return () => clearInterval(id);
  }, []);

  const priced = useMemo(() => {
    if (cart.lines.length === 0) return null;
    const ctx = counterContext(catalog, rows, storeId, member, cart.lines.map((l) => l.productId), null);
    return ctx ? priceCheckout({ storeId, createdAt: clock, lines: cart.lines, coupons: cart.coupons, manualDiscount: cart.manualDiscount }, ctx) : null;
  }, [cart, catalog, rows, member, storeId, clock]);
  const ready: PricedOrder | null = priced?.ok && priced.refusals.length === 0 ? priced : null;

  useEffect(() => {
    const s = scan.scanned;
    if (!s) return;
    if (s.productId) dispatch({ type: 'add', productId: s.productId });
    if (s.member) pick(s.member);
  }, [scan.scanned?.at]);

  useEffect(() => {
    if (!handoff) return;
    if (done) next();
    setPicked(null);
    dispatch({ type: 'set_member', memberId: handoff.memberId });
  }, [handoff?.at]);

  function pick(m: Member | null) {
    setPicked(m);
    dispatch({ type: 'set_member', memberId: m?.id ?? null });
  }

  async function confirm() {
    if (!rep || !ready || !drafts) return;
    const leased = leaseOffline(drafts, storedValue);
    if ('blocked' in leased) return;
    const tenders = toTenders(leased.drafts);
    charged.current = drafts.filter((d) => hasCharged([d]));
    const createdAt = Date.now();
    const rules = rows.rules!;
    const cash = drafts.find((d) => d.kind === 'cash');
    const sale: DoneSale = { orderId: cart.id, createdAt, tenders, cashReceivedFen: cash?.kind === 'cash' ? cash.receivedFen : null, priced: ready, changeFen: changeDueFen(drafts), memberBefore: member, pointsEarned: member ? pointsEarnedOn(ready, tenders, rules) : 0 };
    // The done screen is painted at once; the mutation is queued in the same tick (and is idempotent on cart.id).
    setDone(sale);
    setDrafts(null);
    await rep.mutate.checkout({ id: cart.id, storeId, memberId: cart.memberId, createdAt, lines: cart.lines, tenders, coupons: ready.coupons.map(({ couponId, templateId }) => ({ couponId, templateId })), manualDiscount: cart.manualDiscount, note: '' });
  }

  /** A refused sale rung up again as a new order (same lines and member), straight to payment. */
  function retry() {
    const lines = cart.lines;
    setDone(null);
    dispatch({ type: 'clear' });
    for (const l of lines) dispatch({ type: 'add', productId: l.productId, quantity: l.quantity });
    dispatch({ type: 'set_member', memberId: done?.memberBefore?.id ?? null });
    // Money a provider took for the refused sale stays with the customer's purchase.
    setDrafts(charged.current);
  }

  function next() {
    setDone(null);
    setPicked(null);
    dispatch({ type: 'clear' });
    productSearch.current?.focus();
  }

  useShortcuts(!active ? {} : {
    F2: () => productSearch.current?.focus(),
    F3: () => memberSearch.current?.focus(),
    F4: onRegister,
    F9: () => (manualOpen ? undefined : drafts ? void confirm() : ready && !done ? setDrafts([]) : undefined),
    Escape: () => (manualOpen ? setManualOpen(false) : drafts && !hasCharged(drafts) ? setDrafts(null) : undefined),
  });

  if (done) return <SaleDone sale={done} member={member} tiers={rows.tiers} header={header} onNext={next} onRetry={retry} />;
  return (
    <div className="counter" data-testid="counter">
      <ProductPicker catalog={catalog} onAdd={(productId) => dispatch({ type: 'add', productId })} searchRef={productSearch} />
      <aside className="counter-side">
        <MemberPanel member={member} coupons={cart.coupons} onPick={pick} onToggleCoupon={(coupon) => dispatch({ type: 'toggle_coupon', coupon })} onOpenDesk={onOpenDesk} onRegister={onRegister} onScan={scan.openCamera} onAccount={setAccount} inputRef={memberSearch} />
        {scan.message ? (
          <p className={`notice-inline ${scan.message.ok ? '' : 'notice-danger'}`} data-testid="scan-message" role="status" onClick={scan.clearMessage}>
            {scan.message.text}
          </p>
        ) : null}
        <CartPanel cart={cart} priced={priced} catalog={catalog} onQuantity={(productId, quantity) => dispatch({ type: 'set_quantity', productId, quantity })} onManual={() => setManualOpen(true)} />
        <div className="counter-pay">
          <span className="muted">{t('counter.items', { count: cartCount(cart) })}</span>
          <Button size="lg" block disabled={!ready} onClick={() => setDrafts([])} data-testid="pay">
            {t('counter.payNow')} <kbd className="kbd">F9</kbd>
          </Button>
        </div>
      </aside>
      {drafts && ready && rows.rules ? (
        <PaySheet ctx={{ totalFen: ready.totalFen, member, rules: rows.rules, storedValue }} sale={{ orderId: cart.id, storeId }} punch={{ cards: account?.memberId === member?.id ? (account?.punchCards ?? []) : [], lines: ready.lines, storeId, at: clock }} drafts={drafts} onDrafts={setDrafts} onConfirm={() => void confirm()} onCancel={() => !hasCharged(drafts) && setDrafts(null)} />
      ) : null}
      {manualOpen && priced?.ok ? (
        <ManualDiscountSheet cartId={cart.id} baseFen={manualBaseFen(priced)} current={cart.manualDiscount} onApply={(discount) => dispatch({ type: 'set_manual', discount })} onClose={() => setManualOpen(false)} />
      ) : null}
      {scan.cameraView}
    </div>
  );
}
