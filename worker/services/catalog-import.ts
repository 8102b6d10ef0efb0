import { assertHq, type Actor } from '../../shared/domain/authz';
import { parseCatalogCsv, catalogToCsv } from '../../shared/domain/catalog-csv';
import { countPlan, planCatalogImport, resultOf, type PlannedRow } from '../../shared/domain/catalog-csv-plan';
import { requestFingerprint } from '../../shared/domain/idempotency';
import { DomainError } from '../../shared/errors';
import { importCommitSchema, type ImportCommit, type ImportPreview } from '../../shared/schemas/catalog';
import { brokenConstraint } from '../db/constraint';
import type { Db } from '../db/client';
import { auditStatement } from './audit';
import { listCategories } from './catalog-categories';
import { allProducts, assertCatalogReader, toProduct, type Meta } from './catalog-products';
import { ulid } from 'ulid';

/** Rows per D1 batch: two statements each (the product, its audit row), well inside D1's limits. */
const CHUNK = 50;
const summaryId = (importId: string) => `catalog-import-${importId}`;

async function plan(db: Db, actor: Actor, csv: string): Promise<PlannedRow[]> {
  const parsed = parseCatalogCsv(csv);
  if (parsed.fileError) throw new DomainError('VALIDATION_FAILED', `csv: ${parsed.fileError.message}`, { details: { code: parsed.fileError.code } });
  const [products, categories] = await Promise.all([allProducts(db), listCategories(db, actor)]);
  return planCatalogImport(parsed.rows, { products, categories });
}

/** What the file would do, row by row; nothing is written. */
export async function previewImport(db: Db, actor: Actor, csv: string): Promise<ImportPreview> {
  assertHq(actor);
  const rows = await plan(db, actor, csv);
  return { rows: rows.map(resultOf), counts: countPlan(rows) };
}

/**
 * Writes the file's valid rows (by SKU: an existing SKU is updated, never duplicated), a D1 batch
 * per chunk with each product's audit row beside it. The import's own record, written last, keys
 * the client's importId: a repeat answers the first result; an interrupted one re-run skips what
 * was written (those rows are now unchanged).
 */
export async function commitImport(db: Db, d1: D1Database, actor: Actor, importId: string, csv: string, meta: Meta): Promise<ImportCommit> {
  assertHq(actor);
  const fingerprint = await requestFingerprint('catalog-import', { csv });
  const done = await d1.prepare('SELECT detail FROM audit_log WHERE id = ?').bind(summaryId(importId)).first<{ detail: string }>();
  if (done) {
    const d = JSON.parse(done.detail) as { fingerprint: string; result: ImportCommit };
    if (d.fingerprint !== fingerprint) throw new DomainError('IDEMPOTENCY_MISMATCH', `importId: ${importId} was used for another file`);
    return { ...importCommitSchema.parse(d.result), replayed: true };
  }
  const rows = await plan(db, actor, csv);
  const writes = rows.filter((r) => r.action === 'create' || r.action === 'update');
  for (let i = 0; i < writes.length; i += CHUNK) {
    const stmts = writes.slice(i, i + CHUNK).flatMap((r) => writeRow(d1, actor, importId, r, meta));
    try {
      await d1.batch(stmts);
    } catch (e) {
      const c = brokenConstraint(e);
      if (!c) throw e;
      throw new DomainError('CONFLICT', `${c.endsWith('barcode') ? 'barcode' : 'sku'}: the catalog changed while importing (${c}); preview the file again`);
    }
  }
  const errors = rows.filter((r) => r.action === 'error').map(resultOf);
  const result: ImportCommit = { importId, counts: countPlan(rows), errors, replayed: false };
  const detail = { fingerprint, result: { ...result, errors: errors.slice(0, 200) } };
  await auditStatement(d1, { id: summaryId(importId), actor, action: 'catalog.import', entity: 'catalog', entityId: importId, ip: meta.ip, at: meta.now, detail }).run();
  return result;
}

const COLS = ['id', 'sku', 'name', 'kind', 'category_id', 'unit', 'barcode', 'cost_price_fen', 'list_price_fen', 'points_eligible', 'punch_eligible', 'status', 'updated_at'];
const UPSERT = `INSERT INTO products (${COLS.join(', ')}) VALUES (${COLS.map(() => '?').join(', ')})
  ON CONFLICT (sku) DO UPDATE SET ${COLS.slice(2).map((c) => `${c} = excluded.${c}`).join(', ')}`;

/** An upsert by SKU (a row created by a concurrent import is updated, not duplicated) and its audit row. */
function writeRow(d1: D1Database, actor: Actor, importId: string, r: PlannedRow, meta: Meta): D1PreparedStatement[] {
  const p = r.input!;
  const id = r.productId ?? `p-${ulid(meta.now).toLowerCase()}`;
  const after = toProduct({ id, ...p, updatedAt: meta.now });
  return [
    d1.prepare(UPSERT).bind(id, p.sku, p.name, p.kind, p.categoryId, p.unit, p.barcode, p.costPriceFen, p.listPriceFen, p.pointsEligible ? 1 : 0, p.punchEligible ? 1 : 0, p.status, meta.now),
    auditStatement(d1, { actor, action: r.action === 'create' ? 'product.create' : 'product.update', entity: 'product', entityId: id, ip: meta.ip, at: meta.now, detail: { importId, line: r.line, changes: r.changes, before: r.before, after } }),
  ];
}

/** The catalog as CSV in the import's columns, with a BOM so Excel reads the Chinese as UTF-8. */
export async function exportCsv(db: Db, actor: Actor): Promise<string> {
  assertCatalogReader(actor);
  const [products, categories] = await Promise.all([allProducts(db), listCategories(db, actor)]);
  return `\uFEFF${catalogToCsv(products, categories)}\r\n`;
}
