/**
 * The client's key space. One prefix per kind of synced row; the server's view builder and the
 * clients' mutators and subscriptions use these helpers only, so a key is spelled one way.
 */
export const keys = {
  store: (id: string) => `store/${id}`,
  category: (id: string) => `category/${id}`,
  product: (id: string) => `product/${id}`,
  inventory: (productId: string) => `inventory/${productId}`,
  tier: (code: string) => `tier/${code}`,
  rules: () => 'rules',
  member: (id: string) => `member/${id}`,
  account: (memberId: string) => `account/${memberId}`,
  /** A member's own recharge or refund (the phone's history): from D1's account_ops, member view only. */
  accountOp: (opId: string) => `account-op/${opId}`,
  order: (id: string) => `order/${id}`,
  campaign: (id: string) => `campaign/${id}`,
  couponTemplate: (id: string) => `coupon-template/${id}`,
  /** A manager (or HQ) who can approve at this store's counter: their PIN verifier (decision 013). */
  approver: (staffId: string) => `approver/${staffId}`,
  /** What a registered tablet holds of a member's stored value for offline use (decision 015). */
  allowance: (deviceId: string, memberId: string) => `allowance/${deviceId}/${memberId}`,
  rejection: (clientID: string, mutationID: number) => `rejection/${clientID}/${String(mutationID).padStart(10, '0')}`,
  /** Sync bookkeeping the server writes: `more` while an initial view is still being paged in. */
  meta: () => 'sync/meta',
} as const;

export const prefixes = {
  store: 'store/',
  category: 'category/',
  product: 'product/',
  inventory: 'inventory/',
  tier: 'tier/',
  member: 'member/',
  account: 'account/',
  accountOp: 'account-op/',
  order: 'order/',
  campaign: 'campaign/',
  couponTemplate: 'coupon-template/',
  approver: 'approver/',
  allowance: 'allowance/',
  rejection: 'rejection/',
} as const;
