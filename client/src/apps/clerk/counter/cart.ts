import { ulid } from 'ulid';
import type { AppliedCoupon, ManualDiscount } from '../../../../../shared/schemas/promotions';

/**
 * The sale being rung up. Its id is made when the cart starts and becomes the order id: a second
 * tap on "pay" (or a retry after a crash) sends the same id, and the server settles it once.
 */
export type Cart = {
  id: string;
  memberId: string | null;
  lines: { productId: string; quantity: number }[];
  coupons: AppliedCoupon[];
  manualDiscount: ManualDiscount | null;
};

export type CartAction =
  | { type: 'add'; productId: string; quantity?: number }
  | { type: 'set_quantity'; productId: string; quantity: number }
  | { type: 'remove'; productId: string }
  | { type: 'set_member'; memberId: string | null }
  | { type: 'toggle_coupon'; coupon: AppliedCoupon }
  | { type: 'set_manual'; discount: ManualDiscount | null }
  | { type: 'clear' };

export const MAX_QUANTITY = 9999;
export const MAX_LINES = 200;

export const emptyCart = (memberId: string | null = null): Cart => ({ id: ulid(), memberId, lines: [], coupons: [], manualDiscount: null });

const clampQty = (q: number) => Math.max(0, Math.min(MAX_QUANTITY, Math.floor(q)));

export function cartReducer(cart: Cart, a: CartAction): Cart {
  switch (a.type) {
    case 'add': {
      const add = a.quantity ?? 1;
      const at = cart.lines.findIndex((l) => l.productId === a.productId);
      if (at >= 0) return { ...cart, lines: cart.lines.map((l, i) => (i === at ? { ...l, quantity: clampQty(l.quantity + add) } : l)) };
      if (cart.lines.length >= MAX_LINES) return cart;
      return { ...cart, lines: [...cart.lines, { productId: a.productId, quantity: clampQty(add) }] };
    }
    case 'set_quantity': {
      const q = clampQty(a.quantity);
      return { ...cart, lines: q === 0 ? cart.lines.filter((l) => l.productId !== a.productId) : cart.lines.map((l) => (l.productId === a.productId ? { ...l, quantity: q } : l)) };
    }
    case 'remove':
      return { ...cart, lines: cart.lines.filter((l) => l.productId !== a.productId) };
    case 'set_member':
      // Coupons belong to a member: another member (or none) drops them.
      return a.memberId === cart.memberId ? cart : { ...cart, memberId: a.memberId, coupons: [] };
    case 'toggle_coupon': {
      const has = cart.coupons.some((c) => c.couponId === a.coupon.couponId);
      return { ...cart, coupons: has ? cart.coupons.filter((c) => c.couponId !== a.coupon.couponId) : [...cart.coupons, a.coupon] };
    }
    case 'set_manual':
      return { ...cart, manualDiscount: a.discount };
    case 'clear':
      return emptyCart();
  }
}

export const cartCount = (cart: Cart) => cart.lines.reduce((n, l) => n + l.quantity, 0);
