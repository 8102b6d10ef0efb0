import { and, asc, eq, ne } from 'drizzle-orm';
import { ulid } from 'ulid';
import { assertHq, type Actor } from '../../shared/domain/authz';
import { DomainError } from '../../shared/errors';
import { categoryInputSchema, type Category, type CategoryInput } from '../../shared/schemas/catalog';
import type { Db } from '../db/client';
import { categories } from '../db/schema';
import { auditInsert } from './audit';
import { assertCatalogReader, type Meta } from './catalog-products';

const toCategory = ({ updatedAt: _u, ...c }: typeof categories.$inferSelect): Category => c;

export async function listCategories(db: Db, actor: Actor): Promise<Category[]> {
  assertCatalogReader(actor);
  return (await db.select().from(categories).orderBy(asc(categories.sort), asc(categories.id))).map(toCategory);
}

/** A name is how a CSV row names its category: two categories of one name would make that a guess. */
async function assertNameFree(db: Db, name: string, selfId: string | null) {
  const taken = await db.select({ id: categories.id }).from(categories).where(and(eq(categories.name, name), selfId ? ne(categories.id, selfId) : undefined)).get();
  if (taken) throw new DomainError('CONFLICT', `name: a category ${name} exists already`);
}

export async function createCategory(db: Db, actor: Actor, body: CategoryInput, meta: Meta): Promise<Category> {
  assertHq(actor);
  const input = categoryInputSchema.parse(body);
  await assertNameFree(db, input.name, null);
  const row = { id: `cat-${ulid(meta.now).toLowerCase()}`, ...input, updatedAt: meta.now };
  await db.batch([
    db.insert(categories).values(row),
    auditInsert(db, { actor, action: 'category.create', entity: 'category', entityId: row.id, ip: meta.ip, at: meta.now, detail: { before: null, after: toCategory(row) } }),
  ]);
  return toCategory(row);
}

export async function updateCategory(db: Db, actor: Actor, id: string, body: CategoryInput, meta: Meta): Promise<Category> {
  assertHq(actor);
  const input = categoryInputSchema.parse(body);
  const before = await db.select().from(categories).where(eq(categories.id, id)).get();
  if (!before) throw new DomainError('NOT_FOUND', `No category ${id}`);
  await assertNameFree(db, input.name, id);
  const after = { ...before, ...input, updatedAt: meta.now };
  await db.batch([
    db.update(categories).set({ ...input, updatedAt: meta.now }).where(eq(categories.id, id)),
    auditInsert(db, { actor, action: 'category.update', entity: 'category', entityId: id, ip: meta.ip, at: meta.now, detail: { before: toCategory(before), after: toCategory(after) } }),
  ]);
  return toCategory(after);
}
