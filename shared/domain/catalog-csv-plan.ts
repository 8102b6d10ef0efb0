import { productInputSchema, type Category, type ImportCounts, type ImportIssue, type ImportRowResult, type Product, type ProductInput } from '../schemas/catalog';
import { csvIssue, type ParsedRow } from './catalog-csv';

/** A row's outcome, with what to write for a create or an update (by SKU: the SKU is the key). */
export type PlannedRow = ImportRowResult & { input: ProductInput | null; productId: string | null; before: Product | null };

const FIELDS = ['name', 'kind', 'categoryId', 'unit', 'barcode', 'costPriceFen', 'listPriceFen', 'pointsEligible', 'punchEligible', 'status'] as const;

/** By id, else by its Chinese or English name (a name two categories share is ambiguous). */
function findCategory(categories: readonly Category[], ref: string): { id: string } | 'unknown_category' | 'ambiguous_category' {
  const byId = categories.find((c) => c.id === ref);
  if (byId) return byId;
  const key = ref.toLowerCase();
  const named = categories.filter((c) => c.name.toLowerCase() === key || (c.nameEn !== '' && c.nameEn.toLowerCase() === key));
  return named.length === 1 ? named[0]! : named.length ? 'ambiguous_category' : 'unknown_category';
}

/** Values appearing on more than one row of the file: value → the lines it is on. */
function repeats(rows: readonly ParsedRow[], of: (r: ParsedRow) => string | null | undefined): Map<string, number[]> {
  const lines = new Map<string, number[]>();
  for (const r of rows) {
    const v = of(r);
    if (v) lines.set(v, [...(lines.get(v) ?? []), r.line]);
  }
  return new Map([...lines].filter(([, l]) => l.length > 1));
}

/**
 * What importing the parsed rows into this catalog would do, row by row; nothing is written here.
 * Both rows of a SKU (or barcode) repeated in the file are errors: which one is meant is a guess.
 */
export function planCatalogImport(rows: readonly ParsedRow[], catalog: { products: readonly Product[]; categories: readonly Category[] }): PlannedRow[] {
  const bySku = new Map(catalog.products.map((p) => [p.sku, p]));
  const byBarcode = new Map(catalog.products.flatMap((p) => (p.barcode ? [[p.barcode, p] as const] : [])));
  const dupSku = repeats(rows, (r) => r.row?.sku ?? r.sku);
  const dupBarcode = repeats(rows, (r) => r.row?.barcode);
  return rows.map((r): PlannedRow => {
    const base = { line: r.line, sku: r.row?.sku ?? r.sku, name: r.row?.name ?? r.name, changes: [] as string[], input: null, productId: null, before: null };
    const issues: ImportIssue[] = [...r.issues];
    const sku = base.sku;
    if (sku && dupSku.has(sku)) issues.push(csvIssue('sku', 'duplicate_sku', ` (lines ${dupSku.get(sku)!.join(', ')})`));
    const row = r.row;
    if (!row) return { ...base, action: 'error', issues };
    if (row.barcode && dupBarcode.has(row.barcode)) issues.push(csvIssue('barcode', 'duplicate_barcode', ` (lines ${dupBarcode.get(row.barcode)!.join(', ')})`));
    const holder = row.barcode ? byBarcode.get(row.barcode) : undefined;
    if (holder && holder.sku !== row.sku) issues.push(csvIssue('barcode', 'barcode_taken', ` (${holder.sku} ${holder.name})`));
    const cat = findCategory(catalog.categories, row.category);
    if (typeof cat === 'string') issues.push(csvIssue('category', cat, ` (${row.category})`));
    if (issues.length || typeof cat === 'string') return { ...base, action: 'error', issues };

    const before = bySku.get(row.sku);
    const merged = {
      sku: row.sku, name: row.name, kind: row.kind, categoryId: cat.id, barcode: row.barcode === undefined ? (before?.barcode ?? null) : row.barcode, costPriceFen: row.cost, listPriceFen: row.price,
      unit: row.unit ?? before?.unit ?? '件', pointsEligible: row.points ?? before?.pointsEligible ?? true,
      punchEligible: row.punch ?? before?.punchEligible ?? false, status: row.status ?? before?.status ?? 'active',
    };
    const parsed = productInputSchema.safeParse(merged);
    if (!parsed.success) return { ...base, action: 'error', issues: parsed.error.issues.map((x) => ({ field: String(x.path[0] ?? ''), code: 'invalid', message: `${String(x.path[0] ?? '')}: ${x.message}` })) };
    const input = parsed.data;
    if (!before) return { ...base, action: 'create', issues: [], input };
    const changes = FIELDS.filter((f) => before[f] !== input[f]);
    return { ...base, action: changes.length ? 'update' : 'unchanged', issues: [], changes, input, productId: before.id, before };
  });
}

export function countPlan(rows: readonly Pick<ImportRowResult, 'action'>[]): ImportCounts {
  const counts: ImportCounts = { total: rows.length, create: 0, update: 0, unchanged: 0, error: 0 };
  for (const r of rows) counts[r.action]++;
  return counts;
}

/** The plan as the API answers it (what to write stays on the server). */
export const resultOf = ({ input: _i, productId: _p, before: _b, ...r }: PlannedRow): ImportRowResult => r;
