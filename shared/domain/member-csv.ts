import Papa from 'papaparse';
import { parseYuan } from './money';

/**
 * Members from another system's CSV export (docs/decisions/026): Chinese or English headers, one
 * member a row, money in yuan. Pure: what needs the database (a phone already a member, a card
 * number taken) is checked by the worker on top of this.
 */
export type CsvField = 'phone' | 'name' | 'gender' | 'birthday' | 'cardNo' | 'tier' | 'store' | 'principal' | 'bonus' | 'points' | 'tags';

const HEADERS: Record<CsvField, readonly string[]> = {
  phone: ['手机', '手机号', '手机号码', '电话', 'phone', 'mobile'],
  name: ['姓名', '名字', 'name'],
  gender: ['性别', 'gender', 'sex'],
  birthday: ['生日', '出生日期', 'birthday', 'birthdate'],
  cardNo: ['卡号', '会员卡号', 'card', 'cardno', 'cardnumber'],
  tier: ['等级', '会员等级', 'tier', 'level'],
  store: ['门店', '所属门店', 'store', 'homestore'],
  principal: ['储值本金', '本金', '储值', '余额', 'principal', 'balance'],
  bonus: ['赠送金', '赠送', '赠送余额', 'bonus'],
  points: ['积分', 'points'],
  tags: ['标签', 'tags'],
};

/** "储值本金(元)", " Card No (yuan) ", "card_no" → "储值本金", "cardno". */
const headerKey = (h: string) => h.replace(/^\uFEFF/, '').replace(/[(（].*?[)）]/g, '').replace(/[\s_-]/g, '').toLowerCase();
const FIELD_OF = new Map(Object.entries(HEADERS).flatMap(([f, names]) => names.map((n) => [n, f as CsvField])));

export type Lookup = { tiers: readonly { code: string; name: string; nameEn: string }[]; stores: readonly { id: string; code: string; name: string }[] };
export type CsvMember = {
  line: number; phone: string; name: string; gender: 'female' | 'male' | 'unknown'; birthday: string | null; cardNo: string | null;
  tierCode: string; storeId: string | null; principalFen: number; bonusFen: number; points: number; tags: string[];
};
export type RowError = { field: CsvField; message: string };
export type CsvRow = { line: number; phone: string; name: string; member: CsvMember | null; errors: RowError[] };
export type CsvResult = { rows: CsvRow[]; fileErrors: string[] };

export const MAX_CSV_ROWS = 5000;

const GENDERS: Record<string, CsvMember['gender']> = { 男: 'male', 女: 'female', m: 'male', f: 'female', male: 'male', female: 'female', '': 'unknown', 未知: 'unknown', unknown: 'unknown' };

function realDate(s: string): string | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (!m) return null;
  const d = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const t = Date.parse(`${d}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === d && d >= '1900-01-01' ? d : null;
}

/** Yuan with at most two decimals, not negative; blank is 0. */
function money(s: string): number | null {
  if (s === '') return 0;
  const fen = parseYuan(s);
  return fen === null || fen < 0 ? null : fen;
}

function readRow(line: number, get: (f: CsvField) => string, lookup: Lookup): CsvRow {
  const errors: RowError[] = [];
  const bad = (field: CsvField, message: string) => (errors.push({ field, message }), null);
  const phone = get('phone').replace(/[\s-]/g, '');
  const name = get('name');
  if (!/^1[3-9]\d{9}$/.test(phone)) bad('phone', 'must be an 11-digit mainland mobile number');
  if (!name) bad('name', 'is required');
  else if (name.length > 20) bad('name', 'must be at most 20 characters');
  const g = get('gender').toLowerCase();
  const gender = Object.hasOwn(GENDERS, g) ? GENDERS[g]! : bad('gender', 'must be 男/女 (male/female) or blank');
  const b = get('birthday');
  const birthday = b === '' ? null : (realDate(b) ?? bad('birthday', 'must be a real date YYYY-MM-DD'));
  const c = get('cardNo');
  const cardNo = c === '' ? null : /^\d{12}$/.test(c) ? c : bad('cardNo', 'must be a 12-digit card number or blank');
  const t = get('tier').toLowerCase();
  const tier = t === '' ? 'normal' : lookup.tiers.find((x) => [x.code, x.name, x.nameEn.toLowerCase()].includes(t))?.code;
  if (!tier) bad('tier', `unknown tier "${get('tier')}"`);
  const s = get('store');
  const storeId = s === '' ? null : (lookup.stores.find((x) => x.id === s || x.code === s || x.name === s)?.id ?? bad('store', `unknown store "${s}"`));
  const principalFen = money(get('principal')) ?? bad('principal', 'must be yuan with at most 2 decimals, e.g. 12.34');
  const bonusFen = money(get('bonus')) ?? bad('bonus', 'must be yuan with at most 2 decimals, e.g. 12.34');
  const p = get('points');
  const points = p === '' ? 0 : /^\d{1,9}$/.test(p) ? Number(p) : bad('points', 'must be a whole number, 0 or more');
  const tags = [...new Set(get('tags').split(/[;；|、]/).map((x) => x.trim()).filter(Boolean))];
  if (tags.some((x) => x.length > 12)) bad('tags', 'each tag at most 12 characters');
  const member = errors.length === 0
    ? { line, phone, name, gender: gender!, birthday, cardNo, tierCode: tier!, storeId, principalFen: principalFen!, bonusFen: bonusFen!, points: points!, tags }
    : null;
  return { line, phone, name, member, errors };
}

/** Reads the file: a header row, then members. Duplicate phones or cards within the file are errors on every such row. */
export function parseMemberCsv(text: string, lookup: Lookup): CsvResult {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  const [header = [], ...body] = parsed.data;
  const columns = header.map((h) => FIELD_OF.get(headerKey(h)) ?? null);
  const missing = (['phone', 'name'] as const).filter((f) => !columns.includes(f));
  const fileErrors = missing.map((f) => `missing column ${f} (${HEADERS[f][0]}/${f})`);
  const filled = body.map((cells, i) => ({ cells, line: i + 2 })).filter(({ cells }) => cells.some((x) => x.trim() !== ''));
  if (filled.length === 0 && fileErrors.length === 0) fileErrors.push('the file has no member rows');
  if (filled.length > MAX_CSV_ROWS) fileErrors.push(`at most ${MAX_CSV_ROWS} rows per file (this one has ${filled.length})`);
  if (fileErrors.length) return { rows: [], fileErrors };
  const rows = filled.map(({ cells, line }) => readRow(line, (f) => (cells[columns.indexOf(f)] ?? '').trim(), lookup));
  const keyed = rows.map((r) => ({ r, phone: r.member?.phone ?? null, cardNo: r.member?.cardNo ?? null }));
  markDuplicates(keyed, 'phone');
  markDuplicates(keyed, 'cardNo');
  return { rows, fileErrors };
}

function markDuplicates(keyed: { r: CsvRow; phone: string | null; cardNo: string | null }[], field: 'phone' | 'cardNo') {
  const lines = new Map<string, number[]>();
  for (const { r, [field]: k } of keyed) if (k) lines.set(k, [...(lines.get(k) ?? []), r.line]);
  for (const { r, [field]: k } of keyed) {
    const same = lines.get(k ?? '') ?? [];
    if (same.length < 2) continue;
    r.errors.push({ field, message: `appears more than once in the file (lines ${same.join(', ')})` });
    r.member = null;
  }
}

/** A cell a spreadsheet would run as a formula is kept as text. */
const safeCell = (v: string | number) => (typeof v === 'string' && /^[=+@\t\r]|^-(?!\d)/.test(v) ? `'${v}` : v);

/** CSV for Excel: UTF-8 with a BOM (or Excel reads Chinese as mojibake), CRLF lines. */
export function toCsv(fields: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return `\uFEFF${Papa.unparse({ fields: [...fields], data: rows.map((r) => r.map(safeCell)) }, { newline: '\r\n' })}`;
}

/** Fen as the yuan a CSV holds: 1234 → "12.34". */
export const fenToYuan = (fen: number) => `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
