import { assertHq, type Actor } from '../../shared/domain/authz';
import { flowsOf, settlementPairs, type KindTotals } from '../../shared/domain/liability';
import type { LiabilityCheck, LiabilityReport } from '../../shared/schemas/report-liability';
import type { ReportQuery } from '../../shared/schemas/report-query';
import { storeList } from './report-members';
import { reportScope, scopeSql } from './report-scope';

type Row = Record<string, unknown>;
const n = (v: unknown) => Number(v ?? 0);
const outstandingOf = (r: Row | undefined) => ({ members: n(r?.members), principalFen: n(r?.principalFen), bonusFen: n(r?.bonusFen), reservedFen: n(r?.reservedFen), points: n(r?.points) });
const kindOf = (r: Row): KindTotals => ({ kind: String(r.kind), entries: n(r.entries), principalFen: n(r.principalFen), bonusFen: n(r.bonusFen), points: n(r.points) });
// Stored value spent: sales and punch cards paid from the card, less what refunds put back.
const SPENT_KINDS = `('settle', 'punch_sale', 'refund')`;

/**
 * 储值与积分: balances now per the card's store of issue (members.home_store_id), what moved in the
 * period per store where it was made (value_daily), what open allowances hold for tablets, and
 * who owes whom for cards of one store spent at another. One D1 batch of small GROUP BYs.
 */
export async function liabilityReport(d1: D1Database, actor: Actor, q: ReportQuery): Promise<LiabilityReport> {
  const scope = reportScope(actor, q.storeId);
  const home = scopeSql(scope, 'home_store_id'), at = scopeSql(scope, 'store_id');
  const pair = scope.storeIds === null ? { sql: '', binds: [] as string[] }
    : { sql: ` AND (store_id IN (${scope.storeIds.map(() => '?').join(', ')}) OR home_store_id IN (${scope.storeIds.map(() => '?').join(', ')}))`, binds: [...scope.storeIds, ...scope.storeIds] };
  const [owed, devices, flows, cross] = (await d1.batch<Row>([
    d1.prepare(`SELECT home_store_id AS storeId, count(*) AS members, sum(principal_fen) AS principalFen, sum(bonus_fen) AS bonusFen, sum(reserved_fen) AS reservedFen, sum(points) AS points
      FROM members WHERE 1 = 1${home.sql} GROUP BY home_store_id ORDER BY home_store_id`).bind(...home.binds),
    d1.prepare(`SELECT store_id AS storeId, count(*) AS leases, sum(held_fen) AS heldFen FROM device_allowances WHERE state = 'open'${at.sql} GROUP BY store_id`).bind(...at.binds),
    d1.prepare(`SELECT store_id AS storeId, kind, sum(entries) AS entries, sum(principal_fen) AS principalFen, sum(bonus_fen) AS bonusFen, sum(points) AS points
      FROM value_daily WHERE day >= ? AND day <= ?${at.sql} GROUP BY store_id, kind`).bind(q.from, q.to, ...at.binds),
    d1.prepare(`SELECT home_store_id AS homeStoreId, store_id AS storeId, -sum(principal_fen + bonus_fen) AS spentFen FROM value_daily
      WHERE day >= ? AND day <= ? AND kind IN ${SPENT_KINDS} AND store_id != home_store_id${pair.sql} GROUP BY home_store_id, store_id`).bind(q.from, q.to, ...pair.binds),
  ])).map((r) => r.results) as [Row[], Row[], Row[], Row[]];
  const byHomeStore = owed.map((r) => ({ storeId: String(r.storeId), ...outstandingOf(r) }));
  const total = byHomeStore.reduce((a, r) => ({ members: a.members + r.members, principalFen: a.principalFen + r.principalFen, bonusFen: a.bonusFen + r.bonusFen, reservedFen: a.reservedFen + r.reservedFen, points: a.points + r.points }), outstandingOf(undefined));
  const storeIds = [...new Set(flows.map((r) => String(r.storeId)))].sort();
  const kinds = new Map<string, KindTotals>();
  for (const r of flows) {
    const k = kindOf(r), x = kinds.get(k.kind) ?? { kind: k.kind, entries: 0, principalFen: 0, bonusFen: 0, points: 0 };
    kinds.set(k.kind, { kind: k.kind, entries: x.entries + k.entries, principalFen: x.principalFen + k.principalFen, bonusFen: x.bonusFen + k.bonusFen, points: x.points + k.points });
  }
  const crossStore = cross.map((r) => ({ homeStoreId: String(r.homeStoreId), storeId: String(r.storeId), spentFen: n(r.spentFen) }));
  return {
    from: q.from, to: q.to, stores: await storeList(d1, scope),
    outstanding: { total, byHomeStore },
    reservedByDeviceStore: devices.map((r) => ({ storeId: (r.storeId as string | null) ?? null, leases: n(r.leases), heldFen: n(r.heldFen) })),
    flows: { total: flowsOf([...kinds.values()]), byStore: storeIds.map((storeId) => ({ storeId, ...flowsOf(flows.filter((r) => String(r.storeId) === storeId).map(kindOf)) })) },
    byKind: [...kinds.values()].sort((a, b) => a.kind.localeCompare(b.kind)),
    settlement: settlementPairs(crossStore),
    crossStore,
  };
}

/**
 * The reconciliation HQ runs (issue 19 §5): the sum of every ledger entry, the sum of the members'
 * balances and the sum of value_daily over all days, for principal, bonus and points — three
 * numbers each that must be equal — and the members whose balances differ from the head of their
 * own ledger. Sums the whole ledger once: HQ's check, not a report opened every morning.
 */
export async function liabilityCheck(d1: D1Database, actor: Actor, now = Date.now()): Promise<LiabilityCheck> {
  assertHq(actor);
  const [ledger, balances, rollup, members] = (await d1.batch<Row>([
    d1.prepare(`SELECT sum(principal_delta) AS p, sum(bonus_delta) AS b, sum(points_delta) AS pts FROM ledger_entries`),
    d1.prepare(`SELECT sum(principal_fen) AS p, sum(bonus_fen) AS b, sum(points) AS pts FROM members`),
    d1.prepare(`SELECT sum(principal_fen) AS p, sum(bonus_fen) AS b, sum(points) AS pts FROM value_daily`),
    // Each member against the head of their own ledger (one primary-key probe each, not a second
    // pass over every entry): the hash chain makes the head's balances the sum of the entries.
    d1.prepare(`SELECT m.id AS memberId, m.principal_fen AS principalFen, coalesce(l.principal_after, 0) AS ledgerPrincipalFen, m.bonus_fen AS bonusFen, coalesce(l.bonus_after, 0) AS ledgerBonusFen,
        m.points, coalesce(l.points_after, 0) AS ledgerPoints
      FROM members m LEFT JOIN ledger_entries l ON l.member_id = m.id AND l.seq = (SELECT max(seq) FROM ledger_entries x WHERE x.member_id = m.id)
      WHERE m.principal_fen != coalesce(l.principal_after, 0) OR m.bonus_fen != coalesce(l.bonus_after, 0) OR m.points != coalesce(l.points_after, 0) ORDER BY m.id LIMIT 20`),
  ])).map((r) => r.results) as [Row[], Row[], Row[], Row[]];
  const triple = (k: 'p' | 'b' | 'pts') => {
    const l = n(ledger[0]?.[k]), b = n(balances[0]?.[k]), r = n(rollup[0]?.[k]);
    return { ledger: l, balances: b, rollup: r, matches: l === b && b === r };
  };
  const principal = triple('p'), bonus = triple('b'), points = triple('pts');
  return {
    checkedAt: now, principal, bonus, points,
    matches: principal.matches && bonus.matches && points.matches && members.length === 0,
    mismatchedMembers: members.map((r) => ({ memberId: String(r.memberId), principalFen: n(r.principalFen), ledgerPrincipalFen: n(r.ledgerPrincipalFen), bonusFen: n(r.bonusFen), ledgerBonusFen: n(r.ledgerBonusFen), points: n(r.points), ledgerPoints: n(r.ledgerPoints) })),
  };
}
