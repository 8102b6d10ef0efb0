/**
 * The counter's pricing engine (shared/domain/checkout/price-checkout.ts feeds it for a sale). Pure: same input, same
 * output, on the tablet offline and on the server.
 *
 * Stacking order — each stage works on what the line pays after the stages before it:
 *   1. store price (storePriceFen ?? listPriceFen) × quantity = the line's gross; subtotal = Σ gross
 *   2. member: tier rate for the line's category (else the tier default), then the birthday rate
 *      (on top when the benefit stacks with tier, else the better of the two)
 *   3. percent campaign: at most one per line, the highest priority; one that does not stack with
 *      member discounts gives the better of member price and campaign price
 *   4. 满减 campaigns, highest priority first, on the sum of their lines; a line joins one 满减 at
 *      most; repeating ones count every full X (up to maxTimes)
 *   5. coupons, in the order handed over; lines under a campaign that does not stack with coupons
 *      are left out of the coupon (and of its minimum spend)
 *   6. manual discount (needs an approver id), on what is left of the whole order
 *   Points multiplier: the tier's × the highest points campaign on now (not × each other).
 *
 * Rounding: rates on a line (stages 2, 3, percent coupons) round the amount paid half up to the
 * fen per line; amounts for a group of lines (stages 4, 5 cash/threshold, a percent coupon's cap, 6)
 * are split back by largest remainder in proportion to what each line pays at that point. So line
 * totals always sum to the order total, no line goes below 0, and nothing can take the total
 * below 0 (every amount is capped at what its lines still pay).
 */
export { priceOrder } from './price-order';
export { pointsFor, campaignMultiplier } from './points';
export { allocate, paidAtBp } from './rounding';
export { campaignOn, isBirthday, localClock } from './applicability';
