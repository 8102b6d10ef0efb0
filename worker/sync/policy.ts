/** What a store's tablet keeps offline (docs/decisions/009). */

/** Members served at the store within this many days stay in its view (beside its home members). */
export const VISIT_DAYS = 90;
/** The store's orders of the last week (returns, "what did I just sell"). */
export const STORE_ORDER_DAYS = 7;
