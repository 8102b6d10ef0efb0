import { eq } from 'drizzle-orm';
import type { Actor } from '../../shared/domain/authz';
import type { Me } from '../../shared/schemas/me';
import type { Db } from '../db/client';
import { staff } from '../db/schema';
import { getMember } from './members';
import { getStore } from './stores';
import { listTiers } from './tiers';

export async function describeMe(db: Db, actor: Actor): Promise<Me> {
  if (actor.kind === 'staff') {
    const [store, row] = await Promise.all([
      actor.storeId ? getStore(db, actor, actor.storeId) : null,
      db.select({ must: staff.mustChangePassword }).from(staff).where(eq(staff.id, actor.id)).get(),
    ]);
    return { user: actor, store, member: null, tier: null, nextTier: null, mustChangePassword: row?.must ?? false };
  }
  const [member, tiers] = await Promise.all([getMember(db, actor, actor.id), listTiers(db)]);
  const tier = tiers.find((t) => t.code === member.tierCode) ?? null;
  const nextTier = tier ? (tiers.find((t) => t.rank === tier.rank + 1) ?? null) : null;
  return { user: actor, store: null, member, tier, nextTier, mustChangePassword: false };
}
