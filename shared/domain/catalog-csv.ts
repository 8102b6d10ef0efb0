import Papa from 'papaparse';
import { z } from 'zod';
import { barcodeSchema, CSV_MAX_ROWS, MAX_PRICE_FEN, skuSchema, type Category, type ImportIssue, type Product } from '../schemas/catalog';

/**
 * The catalog as a CSV file (导入/导出): one column per product field, headers in Chinese or
 * English, prices in yuan with at most two decimals. Parsing and checking a file is pure (no
 * database); planning it against the catalog is catalog-csv-plan.ts.
 */
export const CSV_COLUMNS = [
  { key: 'sku', zh: 'SKU', en: 'SKU', aliases: ['编码', '商品编码', 'sku'] },
  { key: 'name', zh: '名称', en: 'Name', aliases: ['商品名称', 'name'] },
  { key: 'kind', zh: '类型', en: 'Kind', aliases: ['kind', 'type'] },
  { key: 'category', zh: '分类', en: 'Category', aliases: ['category'] },
  { key: 'unit', zh: '单位', en: 'Unit', aliases: ['unit'] },
  { key: 'barcode', zh: '条码', en: 'Barcode', aliases: ['barcode'] },
  { key: 'cost', zh: '成本价', en: 'Cost', aliases: ['cost', 'costprice'] },
  { key: 'price', zh: '售价', en: 'Price', aliases: ['price', 'listprice'] },
  { key: 'points', zh: '积分', en: 'Points', aliases: ['points'] },
  { key: 'punch', zh: '次卡', en: 'Punch', aliases: ['punch', 'punchcard'] },
  { key: 'status', zh: '状态', en: 'Status', aliases: ['status'] },
] as const;
export type CsvKey = (typeof CSV_COLUMNS)[number]['key'];
const REQUIRED: readonly CsvKey[] = ['sku', 'name', 'kind', 'category', 'cost', 'price'];

/** "成本价（元）", " Cost (yuan) " → "成本价", "cost": case, spaces and a bracketed unit do not matter. */
const norm = (h: string) => h.replace(/^\uFEFF/, '').replace(/[（(].*[)）]\s*$/, '').replace(/\s+/g, '').toLowerCase();
const HEADER = new Map<string, CsvKey>(CSV_COLUMNS.flatMap((c) => [c.zh, c.en, ...c.aliases].map((h) => [norm(h), c.key] as const)));

/** Excel's ="0123" (kept as text) and a leading ' are how people stop it eating leading zeros. */
const cell = (s: string | undefined) => (s ?? '').trim().replace(/^="(.*)"$/, '$1').replace(/^'/, '').trim();
const issue = (code: string) => ({ message: code });
const fail = (ctx: z.RefinementCtx, code: string) => (ctx.addIssue({ code: 'custom', message: code }), z.NEVER);

/** Yuan as written ("12", "12.5", "¥1,234.50") to fen, exactly: digits, never a float. */
export function yuanToFen(s: string): number | 'bad' | 'negative' | 'decimals' {
  const t = s.replace(/[¥￥,\s]/g, '');
  if (/^-/.test(t) && /^-\d/.test(t)) return 'negative';
  const m = /^(\d{1,9})(?:\.(\d*))?$/.exec(t);
  if (!m) return 'bad';
  if ((m[2] ?? '').length > 2) return 'decimals';
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}
export const fenToYuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

const yuan = z.string().transform((s, ctx) => {
  if (s === '') return fail(ctx, 'required');
  const fen = yuanToFen(s);
  if (typeof fen !== 'number') return fail(ctx, fen === 'bad' ? 'bad_money' : fen);
  return fen > MAX_PRICE_FEN ? fail(ctx, 'too_large') : fen;
});
const choice = <T extends string | boolean>(map: Record<string, T>, code: string) =>
  z.string().optional().transform((s, ctx) => (!s ? undefined : map[s.toLowerCase()] ?? fail(ctx, code)));
const KINDS: Record<string, 'goods' | 'service'> = { 商品: 'goods', 服务: 'service', goods: 'goods', service: 'service' };
const YES_NO = { 是: true, 否: false, yes: true, no: false, y: true, n: false, true: true, false: false, '1': true, '0': false } as Record<string, boolean>;

/** One row, from its cells (strings) to typed values; an empty optional cell is `undefined` (keep / default). */
export const csvRowSchema = z.object({
  sku: z.string().transform((s, ctx) => (s === '' ? fail(ctx, 'required') : skuSchema.safeParse(s).success ? s : fail(ctx, 'bad_sku'))),
  name: z.string().min(1, issue('required')).max(60, issue('too_long')),
  kind: z.string().transform((s, ctx) => (s === '' ? fail(ctx, 'required') : KINDS[s.toLowerCase()] ?? fail(ctx, 'bad_kind'))),
  category: z.string().min(1, issue('required')),
  unit: z.string().max(8, issue('too_long')).optional().transform((s) => s || undefined),
  /** An empty cell clears the barcode; no column keeps it. */
  barcode: z.string().optional().transform((s, ctx) => (s === undefined ? undefined : s === '' ? null : barcodeSchema.safeParse(s).success ? s : fail(ctx, 'bad_barcode'))),
  cost: yuan,
  price: yuan,
  points: choice(YES_NO, 'bad_yes_no'),
  punch: choice(YES_NO, 'bad_yes_no'),
  status: choice({ 在售: 'active', 下架: 'archived', active: 'active', archived: 'archived' } as Record<string, 'active' | 'archived'>, 'bad_status'),
});
export type CsvRow = z.infer<typeof csvRowSchema>;
export type ParsedRow = { line: number; sku: string | null; name: string | null; row: CsvRow | null; issues: ImportIssue[] };
export type ParsedCsv = { rows: ParsedRow[]; fileError: { code: string; message: string } | null };

/** What each issue code means (the HQ screen shows its own wording per code). */
export const CSV_ISSUE_TEXT: Record<string, string> = {
  required: 'is required', bad_sku: 'may hold only letters, digits, . _ -, at most 32', too_long: 'is too long', bad_kind: 'must be 商品/服务 or goods/service',
  bad_barcode: 'must be 4–32 letters or digits', bad_money: 'must be an amount in yuan, e.g. 12.50', negative: 'must not be negative',
  decimals: 'has more than 2 decimals; fen is the smallest unit', too_large: 'is beyond any product’s price', bad_yes_no: 'must be 是/否 or yes/no',
  bad_status: 'must be 在售/下架 or active/archived', unknown_category: 'names no category (create it first)', ambiguous_category: 'names two categories; use the id',
  duplicate_sku: 'appears on more than one row of the file', duplicate_barcode: 'appears on more than one row of the file', barcode_taken: 'belongs to another product', invalid: 'is not valid',
};
export const csvIssue = (field: string, code: string, extra = ''): ImportIssue => ({ field, code, message: `${field}: ${CSV_ISSUE_TEXT[code] ?? code}${extra}` });

/** Reads a file: the header, then each row checked on its own (duplicates and the catalog come later). */
export function parseCatalogCsv(text: string): ParsedCsv {
  const { data } = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  const [head, ...body] = data;
  const cols = (head ?? []).map((h) => HEADER.get(norm(h)) ?? null);
  const missing = REQUIRED.filter((k) => !cols.includes(k));
  if (missing.length) return { rows: [], fileError: { code: 'missing_columns', message: `missing columns: ${missing.join(', ')}` } };
  const rows: ParsedRow[] = [];
  body.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    const raw: Partial<Record<CsvKey, string>> = {};
    cols.forEach((k, j) => k && (raw[k] = cell(cells[j])));
    const r = csvRowSchema.safeParse(raw);
    const issues = r.success ? [] : r.error.issues.map((x) => csvIssue(String(x.path[0] ?? ''), /^[a-z_]+$/.test(x.message) ? x.message : 'invalid'));
    rows.push({ line: i + 2, sku: raw.sku || null, name: raw.name || null, row: r.success ? r.data : null, issues });
  });
  if (rows.length > CSV_MAX_ROWS) return { rows: [], fileError: { code: 'too_many_rows', message: `${rows.length} rows: at most ${CSV_MAX_ROWS} per file` } };
  if (rows.length === 0) return { rows: [], fileError: { code: 'no_rows', message: 'the file has a header but no rows' } };
  return { rows, fileError: null };
}

/** The catalog in the import's columns (Chinese headers): exported, edited in Excel, imported back unchanged. */
export function catalogToCsv(products: readonly Product[], categories: readonly Category[]): string {
  const cat = new Map(categories.map((c) => [c.id, c.name]));
  const yn = (b: boolean) => (b ? '是' : '否');
  const rows = products.map((p) => [p.sku, p.name, p.kind === 'goods' ? '商品' : '服务', cat.get(p.categoryId) ?? p.categoryId, p.unit, p.barcode ?? '',
    fenToYuan(p.costPriceFen), fenToYuan(p.listPriceFen), yn(p.pointsEligible), yn(p.punchEligible), p.status === 'active' ? '在售' : '下架']);
  return Papa.unparse({ fields: CSV_COLUMNS.map((c) => c.zh), data: rows }, { newline: '\r\n' });
}

/** A file to start from: the headers and two example rows. */
export const CSV_TEMPLATE = Papa.unparse({
  fields: CSV_COLUMNS.map((c) => c.zh),
  data: [['SKU90001', '玫瑰精油 30ml', '商品', '护肤品', '瓶', '6901234567892', '45.00', '128.00', '是', '否', '在售'], ['SKU90002', '头皮护理（疗程）', '服务', '美发服务', '次', '', '70', '268', '是', '是', '在售']],
}, { newline: '\r\n' });
