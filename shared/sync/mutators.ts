import type { WriteTransaction } from 'replicache';
import type { Actor } from '../domain/authz';
import { DomainError } from '../errors';
import { mutatorArgs, mutatorNames, type MutatorArgs, type MutatorInput, type MutatorName } from './mutator-args';
import { mutatorPermissions } from './mutator-permissions';
import { optimistic } from './optimistic';

/** `deviceId`: the registered tablet running the mutators (offline allowances, decision 015). */
export type MutatorContext = { actor: Actor; deviceId?: string | null };

/** Validates a mutation's arguments with its zod schema; a bad one is a VALIDATION_FAILED value. */
export function parseMutatorArgs<K extends MutatorName>(name: K, raw: unknown): MutatorArgs<K> {
  const r = mutatorArgs[name].safeParse(raw);
  if (r.success) return r.data as MutatorArgs<K>;
  const issue = r.error.issues[0];
  throw new DomainError('VALIDATION_FAILED', `${name}: ${issue ? `${issue.path.join('.') || 'args'}: ${issue.message}` : 'invalid arguments'}`, { details: r.error.issues });
}

/** Arguments, then permission: the steps the tablet and the server share for every mutator. */
export function checkMutation<K extends MutatorName>(ctx: MutatorContext, name: K, raw: unknown): MutatorArgs<K> {
  const args = parseMutatorArgs(name, raw);
  (mutatorPermissions[name] as (a: Actor, x: MutatorArgs<K>) => void)(ctx.actor, args);
  return args;
}

export type Mutators = { [K in MutatorName]: (tx: WriteTransaction, args: MutatorInput<K>) => Promise<void> };

/**
 * The Replicache mutators, defined once. On the client each one validates, checks permission and
 * writes its optimistic effect; the server runs the same validation and permission check
 * (`checkMutation`) and then its authoritative effect (worker/sync/server-mutators.ts).
 */
export function createMutators(ctx: MutatorContext): Mutators {
  const out = {} as Record<MutatorName, (tx: WriteTransaction, raw: unknown) => Promise<void>>;
  for (const name of mutatorNames) {
    out[name] = async (tx, raw) => {
      const args = checkMutation(ctx, name, raw);
      await (optimistic[name] as (tx: WriteTransaction, a: typeof args, c: MutatorContext) => Promise<void>)(tx, args, ctx);
    };
  }
  return out as Mutators;
}
