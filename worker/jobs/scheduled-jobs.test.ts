import { env } from 'cloudflare:test';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { businessDay } from '../../shared/domain/business-day';
import { DEFAULT_TIER_REVIEW, type ChainRules } from '../../shared/schemas/rules';
import { openDb } from '../db/client';
import { runScheduled } from '../scheduled';
import { accountStub } from '../services/accounts';
import { loadRules, saveRulesStatement } from '../services/rules';
import { api, loginAs, seedChain } from '../test/fixtures';
import { runDueJobs } from './cron';
import { periodStart } from './periods';
import { runJob } from './runner';

const DAY = 86_400_000;
const REAL_NOW = Date.now();
const monthAfter = (p: string, n = 1) => { const d = new Date(Date.UTC(Number(p.slice(0, 4)), Number(p.slice(5, 7)) - 1 + n, 1)); return d.toISOString().slice(0, 7); };
// Fake clocks: 03:00 local on a period's first day (the jobs start at 02:00).
const at3 = (period: string) => periodStart(period) + 3 * 3_600_000;
const rules = { consumptionOrder: 'principal_first' as const };

async function member(tag: string, tier: string, o: { tierSince?: number | null; birthday?: string | null } = {}) {
  const id = `m-${tag}-${ulid()}`;
  const phone = `198${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const card = `76${String(Math.floor(Math.random() * 1e10)).padStart(10, '0')}`;
  await env.DB.prepare(`INSERT INTO members (id, phone, name, gender, birthday, home_store_id, tier_code, tier_since, card_no, status, joined_at, updated_at) VALUES (?, ?, '任务会员', 'female', ?, 'store-1', ?, ?, ?, 'active', 0, 0)`)
    .bind(id, phone, o.birthday ?? null, tier, o.tierSince ?? null, card).run();
  return { id, card };
}
async function spend(memberId: string, fen: number, at: number) {
  await env.DB.prepare(`INSERT INTO orders (id, store_id, staff_id, member_id, kind, status, subtotal_fen, discount_fen, total_fen, cost_fen, created_at, received_at) VALUES (?, 'store-1', 'staff-clerk1', ?, 'sale', 'completed', ?, 0, ?, 0, ?, ?)`)
    .bind(ulid(), memberId, fen, fen, at, at).run();
}
const tierOf = async (id: string) => (await env.DB.prepare('SELECT tier_code t FROM members WHERE id = ?').bind(id).first<{ t: string }>())!.t;
const runRow = (id: string) => env.DB.prepare('SELECT status, processed, changed, failed, cursor FROM job_runs WHERE id = ?').bind(id).first();
const count = async (q: string, ...b: unknown[]) => (await env.DB.prepare(q).bind(...b).first<{ n: number }>())!.n;
async function setRules(patch: Partial<ChainRules>) {
  const db = openDb(env.DB);
  await saveRulesStatement(db, { ...(await loadRules(db)), ...patch }, 'staff-admin', Date.now()).run();
}

beforeAll(async () => {
  await seedChain();
});

describe('monthly tier review', () => {
  // Two review months after the real one, so the seeded year of sales lies in the window.
  const P1 = monthAfter(businessDay(REAL_NOW).slice(0, 7));
  const P2 = monthAfter(P1);
  const LONG_AGO = periodStart(P1) - 3 * 365 * DAY;
  const inWindow = periodStart(P1) - 30 * DAY;

  it('downgrades exactly the members the rule says, once, through their objects, with one grace review', async () => {
    await setRules({ tierReview: DEFAULT_TIER_REVIEW }); // 12 months, monthly, one grace review, one tier down
    // The seeded members got their tiers "just now": kept (new in tier) whatever they spent.
    await env.DB.prepare('UPDATE members SET tier_since = ? WHERE id NOT LIKE ?').bind(periodStart(P1), 'm-tr-%').run();
    const keep = await member('tr', 'gold', { tierSince: LONG_AGO });
    await spend(keep.id, 650_000, inWindow); // ≥ gold's keep (600,000)
    await spend(keep.id, 5_000_000, periodStart(P1) - 400 * DAY); // outside the 12 months: does not count
    const graceThenDown = await member('tr', 'gold', { tierSince: LONG_AGO });
    await spend(graceThenDown.id, 100_000, inWindow);
    const newInTier = await member('tr', 'silver', { tierSince: periodStart(P1) - 90 * DAY });
    const graceUsed = await member('tr', 'silver', { tierSince: LONG_AGO });
    const diamond = await member('tr', 'diamond', { tierSince: LONG_AGO });
    const normal = await member('tr', 'normal');
    for (const m of [graceUsed, diamond]) {
      const tier = await tierOf(m.id);
      await env.DB.prepare(`INSERT INTO member_tier_reviews (member_id, period, tier_code, misses, outcome, updated_at) VALUES (?, ?, ?, 1, 'grace', 0)`).bind(m.id, monthAfter(P1, -1), tier).run();
    }
    const before = new Map((await env.DB.prepare('SELECT id, tier_code FROM members').all<{ id: string; tier_code: string }>()).results.map((r) => [r.id, r.tier_code]));
    const changedSince = async () => (await env.DB.prepare('SELECT id, tier_code FROM members').all<{ id: string; tier_code: string }>()).results.filter((r) => before.get(r.id) !== r.tier_code).map((r) => [r.id, r.tier_code]).sort();

    await runScheduled(env, at3(P1));
    const expected1 = [[diamond.id, 'gold'], [graceUsed.id, 'normal']].sort();
    expect(await changedSince()).toEqual(expected1);
    expect(await runRow(`tier-review:${P1}`)).toMatchObject({ status: 'done', changed: 2, failed: 0, cursor: null });
    // Each change is an op of the member's object and an audit row as the system.
    expect(await count(`SELECT count(*) n FROM account_ops WHERE kind = 'tier_change' AND op_id LIKE ?`, `tier-review:${P1}:%`)).toBe(2);
    expect(await count(`SELECT count(*) n FROM audit_log WHERE action = 'tier.review' AND actor_kind = 'system'`)).toBe(2);
    expect(await accountStub(env, diamond.id).opStatus(`tier-review:${P1}:${diamond.id}`)).toBe('applied');

    // Run twice (the same tick again, a later tick the same month, and HQ's rerun): no one twice.
    await runScheduled(env, at3(P1));
    await runScheduled(env, at3(P1) + 5 * DAY);
    expect(await runRow(`tier-review:${P1}`)).toMatchObject({ status: 'done', changed: 2 });
    const rerun = await runJob(env, 'tier-review', P1, at3(P1) + 6 * DAY, { rerun: true, triggeredBy: 'staff-admin' });
    expect(rerun).toMatchObject({ finished: true, run: { status: 'done', changed: 0 } });
    expect(await changedSince()).toEqual(expected1);
    expect(await count(`SELECT count(*) n FROM audit_log WHERE action = 'tier.review'`)).toBe(2);

    // The next month: the member in grace is now downgraded; the one just moved to gold is new in it.
    // Paged 5 at a time with no time budget: one page per invocation, and a crashed holder's lease.
    const first = await runJob(env, 'tier-review', P2, at3(P2), { pageSize: 5, budgetMs: 0 });
    expect(first).toMatchObject({ finished: false, run: { status: 'running', processed: 5 }, stats: { pages: 1, processed: 5, objects: 0 } });
    // Its subrequests, counted: the claim, the page's tiers + members + review batch, its save, the release, the re-read (+ rules unless cached).
    expect(first.stats.d1).toBeGreaterThanOrEqual(7);
    expect(first.stats.d1).toBeLessThanOrEqual(8);
    await env.DB.prepare('UPDATE job_runs SET lease_until = ? WHERE id = ?').bind(at3(P2) + 60_000, `tier-review:${P2}`).run();
    expect((await runDueJobs(env, at3(P2), { pageSize: 5 })).some((r) => r.claimed && r.run?.job === 'tier-review')).toBe(false);
    const resumed = await runDueJobs(env, at3(P2) + 60_000, { pageSize: 5 });
    expect(resumed.find((r) => r.run?.job === 'tier-review')).toMatchObject({ finished: true, run: { status: 'done', changed: 1, failed: 0 }, stats: { changed: 1, objects: 1 } });
    expect((await runRow(`tier-review:${P2}`))!.processed).toBe(await count(`SELECT count(*) n FROM members WHERE status != 'closed'`));
    expect(await changedSince()).toEqual([...expected1, [graceThenDown.id, 'silver']].sort());
    for (const m of [keep, newInTier, normal]) expect(await tierOf(m.id)).toBe(before.get(m.id));
    await runScheduled(env, at3(P2) + DAY);
    expect(await count(`SELECT count(*) n FROM account_ops WHERE kind = 'tier_change'`)).toBe(3);
  });
});

describe('the invocation’s subrequest budget', () => {
  it('sizes pages to what is left of it, never spends more, and lets the next ticks finish the run', async () => {
    const P3 = monthAfter(businessDay(REAL_NOW).slice(0, 7), 3);
    await setRules({ tierReview: DEFAULT_TIER_REVIEW });
    const members = await count(`SELECT count(*) n FROM members WHERE status != 'closed'`);
    const spent = { d1: 0, objects: 0 };
    const first = await runJob(env, 'tier-review', P3, at3(P3), { pageSize: 5, subrequestBudget: 40, spent });
    expect(first).toMatchObject({ finished: false, claimed: true });
    expect(first.stats.processed).toBeGreaterThan(0);
    expect(first.stats.processed).toBeLessThan(members);
    expect(spent.d1 + spent.objects).toBeLessThanOrEqual(40);
    expect(spent).toEqual({ d1: first.stats.d1, objects: first.stats.objects });
    // No room left for a page: the cron starts nothing.
    expect(await runDueJobs(env, at3(P3) + 1, { pageSize: 5, subrequestBudget: 12 })).toEqual([]);
    let ticks = 1;
    for (let r = first; !r.finished && ticks < 200; ticks++) {
      r = await runJob(env, 'tier-review', P3, at3(P3) + ticks * 600_000, { pageSize: 5, subrequestBudget: 40 });
      expect(r.stats.d1 + r.stats.objects).toBeLessThanOrEqual(40);
    }
    expect((await runRow(`tier-review:${P3}`))!).toMatchObject({ status: 'done', processed: members });
    expect(ticks).toBeGreaterThan(2);
  });
});

describe('expiry', () => {
  it('expires points, coupons and punch cards through the member’s object; twice changes balances once', async () => {
    await setRules({ tierReview: { ...DEFAULT_TIER_REVIEW, active: false } });
    const m = await member('ex', 'normal');
    const stub = accountStub(env, m.id);
    const who = { memberId: m.id, cardNo: m.card };
    const now = Date.now();
    const card = { id: `pc-${ulid()}`, productId: 'p-401', name: '洗护 ×5', usesTotal: 5, usesLeft: 5, pricePerUseFen: 100, expiresAt: now + DAY, storeIds: null };
    const base = { storeId: null, staffId: 'staff-admin', at: now };
    await stub.apply(who, { ...base, opId: ulid(), kind: 'opening', principalFen: 0, bonusFen: 0, points: 0, punchCards: [card] }, rules);
    await stub.apply(who, { ...base, opId: ulid(), kind: 'points_adjust', delta: 300, reason: '活动', expiresAt: now + DAY }, rules);
    await stub.apply(who, { ...base, opId: ulid(), kind: 'points_adjust', delta: 50, reason: '长期', expiresAt: now + 365 * DAY }, rules);
    await stub.apply(who, { ...base, opId: ulid(), kind: 'coupon_grant', coupon: { id: `cp-${ulid()}`, templateId: 't', name: '券', expiresAt: now + DAY } }, rules);
    expect(await env.DB.prepare('SELECT next_expiry_at n FROM members WHERE id = ?').bind(m.id).first()).toEqual({ n: now + DAY });

    const later = now + 2 * DAY;
    await runScheduled(env, later);
    const day = businessDay(later - 2 * 3_600_000);
    const acct = await stub.account(later);
    expect(acct.balances.points).toBe(50);
    expect(acct.coupons.map((c) => c.status)).toEqual(['expired']);
    expect(acct.punchCards.map((c) => c.usesLeft)).toEqual([0]);
    const seq = acct.seq;
    const ledger = await stub.ledger(Number.MAX_SAFE_INTEGER, 1);
    expect(ledger[0]).toMatchObject({ opId: `expire:${day}`, kind: 'points_expire', pointsDelta: -300, punchDelta: -5, pointsAfter: 50 });
    expect(await env.DB.prepare('SELECT points, next_expiry_at n FROM members WHERE id = ?').bind(m.id).first()).toEqual({ points: 50, n: now + 365 * DAY });
    expect(await runRow(`expiry:${day}`)).toMatchObject({ status: 'done', failed: 0 });

    // Again the same night, a rerun, and the next night: nothing more.
    await runScheduled(env, later + 600_000);
    await runJob(env, 'expiry', day, later + 700_000, { rerun: true });
    await runScheduled(env, later + DAY);
    const again = await stub.account(later + DAY);
    expect([again.seq, again.balances.points, again.punchCards[0]!.usesLeft]).toEqual([seq, 50, 0]);
    expect(await runRow(`expiry:${day}`)).toMatchObject({ status: 'done', changed: 0 });
    expect(await stub.verify()).toMatchObject({ ok: true, points: 50 });
  });
});

describe('birthday coupons', () => {
  it('issues one coupon per member per year on the day, still when the job runs late, never twice', async () => {
    const D = businessDay(REAL_NOW + 10 * DAY);
    const shift = (n: number) => businessDay(periodStart(D) + n * DAY + 3_600_000);
    const tpl = `tpl-bday-${ulid()}`;
    await env.DB.prepare('INSERT INTO coupon_templates (id, doc, active, updated_at) VALUES (?, ?, 1, 0)')
      .bind(tpl, JSON.stringify({ id: tpl, name: '生日券', active: true, kind: 'cash', amountFen: 2_000, minSpendFen: 0, validity: { kind: 'days_after_issue', days: 30 }, categoryIds: null, storeIds: null })).run();
    await setRules({ tierReview: { ...DEFAULT_TIER_REVIEW, active: false }, birthdayCoupon: { active: true, templateId: tpl, daysBefore: 0, lateDays: 3 } });
    const bday = (d: string) => `1990-${d.slice(5)}`;
    const today = await member('bd', 'silver', { birthday: bday(D) });
    const twoDaysAgo = await member('bd', 'normal', { birthday: bday(shift(-2)) });
    const tomorrow = await member('bd', 'normal', { birthday: bday(shift(1)) });
    const tooLate = await member('bd', 'normal', { birthday: bday(shift(-5)) });
    const coupons = async (id: string, now: number) => (await accountStub(env, id).account(now)).coupons.filter((c) => c.templateId === tpl);
    const year = D.slice(0, 4);

    await runScheduled(env, at3(D));
    expect(await runRow(`birthday-coupons:${D}`)).toMatchObject({ status: 'done', failed: 0 });
    for (const m of [today, twoDaysAgo]) expect((await coupons(m.id, at3(D))).map((c) => c.id)).toEqual([`birthday:${year}:${m.id}`]);
    for (const m of [tomorrow, tooLate]) expect(await coupons(m.id, at3(D))).toEqual([]);

    // Twice the same day, a rerun, and late: the next days' runs issue only the member whose day came.
    await runScheduled(env, at3(D) + 3_600_000);
    await runJob(env, 'birthday-coupons', D, at3(D) + 7_200_000, { rerun: true });
    expect(await runRow(`birthday-coupons:${D}`)).toMatchObject({ status: 'done', changed: 0 });
    await runScheduled(env, at3(D) + DAY);
    await runScheduled(env, at3(D) + 2 * DAY);
    for (const m of [today, twoDaysAgo, tomorrow]) expect(await coupons(m.id, at3(D) + 2 * DAY)).toHaveLength(1);
    expect(await coupons(tooLate.id, at3(D) + 2 * DAY)).toEqual([]);
    // Across every member: one birthday op per member and year.
    expect(await count(`SELECT count(*) - count(DISTINCT member_id) n FROM account_ops WHERE op_id LIKE 'birthday:%'`)).toBe(0);
    expect(await count(`SELECT count(*) n FROM audit_log WHERE action = 'coupon.birthday' AND entity_id IN (?, ?, ?, ?)`, today.id, twoDaysAgo.id, tomorrow.id, tooLate.id)).toBe(3);
    await setRules({ birthdayCoupon: null });
  });
});

describe('HQ job log', () => {
  it('lists runs and reruns a period (HQ only, audited); bad names and periods are 400', async () => {
    // The fake clocks above purged the sessions: sign in again.
    const [hq, manager] = await Promise.all([loginAs('admin'), loginAs('manager1')]);
    const list = await api('/api/jobs?limit=100', { token: hq });
    expect(list.status).toBe(200);
    expect(list.json.runs.some((r: { job: string }) => r.job === 'tier-review')).toBe(true);
    expect((await api('/api/jobs', { token: manager })).status).toBe(403);
    const day = businessDay(Date.now() - 2 * 3_600_000);
    const rerun = await api('/api/jobs/expiry/run', { token: hq, body: { period: day } });
    expect(rerun.status).toBe(200);
    expect(rerun.json).toMatchObject({ finished: true, run: { id: `expiry:${day}`, triggeredBy: 'staff-admin' } });
    expect(await count(`SELECT count(*) n FROM audit_log WHERE action = 'job.run' AND entity_id = ?`, `expiry:${day}`)).toBe(1);
    expect((await api('/api/jobs/expiry/run', { token: manager, body: {} })).status).toBe(403);
    for (const [name, body] of [['expiry', { period: '2026-13-01' }], ['tier-review', { period: day }], ['expiry', { period: '2999-01-01' }], ['nope', {}], ['expiry', { period: day, extra: 1 }]] as const) {
      const r = await api(`/api/jobs/${name}/run`, { token: hq, body });
      expect([name, r.status, r.json.error?.code]).toEqual([name, 400, 'VALIDATION_FAILED']);
    }
  });
});
