import { describe, expect, it } from 'vitest';
import { cartCount, cartReducer, emptyCart, MAX_QUANTITY, type Cart, type CartAction } from './cart';

const run = (actions: CartAction[], start: Cart = { ...emptyCart(), id: 'c1' }) => actions.reduce(cartReducer, start);

describe('cartReducer', () => {
  it.each<[string, CartAction[], { productId: string; quantity: number }[]]>([
    ['adds a product', [{ type: 'add', productId: 'a' }], [{ productId: 'a', quantity: 1 }]],
    ['adds to the line already there', [{ type: 'add', productId: 'a' }, { type: 'add', productId: 'a', quantity: 2 }], [{ productId: 'a', quantity: 3 }]],
    ['keeps the order lines were added in', [{ type: 'add', productId: 'b' }, { type: 'add', productId: 'a' }, { type: 'add', productId: 'b' }], [{ productId: 'b', quantity: 2 }, { productId: 'a', quantity: 1 }]],
    ['sets a quantity', [{ type: 'add', productId: 'a' }, { type: 'set_quantity', productId: 'a', quantity: 5 }], [{ productId: 'a', quantity: 5 }]],
    ['quantity 0 removes the line', [{ type: 'add', productId: 'a' }, { type: 'set_quantity', productId: 'a', quantity: 0 }], []],
    ['a negative quantity removes it too', [{ type: 'add', productId: 'a' }, { type: 'set_quantity', productId: 'a', quantity: -3 }], []],
    ['caps the quantity', [{ type: 'add', productId: 'a', quantity: 20_000 }], [{ productId: 'a', quantity: MAX_QUANTITY }]],
    ['removes a line', [{ type: 'add', productId: 'a' }, { type: 'add', productId: 'b' }, { type: 'remove', productId: 'a' }], [{ productId: 'b', quantity: 1 }]],
  ])('%s', (_, actions, lines) => expect(run(actions).lines).toEqual(lines));

  it('keeps the cart id (the order id) while the sale is rung up, and makes a new one when cleared', () => {
    const c = run([{ type: 'add', productId: 'a' }, { type: 'set_member', memberId: 'm1' }]);
    expect(c.id).toBe('c1');
    const next = cartReducer(c, { type: 'clear' });
    expect(next.id).not.toBe('c1');
    expect(next).toMatchObject({ lines: [], memberId: null, coupons: [], manualDiscount: null });
  });

  it('drops the coupons when the member changes, not when the same member is set again', () => {
    const coupon = { couponId: 'k1', templateId: 't1' };
    const c = run([{ type: 'set_member', memberId: 'm1' }, { type: 'toggle_coupon', coupon }]);
    expect(cartReducer(c, { type: 'set_member', memberId: 'm1' }).coupons).toEqual([coupon]);
    expect(cartReducer(c, { type: 'set_member', memberId: 'm2' }).coupons).toEqual([]);
    expect(cartReducer(c, { type: 'toggle_coupon', coupon }).coupons).toEqual([]);
  });

  it('sets and removes the manual discount, and a new sale starts without it', () => {
    const discount = { kind: 'amount' as const, amountFen: 500, reason: '顾客投诉', approvedBy: 'mgr', proof: null };
    const c = run([{ type: 'add', productId: 'a' }, { type: 'set_manual', discount }]);
    expect(c.manualDiscount).toEqual(discount);
    expect(c.id).toBe('c1'); // the approval names this id: it must not change with the discount
    expect(cartReducer(c, { type: 'set_manual', discount: null }).manualDiscount).toBeNull();
    expect(cartReducer(c, { type: 'clear' }).manualDiscount).toBeNull();
  });

  it('counts items', () => expect(cartCount(run([{ type: 'add', productId: 'a', quantity: 2 }, { type: 'add', productId: 'b' }]))).toBe(3));
});
