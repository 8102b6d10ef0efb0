import type { Actor } from '../../shared/domain/authz';
import type { Me } from '../../shared/schemas/me';
import type { Db } from '../db/client';
import { getMember } from './members';
import { getStore } from './stores';
import { listTiers } from './tiers';

export async function describeMe(db: Db, actor: Actor): Promise<Me> {
  if (actor.kind === 'staff') {
    const store = actor.storeId ? await getStore(db, actor, actor.storeId) : null;
    return { user: actor, store, member: null, tier: null, nextTier: null };
  }
  const [member, tiers] = await Promise.all([getMember(db, actor, actor.id), listTiers(db)]);
  const tier = tiers.find((t) => t.code === member.tierCode) ?? null;
  const nextTier = tier ? (tiers.find((t) => t.rank === tier.rank + 1) ?? null) : null;
  return { user: actor, store: null, member, tier, nextTier };
}
