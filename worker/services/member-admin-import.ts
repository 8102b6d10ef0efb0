import { inArray } from 'drizzle-orm';
import { assertHq, type Actor } from '../../shared/domain/authz';
import { parseMemberCsv, type CsvMember } from '../../shared/domain/member-csv';
import { DomainError } from '../../shared/errors';
import type { MemberImportCommitRequest, MemberImportPreview, MemberImportResult, MemberImportRow } from '../../shared/schemas/member-admin';
import type { Db } from '../db/client';
import { members, stores, tiers } from '../db/schema';
import { auditRow } from './audit';
import { importOpeningBalances } from './imports';
import { storeExists } from './stores';

type Ctx = { env: Env; db: Db; d1: D1Database; actor: Actor; ip: string };
type Planned = MemberImportRow & { member: CsvMember | null };

async function byColumn(db: Db, col: typeof members.phone | typeof members.cardNo, values: string[]) {
  const out: (typeof members.$inferSelect)[] = [];
  for (let i = 0; i < values.length; i += 90) out.push(...(await db.select().from(members).where(inArray(col, values.slice(i, i + 90)))));
  return out;
}

/**
 * Reads the file and checks each row against the chain: a phone already a member is that member
 * ("existing": same name, left as is — never a second opening balance) or an error (another
 * name); a card number already someone else's is an error. Writes nothing.
 */
async function plan(c: Ctx, storeId: string, csv: string): Promise<{ rows: Planned[]; fileErrors: string[] }> {
  assertHq(c.actor);
  await storeExists(c.db, storeId);
  const [tierRows, storeRows] = await Promise.all([
    c.db.select({ code: tiers.code, name: tiers.name, nameEn: tiers.nameEn }).from(tiers),
    c.db.select({ id: stores.id, code: stores.code, name: stores.name }).from(stores),
  ]);
  const parsed = parseMemberCsv(csv, { tiers: tierRows, stores: storeRows });
  const good = parsed.rows.flatMap((r) => (r.member ? [r.member] : []));
  const [byPhone, byCard] = await Promise.all([
    byColumn(c.db, members.phone, good.map((m) => m.phone)),
    byColumn(c.db, members.cardNo, good.flatMap((m) => (m.cardNo ? [m.cardNo] : []))),
  ]);
  const phoneOwner = new Map(byPhone.map((m) => [m.phone, m]));
  const cardOwner = new Map(byCard.map((m) => [m.cardNo, m]));
  const rows = parsed.rows.map((r): Planned => {
    const m = r.member;
    const errors = [...r.errors];
    const owner = m ? phoneOwner.get(m.phone) : undefined;
    if (m && owner && owner.name !== m.name) errors.push({ field: 'phone', message: `already a member with other data (${owner.name}, card ${owner.cardNo}); correct the row or leave it out` });
    const card = m?.cardNo ? cardOwner.get(m.cardNo) : undefined;
    if (m && card && card.phone !== m.phone) errors.push({ field: 'cardNo', message: `card ${m.cardNo} belongs to another member` });
    const status = errors.length ? 'error' : owner ? 'existing' : 'new';
    return {
      line: r.line, phone: r.phone, name: r.name, status, memberId: owner?.id ?? null, storeId: m ? (m.storeId ?? storeId) : null,
      principalFen: m?.principalFen ?? 0, bonusFen: m?.bonusFen ?? 0, points: m?.points ?? 0, errors, member: status === 'error' ? null : m,
    };
  });
  return { rows, fileErrors: parsed.fileErrors };
}

const counts = (rows: MemberImportRow[]) => ({
  new: rows.filter((r) => r.status === 'new').length, existing: rows.filter((r) => r.status === 'existing').length,
  error: rows.filter((r) => r.status === 'error').length, created: rows.filter((r) => r.status === 'created').length,
});
const strip = ({ member: _m, ...row }: Planned): MemberImportRow => row;

export async function previewMemberImport(c: Ctx, storeId: string, csv: string): Promise<MemberImportPreview> {
  const { rows, fileErrors } = await plan(c, storeId, csv);
  const out = rows.map(strip);
  return { rows: out, counts: counts(out), fileErrors };
}

// Card numbers as registration makes them (worker/services/member-registry.ts): '8800' and the
// next 8-digit sequence, computed inside the INSERT so a batch never hands out one number twice.
const NEXT_CARD = `(SELECT printf('8800%08d', coalesce((SELECT CAST(substr(card_no, 5) AS INTEGER) FROM members
  WHERE card_no BETWEEN '880000000001' AND '880099999998' ORDER BY card_no DESC LIMIT 1), 0) + 1))`;

/**
 * Creates the file's new members (rows with errors change nothing), then moves their opening
 * balances into their ledgers through the existing opening import (`import-<memberId>` ops), so
 * the Durable Object and the ledger take each balance exactly once. The member id is derived from
 * the import id and the line, every statement is INSERT OR IGNORE guarded by that member existing
 * with that phone, so a retried commit (or the same file committed again under a new import id:
 * its phones are "existing" then) creates nothing twice.
 */
export async function commitMemberImport(c: Ctx, r: MemberImportCommitRequest): Promise<MemberImportResult> {
  const { rows, fileErrors } = await plan(c, r.storeId, r.csv);
  if (fileErrors.length) throw new DomainError('VALIDATION_FAILED', `csv: ${fileErrors.join('; ')}`, { details: { issues: fileErrors.map((message) => ({ field: 'csv', message })) } });
  const now = Date.now();
  const fresh = rows.filter((p) => p.status === 'new' && p.member);
  for (const p of fresh) p.memberId = `mi-${r.importId}-${p.line}`;
  for (let i = 0; i < fresh.length; i += 25) await c.d1.batch(fresh.slice(i, i + 25).flatMap((p) => insertStatements(c, r.importId, p, now)));
  const created = new Set((await byColumn(c.db, members.phone, fresh.map((p) => p.phone))).map((m) => m.id));
  for (const p of fresh) if (created.has(p.memberId!)) p.status = 'created';
  // Pending balances of this file's members only: the new ones, and any an interrupted commit left behind.
  const ids = rows.flatMap((p) => (p.memberId && p.status !== 'error' ? [p.memberId] : []));
  const opening = ids.length ? await importOpeningBalances(c.env, c.db, c.actor, ids.length, c.ip, ids) : { imported: 0, failed: [] };
  const out = rows.map(strip);
  const audit = auditRow({ id: `member-import:${r.importId}`, actor: c.actor, action: 'member.import', entity: 'member_import', entityId: r.importId, storeId: r.storeId, ip: c.ip, at: now, detail: { ...counts(out), opening: opening.imported } });
  await c.d1.prepare('INSERT OR IGNORE INTO audit_log (id, at, actor_kind, actor_id, store_id, action, entity, entity_id, detail, ip) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)')
    .bind(audit.id, audit.at, audit.actorKind, audit.actorId, audit.storeId, audit.action, audit.entity, audit.entityId, audit.detail, audit.ip).run();
  return { importId: r.importId, rows: out, counts: counts(out), fileErrors, opening: { imported: opening.imported, failed: opening.failed } };
}

function insertStatements(c: Ctx, importId: string, p: Planned, now: number): D1PreparedStatement[] {
  const m = p.member!;
  const id = p.memberId!;
  const mine = `EXISTS (SELECT 1 FROM members WHERE id = ?1 AND phone = ?2)`;
  const audit = auditRow({
    id: `member-import:${importId}:${p.line}`, actor: c.actor, action: 'member.register', entity: 'member', entityId: id, storeId: p.storeId, ip: c.ip, at: now,
    detail: { importId, line: p.line, phone: m.phone, name: m.name, homeStoreId: p.storeId, tierCode: m.tierCode, principalFen: m.principalFen, bonusFen: m.bonusFen, points: m.points },
  });
  const stmts = [
    c.d1.prepare(`INSERT OR IGNORE INTO members (id, phone, name, gender, birthday, home_store_id, tier_code, card_no, status, joined_at, updated_at)
      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, coalesce(?8, ${NEXT_CARD}), 'active', ?9, ?9)`).bind(id, m.phone, m.name, m.gender, m.birthday, p.storeId, m.tierCode, m.cardNo, now),
    c.d1.prepare(`INSERT OR IGNORE INTO audit_log (id, at, actor_kind, actor_id, store_id, action, entity, entity_id, detail, ip)
      SELECT ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?1, json_set(?10, '$.cardNo', (SELECT card_no FROM members WHERE id = ?1)), ?11 WHERE ${mine}`)
      .bind(id, m.phone, audit.id, audit.at, audit.actorKind, audit.actorId, audit.storeId, audit.action, audit.entity, audit.detail, audit.ip),
  ];
  if (m.principalFen || m.bonusFen || m.points) {
    stmts.push(c.d1.prepare(`INSERT OR IGNORE INTO member_imports (member_id, principal_fen, bonus_fen, points, punch_cards) SELECT ?1, ?3, ?4, ?5, '[]' WHERE ${mine}`).bind(id, m.phone, m.principalFen, m.bonusFen, m.points));
  }
  if (m.tags.length) {
    stmts.push(c.d1.prepare(`INSERT OR IGNORE INTO member_tags (member_id, tag, source, created_at) SELECT ?1, value, 'staff', ?4 + key FROM json_each(?3) WHERE ${mine}`).bind(id, m.phone, JSON.stringify(m.tags), now));
  }
  return stmts;
}
