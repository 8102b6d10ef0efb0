import { z } from 'zod';
import { idSchema } from './common';

/** One line as rung up: product and quantity (prices are the engine's, never the client's). */
export const orderLineInputSchema = z.object({
  productId: idSchema,
  quantity: z.number().int().positive().max(9999),
});
export type OrderLineInput = z.infer<typeof orderLineInputSchema>;
