import { z } from 'zod';
import { idSchema, saleTimeSchema, timestampSchema, ulidSchema, MAX_FEN } from '../schemas/common';
import { punchCardSaleRequestSchema, rechargeRequestSchema, refundRequestSchema } from '../schemas/account-api';
import { orderInputSchema } from '../schemas/order';
import { registerMemberSchema, updateMemberSchema } from '../schemas/member-write';
import { adjustInventorySchema } from '../schemas/inventory';

const pos = z.number().int().positive().max(MAX_FEN, 'is beyond any amount a till takes');

/** The arguments of every mutator: the same zod schemas as the REST API where one exists. */
export const mutatorArgs = {
  checkout: orderInputSchema,
  recharge: rechargeRequestSchema.extend({ memberId: idSchema }),
  registerMember: registerMemberSchema,
  updateMember: updateMemberSchema,
  sellPunchCard: punchCardSaleRequestSchema.extend({ memberId: idSchema }),
  /** One visit (or several) taken off a punch card: settled as an order paid by the card. */
  redeemPunch: z.object({ id: ulidSchema, storeId: idSchema, memberId: idSchema, cardId: idSchema, productId: idSchema, uses: pos.max(100), createdAt: saleTimeSchema }),
  /** A refund of a sale (memberId null: a walk-in sale, money only). */
  refundOrder: refundRequestSchema.extend({ memberId: idSchema.nullable() }),
  reportCardLoss: z.object({ opId: ulidSchema, memberId: idSchema, reason: z.string().max(200).default('') }),
  adjustInventory: adjustInventorySchema,
  /** A registered tablet renews its offline allowances (decision 015): after every sale it queued before. */
  renewAllowances: z.object({ id: ulidSchema, storeId: idSchema, at: timestampSchema }),
  /** The tablet gives allowances back (another branch asked for the money); after its queued sales. */
  releaseAllowances: z.object({ id: ulidSchema, storeId: idSchema, leaseIds: z.array(z.string().min(8).max(80)).min(1).max(500) }),
} as const;

export type MutatorName = keyof typeof mutatorArgs;
export type MutatorArgs<K extends MutatorName> = z.infer<(typeof mutatorArgs)[K]>;
/** What a caller passes (defaults may be left out): the mutator parses it into MutatorArgs. */
export type MutatorInput<K extends MutatorName> = z.input<(typeof mutatorArgs)[K]>;
export const mutatorNames = Object.keys(mutatorArgs) as MutatorName[];
export const isMutatorName = (n: string): n is MutatorName => Object.hasOwn(mutatorArgs, n);

/** The order or operation id a mutation names: its idempotency key, and what a rejection points at. */
export function refIdOf(name: MutatorName, args: Record<string, unknown>): string | null {
  const id = name === 'checkout' || name === 'registerMember' || name === 'redeemPunch' || name === 'adjustInventory' || name === 'renewAllowances' || name === 'releaseAllowances' ? args.id : name === 'updateMember' ? (args.opId ?? args.id) : args.opId;
  return typeof id === 'string' ? id : null;
}
