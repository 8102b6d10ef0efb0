/**
 * Chinese text for explanations and refusals. The engine always also returns `kind`/`code` and
 * `params`, so a UI in another language translates from those and ignores these strings.
 */
import type { Refusal } from '../../schemas/promotions';

/** 9500 → "9.5折", 8850 → "8.85折", 9000 → "9折"; integer maths, no float formatting. */
export function zhe(bp: number): string {
  const frac = String(bp % 1000).padStart(3, '0').replace(/0+$/, '');
  return `${Math.floor(bp / 1000)}${frac ? `.${frac}` : ''}折`;
}

/** 30000 → "300", 1050 → "10.5": yuan as shoppers read them on a poster. */
export function yuan(fen: number): string {
  const cents = String(fen % 100).padStart(2, '0').replace(/0+$/, '');
  return `${Math.floor(fen / 100)}${cents ? `.${cents}` : ''}`;
}

type Params = Refusal['params'];
const MESSAGES: Record<Refusal['code'], (name: string, p: Params) => string> = {
  coupon_duplicate: (n) => `${n} 已在本单使用`,
  coupon_unknown_template: (n) => `券 ${n} 无法识别`,
  coupon_not_owned: (n) => `${n} 不属于该会员`,
  coupon_used: (n) => `${n} 已被使用`,
  coupon_inactive: (n) => `${n} 已停用`,
  coupon_not_started: (n) => `${n} 尚未生效`,
  coupon_expired: (n) => `${n} 已过期`,
  coupon_store_mismatch: (n) => `${n} 不适用于本门店`,
  coupon_category_mismatch: (n) => `${n} 不适用于本单商品`,
  coupon_not_stackable: (n) => `${n} 不能与本单活动同享`,
  coupon_below_min_spend: (n, p) => `${n} 需满 ${yuan(Number(p.minSpendFen))} 元，当前 ${yuan(Number(p.baseFen))} 元`,
  coupon_no_effect: (n) => `${n} 对本单无优惠`,
  manual_needs_approval: () => '手动优惠需店长授权',
  manual_no_effect: () => '手动优惠对本单无优惠',
};

export function refusal(code: Refusal['code'], refId: string | null, name: string, params: Params = {}): Refusal {
  return { code, refId, message: MESSAGES[code](name, params), params };
}
