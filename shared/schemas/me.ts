import { z } from 'zod';
import { sessionUserSchema } from './auth';
import { memberSchema, tierSchema } from './member';
import { storeSchema } from './store';

/** Everything a freshly opened app needs to draw its first screen. */
export const meSchema = z
  .object({
    user: sessionUserSchema,
    store: storeSchema.nullable(),
    member: memberSchema.nullable(),
    tier: tierSchema.nullable(),
    nextTier: tierSchema.nullable(),
    /** Staff whose password was reset: everything but choosing a new one is refused until they do. */
    mustChangePassword: z.boolean(),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof meSchema>;
