import { z } from 'zod';

/**
 * Replicache's push and pull (version 1) as the worker accepts them. The cookie is ours: `order`
 * is the client group's view version (Replicache orders cookies by it).
 */
export const cookieSchema = z.object({ order: z.number().int().nonnegative() }).nullable();
export type Cookie = z.infer<typeof cookieSchema>;

export const pullRequestSchema = z.object({
  pullVersion: z.literal(1),
  clientGroupID: z.string().min(1).max(64),
  cookie: z.union([cookieSchema, z.number(), z.string()]),
  profileID: z.string().max(64),
  schemaVersion: z.string().max(64),
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

export const mutationSchema = z.object({
  clientID: z.string().min(1).max(64),
  id: z.number().int().positive(),
  name: z.string().min(1).max(64),
  args: z.unknown(),
  timestamp: z.number(),
});
export type Mutation = z.infer<typeof mutationSchema>;

export const pushRequestSchema = z.object({
  pushVersion: z.literal(1),
  clientGroupID: z.string().min(1).max(64),
  mutations: z.array(mutationSchema).max(1000),
  profileID: z.string().max(64),
  schemaVersion: z.string().max(64),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export type PatchOp = { op: 'put'; key: string; value: unknown } | { op: 'del'; key: string } | { op: 'clear' };
export type PullResponse =
  | { cookie: { order: number }; lastMutationIDChanges: Record<string, number>; patch: PatchOp[] }
  | { error: 'ClientStateNotFound' };
export type PushResponse = Record<string, never> | { error: 'ClientStateNotFound' };

/** The schema version the clients send; a client on another one is told to update. */
export { SYNC_SCHEMA_VERSION } from './constants';
