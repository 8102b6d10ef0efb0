import { eq } from 'drizzle-orm';
import { ulid } from 'ulid';
import { assertHq, type Actor } from '../../shared/domain/authz';
import { DomainError } from '../../shared/errors';
import type { Store, StoreCreate, StoreUpdate } from '../../shared/schemas/store';
import type { Db } from '../db/client';
import { brokenConstraint } from '../db/constraint';
import { stores } from '../db/schema';
import { auditInsert } from './audit';
import { forgetStore, toStore } from './stores';
import { changedFields } from './audit-diff';

type Ctx = { ip: string; now: number };

const codeTaken = (code: string) => new DomainError('CONFLICT', `code: ${code} is already used by another store`);

async function assertCodeFree(db: Db, code: string, exceptId?: string): Promise<void> {
  const other = await db.select({ id: stores.id }).from(stores).where(eq(stores.code, code)).get();
  if (other && other.id !== exceptId) throw codeTaken(code);
}

/** A race between two creates is settled by the UNIQUE index; either way the caller is told which field. */
async function writeOrConflict<T>(code: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (brokenConstraint(e) === 'stores.code') throw codeTaken(code);
    throw e;
  }
}

/** HQ opens a store: the code is unique across the chain (case as typed, compared exactly). */
export async function createStore(db: Db, actor: Actor, input: StoreCreate, ctx: Ctx): Promise<Store> {
  assertHq(actor);
  await assertCodeFree(db, input.code);
  const row = { id: `store-${ulid(ctx.now).toLowerCase()}`, ...input, createdAt: ctx.now, updatedAt: ctx.now };
  await writeOrConflict(input.code, () =>
    db.batch([
      db.insert(stores).values(row),
      auditInsert(db, { actor, action: 'store.created', entity: 'store', entityId: row.id, storeId: row.id, detail: { after: toStore(row) }, ip: ctx.ip, at: ctx.now }),
    ]),
  );
  return toStore(row);
}

/** HQ edits a store; the audit row holds the fields that changed, before and after. */
export async function updateStore(db: Db, actor: Actor, id: string, patch: StoreUpdate, ctx: Ctx): Promise<Store> {
  assertHq(actor);
  const row = await db.select().from(stores).where(eq(stores.id, id)).get();
  if (!row) throw new DomainError('STORE_NOT_FOUND', `No store with id ${id}`);
  if (patch.code !== undefined && patch.code !== row.code) await assertCodeFree(db, patch.code, id);
  const next = { ...row, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)), updatedAt: ctx.now };
  const diff = changedFields(toStore(row), toStore(next));
  if (!diff) return toStore(row);
  await writeOrConflict(next.code, () =>
    db.batch([
      db.update(stores).set({ ...patch, updatedAt: ctx.now }).where(eq(stores.id, id)),
      auditInsert(db, { actor, action: 'store.updated', entity: 'store', entityId: id, storeId: id, detail: diff, ip: ctx.ip, at: ctx.now }),
    ]),
  );
  forgetStore(id);
  return toStore(next);
}
