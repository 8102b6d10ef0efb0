import { and, asc, eq, ne, or, sql, type SQL } from 'drizzle-orm';
import { ulid } from 'ulid';
import { assertHq, type Actor } from '../../shared/domain/authz';
import { DomainError } from '../../shared/errors';
import { productListQuerySchema, type Product, type ProductInput, type ProductList, type ProductListQuery } from '../../shared/schemas/catalog';
import type { Db } from '../db/client';
import { categories, products } from '../db/schema';
import { auditInsert } from './audit';
import { escapeLike, likeEsc } from './members';

export type Meta = { ip: string; now: number };
type Row = typeof products.$inferSelect;

export const toProduct = (r: Row): Product => ({
  id: r.id, sku: r.sku, name: r.name, kind: r.kind, categoryId: r.categoryId, unit: r.unit, barcode: r.barcode, costPriceFen: r.costPriceFen,
  listPriceFen: r.listPriceFen, pointsEligible: r.pointsEligible, punchEligible: r.punchEligible, status: r.status, updatedAt: r.updatedAt,
});

/** The catalog with its costs is for HQ and store managers; a clerk's tablet has what the counter needs (sync). */
export function assertCatalogReader(actor: Actor): asserts actor is Extract<Actor, { kind: 'staff' }> {
  if (actor.kind !== 'staff' || actor.role === 'clerk') throw new DomainError('FORBIDDEN', 'Only HQ and store managers can see the catalog’s administration');
}

export async function listProducts(db: Db, actor: Actor, query: ProductListQuery): Promise<ProductList> {
  assertCatalogReader(actor);
  const q = productListQuerySchema.parse(query);
  const text = q.q ? `%${escapeLike(q.q)}%` : null;
  const where = and(
    text ? or(likeEsc(products.sku, text), likeEsc(products.name, text), likeEsc(products.barcode, text)) : undefined,
    q.categoryId ? eq(products.categoryId, q.categoryId) : undefined,
    q.status !== 'all' ? eq(products.status, q.status) : undefined,
  );
  const [rows, [count]] = await db.batch([
    db.select().from(products).where(where).orderBy(asc(products.sku)).limit(q.limit).offset((q.page - 1) * q.limit),
    db.select({ n: sql<number>`count(*)` }).from(products).where(where),
  ]);
  return { products: rows.map(toProduct), total: count?.n ?? 0, page: q.page, limit: q.limit };
}

/** Every product, SKU order (import planning, export): a chain's catalog is thousands, not millions. */
export async function allProducts(db: Db): Promise<Product[]> {
  return (await db.select().from(products).orderBy(asc(products.sku))).map(toProduct);
}

/** SKU and barcode are unique across the chain; the category must exist. Nothing is written on a refusal. */
async function checkInput(db: Db, input: ProductInput, selfId: string | null) {
  const notSelf = (c: SQL) => (selfId ? and(c, ne(products.id, selfId)) : c);
  const [cat, sku, barcode] = await db.batch([
    db.select({ id: categories.id }).from(categories).where(eq(categories.id, input.categoryId)),
    db.select({ sku: products.sku, name: products.name }).from(products).where(notSelf(eq(products.sku, input.sku))),
    db.select({ sku: products.sku, name: products.name }).from(products).where(notSelf(eq(products.barcode, input.barcode ?? '\u0000'))),
  ]);
  if (!cat.length) throw new DomainError('VALIDATION_FAILED', `categoryId: no category ${input.categoryId}`);
  if (sku[0]) throw new DomainError('CONFLICT', `sku: ${input.sku} is already used by ${sku[0].name}`);
  if (barcode[0]) throw new DomainError('CONFLICT', `barcode: ${input.barcode} is already used by ${barcode[0].sku} ${barcode[0].name}`);
}

export async function createProduct(db: Db, actor: Actor, input: ProductInput, meta: Meta): Promise<Product> {
  assertHq(actor);
  await checkInput(db, input, null);
  const row: Row = { id: `p-${ulid(meta.now).toLowerCase()}`, ...input, updatedAt: meta.now };
  await db.batch([
    db.insert(products).values(row),
    auditInsert(db, { actor, action: 'product.create', entity: 'product', entityId: row.id, ip: meta.ip, at: meta.now, detail: { before: null, after: toProduct(row) } }),
  ]);
  return toProduct(row);
}

export async function updateProduct(db: Db, actor: Actor, id: string, input: ProductInput, meta: Meta): Promise<Product> {
  assertHq(actor);
  const before = await db.select().from(products).where(eq(products.id, id)).get();
  if (!before) throw new DomainError('NOT_FOUND', `No product ${id}`);
  await checkInput(db, input, id);
  const after: Row = { ...before, ...input, updatedAt: meta.now };
  await db.batch([
    db.update(products).set({ ...input, updatedAt: meta.now }).where(eq(products.id, id)),
    auditInsert(db, { actor, action: 'product.update', entity: 'product', entityId: id, ip: meta.ip, at: meta.now, detail: { before: toProduct(before), after: toProduct(after) } }),
  ]);
  return toProduct(after);
}
