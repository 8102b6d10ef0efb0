import { env } from 'cloudflare:test';
import { ulid } from 'ulid';
import { DEMO_PASSWORD } from '../../scripts/seed/demo-catalog';
import { generateMemberKeyPair } from '../../shared/domain/member-code';
import { call as api } from './call';
import type { MutatorName } from '../../shared/sync/mutator-args';
import { but, V, type Verdicts } from './roles';
import type { As, RouteKey, RouteRow, Sample } from './sample';
import { freshCardNo, freshPhone, PRICE, type Funded, type World } from './world';
import { staffVerdicts } from './verdicts-staff';
import { membersVerdicts } from './verdicts-members';
import { catalogVerdicts } from './verdicts-catalog';
import { rulesVerdicts } from './verdicts-rules';
import { inventoryVerdicts } from './verdicts-inventory';
import { reportsVerdicts } from './verdicts-reports';
import { reportsMembersVerdicts } from './verdicts-reports-members';
import { reportRollupsVerdicts } from './verdicts-report-rollups';

const DAY = 86_400_000;
const subject = (w: World): Sample['params'] => ({ id: w.subject.id });
const at = (as: As) => as.storeId;
const line = [{ productId: 'p-401', quantity: 1 }];
let alertDays = 0; // a day of its own for each sample alert (one alert per kind, day and store)

/** A member's one-time code, fetched from the dev outbox as a phone would read it. */
async function otpFor(phone: string): Promise<string> {
  await env.DB.prepare('DELETE FROM otp_codes WHERE phone = ?').bind(phone).run();
  await api('/api/auth/member/otp', { body: { phone } });
  const msg = await env.DB.prepare('SELECT body FROM dev_outbox WHERE recipient = ? ORDER BY id DESC LIMIT 1').bind(phone).first<{ body: string }>();
  return /\d{6}/.exec(msg?.body ?? '')?.[0] ?? '000000';
}

const RESTORE_NOTE = 'no session opens it, HQ’s neither: only x-restore-token, and RESTORE_TOKEN is unset outside a restore';
const BACKUP_ID = 'a'.repeat(64);

/** The subject's backed-up state, as HQ's export gives it: a well-formed restore body. */
async function snapshotOf(w: World): Promise<unknown> {
  const page = await api(`/api/backup/members?run=${ulid()}&limit=100`, { token: w.tokens.hq });
  return (page.json as { members: { snapshot: unknown }[] }).members.find((m) => m.snapshot !== null);
}

/**
 * Every route of `app.routes` (middleware `ALL` entries aside) with a sample request against a
 * store-1 subject and the verdict for each role (roles.ts). Rules: decisions 002 (who sees and
 * changes which members), 013 (approvals), 015 (tablets), 018 (public sign-in routes).
 * worker/rbac.test.ts fails on a route without a row, and on a row without a route.
 */
export const routeVerdicts: Record<RouteKey, RouteRow> = {
  // ── public: health, sign-in, docs, dev tools (development only), the three apps ──
  'GET /api/health': { verdicts: V.PUBLIC, sample: () => ({}) },
  'POST /api/auth/login': { verdicts: V.PUBLIC, sample: () => ({ body: { username: 'clerk3b', password: DEMO_PASSWORD } }) },
  'POST /api/auth/logout': { verdicts: V.PUBLIC, note: 'a fresh session, so the shared one survives', sample: () => ({ fresh: true }) },
  'POST /api/auth/member/otp': { verdicts: V.PUBLIC, sample: () => ({ body: { phone: freshPhone() } }) },
  'POST /api/auth/member/login': { verdicts: V.PUBLIC, serial: true, note: 'one phone, one code at a time', sample: async (w) => ({ body: { phone: w.probe.phone, code: await otpFor(w.probe.phone) } }) },
  'GET /api/dev/outbox': { verdicts: V.PUBLIC, note: 'ENVIRONMENT=development only (404 elsewhere)', sample: () => ({}) },
  'POST /api/dev/bench/noop': { verdicts: V.PUBLIC, sample: () => ({}) },
  'POST /api/dev/bench/baseline/:key': { verdicts: V.PUBLIC, sample: () => ({ params: { key: `rbac-${ulid()}` } }) },
  'POST /api/dev/client-groups/:key/forget': { verdicts: V.PUBLIC, sample: () => ({ params: { key: `g-${ulid()}` } }) },
  'GET /api/dev/outbox/page': { verdicts: V.PUBLIC, sample: () => ({}) },
  'GET /api/openapi.json': { verdicts: V.PUBLIC, sample: () => ({}) },
  'GET /api/docs': { verdicts: V.PUBLIC, sample: () => ({}) },
  'GET /clerk': { verdicts: V.PUBLIC, note: '301 to /clerk/', sample: () => ({}) },
  'GET /clerk/*': { verdicts: V.PUBLIC, sample: () => ({ url: '/clerk/checkout' }) },
  'GET /member': { verdicts: V.PUBLIC, sample: () => ({}) },
  'GET /member/*': { verdicts: V.PUBLIC, sample: () => ({ url: '/member/card' }) },
  'GET /hq': { verdicts: V.PUBLIC, sample: () => ({}) },
  'GET /hq/*': { verdicts: V.PUBLIC, sample: () => ({ url: '/hq/' }) },

  // ── me: the caller about themself ──
  'GET /api/me': { verdicts: V.SIGNED_IN, sample: () => ({}) },
  'PUT /api/me/qr-key': { verdicts: V.MEMBERS, sample: () => ({ body: { publicKey: generateMemberKeyPair().publicKey } }) },
  'PUT /api/me/password': {
    verdicts: V.STAFF, note: 'the old hash is put back after an allowed change (the API refuses the 8-character demo password as a new one)',
    sample: () => ({ body: { currentPassword: DEMO_PASSWORD, newPassword: `rbac-${ulid()}` } }),
    after: async (w, as, status) => {
      if (status !== 200) return;
      const me = await api('/api/me', { token: as.token ?? undefined });
      const id = (me.json as { user: { id: string } }).user.id;
      await env.DB.prepare('UPDATE staff SET password_hash = ? WHERE id = ?').bind(w.passwordHashes.get(id) ?? '', id).run();
    },
  },
  'PUT /api/me/pin': { verdicts: V.MANAGERS, note: 'clerks have no PIN (decision 013)', sample: (_w, as) => ({ body: { password: DEMO_PASSWORD, pin: as.role === 'hq' ? '246810' : '135790' } }) },

  // ── stores, tiers, rules ──
  'GET /api/stores': { verdicts: V.SIGNED_IN, note: 'members get the open-store directory', sample: () => ({}) },
  'GET /api/stores/:id': { verdicts: V.STORE1, sample: () => ({ params: { id: 'store-1' } }) },
  'GET /api/tiers': { verdicts: V.SIGNED_IN, sample: () => ({}) },
  'GET /api/rules': { verdicts: V.STAFF, sample: () => ({}) },
  'PUT /api/rules': { verdicts: V.HQ, note: 'the same rules back', sample: (w) => ({ body: w.rules }) },

  // ── members: browse, identify, record (decision 002) ──
  'GET /api/members': { verdicts: V.STAFF, note: 'any staff identifies by full phone; browsing is scoped', sample: (w) => ({ query: { q: w.subject.phone } }) },
  'POST /api/members': { verdicts: V.STORE1, note: 'registered with home store 1', sample: () => ({ body: { id: ulid(), phone: freshPhone(), name: '矩阵新会员', homeStoreId: 'store-1', createdAt: Date.now() } }) },
  'GET /api/members/:id': { verdicts: but(V.STORE1, { member: 'allow' }), sample: (w) => ({ params: subject(w) }) },
  'PATCH /api/members/:id': { verdicts: V.STORE1, sample: (w) => ({ params: subject(w), body: { opId: ulid(), name: `矩阵${ulid().slice(-4)}` } }) },
  'GET /api/members/:id/photo': { verdicts: but(V.STORE1, { member: 'allow' }), sample: (w) => ({ params: subject(w) }) },
  'PUT /api/members/:id/photo': { verdicts: V.STORE1, sample: (w) => ({ params: subject(w), body: { dataUrl: 'data:image/jpeg;base64,/9j/4AAQSkZJRg==' } }) },

  // ── the member's account (decision 002: what they can spend any store reads; history is the record's) ──
  'GET /api/members/:id/account': { verdicts: but(V.STAFF, { member: 'allow' }), sample: (w) => ({ params: subject(w) }) },
  'GET /api/members/:id/ledger': { verdicts: but(V.STORE1, { member: 'allow' }), sample: (w) => ({ params: subject(w), query: { limit: '5' } }) },
  'GET /api/members/:id/ledger/verify': { verdicts: but(V.STORE1, { member: 'allow' }), sample: (w) => ({ params: subject(w) }) },
  'POST /api/members/:id/recharge': { verdicts: V.STAFF, note: 'at the caller’s own store', sample: (w, as) => ({ params: subject(w), body: { opId: ulid(), storeId: at(as), amountFen: 1_000, paidWith: 'cash' } }) },
  'POST /api/members/:id/punch-cards': { verdicts: V.STAFF, note: 'at the caller’s own store', sample: (w, as) => ({ params: subject(w), body: { opId: ulid(), storeId: at(as), productId: 'p-401', uses: 2, priceFen: 2 * PRICE, paidWith: 'cash' } }) },
  'GET /api/members/:id/refund-preview': {
    verdicts: V.STORE1, note: 'shows what a store-1 sale would give back: the record rule (and the refund rule) keep store 2 out',
    sample: (w) => ({ params: subject(w), query: { refundOf: w.saleId, amountFen: '100' } }),
  },
  'POST /api/members/:id/refund': {
    verdicts: V.STORE1_MANAGER, note: 'clerks need a manager’s approval (013); a store-1 sale is refunded at store 1 or by HQ, as a walk-in sale is',
    sample: (w, as) => ({ params: subject(w), body: { opId: ulid(), storeId: at(as), refundOf: w.saleId, amountFen: 1 } }),
  },
  'POST /api/members/:id/points/adjust': { verdicts: V.HQ, sample: (w) => ({ params: subject(w), body: { opId: ulid(), delta: 10, reason: '矩阵测试' } }) },
  'POST /api/members/:id/freeze': {
    verdicts: but(V.STORE1, { member: 'allow' }), note: 'unfrozen by HQ first, so an allowed freeze has something to do', serial: true,
    sample: async (w) => {
      await api(`/api/members/${w.subject.id}/unfreeze`, { token: w.tokens.hq!, body: { opId: ulid() } });
      return { params: subject(w), body: { opId: ulid(), reason: '挂失' } };
    },
  },
  'POST /api/members/:id/unfreeze': {
    verdicts: V.STORE1_MANAGER, note: 'frozen by HQ first, so an allowed unfreeze has something to do', serial: true,
    sample: async (w) => {
      await api(`/api/members/${w.subject.id}/freeze`, { token: w.tokens.hq!, body: { opId: ulid(), reason: '挂失' } });
      return { params: subject(w), body: { opId: ulid() } };
    },
  },
  'POST /api/members/:id/replace-card': { verdicts: V.STORE1, sample: (w) => ({ params: subject(w), body: { opId: ulid(), newCardNo: freshCardNo() } }) },
  'POST /api/members/:id/coupons': { verdicts: V.STORE1_MANAGER, sample: (w) => ({ params: subject(w), body: { opId: ulid(), templateId: 'ctpl-welcome-10', name: '补偿券', expiresAt: Date.now() + 7 * DAY } }) },

  // ── sales ──
  'POST /api/orders': { verdicts: V.STAFF, note: 'sold at the caller’s own store', sample: (w, as) => ({ body: { id: ulid(), storeId: at(as), memberId: w.subject.id, createdAt: Date.now(), lines: line, tenders: [{ kind: 'cash', amountFen: PRICE }] } }) },
  'POST /api/orders/:id/refund': {
    verdicts: V.STORE1_MANAGER, note: 'the subject’s store-1 sale, refunded "at" the caller’s store: as POST /api/members/:id/refund',
    sample: (w, as) => ({ params: { id: w.saleId }, body: { opId: ulid(), storeId: at(as), amountFen: 1 } }),
  },
  'POST /api/payments/charge': { verdicts: V.STORE1, sample: () => ({ body: { paymentId: ulid(), orderId: ulid(), storeId: 'store-1', kind: 'wechat', amountFen: 100, authCode: '134567890123456789' } }) },
  'GET /api/payments/setup': { verdicts: V.STAFF, sample: () => ({}) },
  'POST /api/imports/opening-balances': { verdicts: V.HQ, sample: () => ({ query: { limit: '1' } }) },

  // ── stock ──
  'POST /api/inventory/adjustments': { verdicts: V.STORE1, sample: () => ({ body: { id: ulid(), storeId: 'store-1', productId: 'p-401', delta: 1, reason: 'receive', createdAt: Date.now() } }) },
  'GET /api/inventory/:storeId/:productId': { verdicts: V.STORE1, sample: () => ({ params: { storeId: 'store-1', productId: 'p-401' } }) },

  // ── promotions: HQ writes, stores read ──
  'GET /api/promotions/campaigns': { verdicts: V.STAFF, sample: () => ({}) },
  'PUT /api/promotions/campaigns/:id': {
    verdicts: V.HQ, note: 'inactive, so no later sale is priced differently',
    sample: () => {
      const id = `cmp-rbac-${ulid()}`;
      return { params: { id }, body: { id, name: '矩阵活动', kind: 'percent_off', discountBp: 9_000, categoryIds: null, storeIds: ['store-1'], startsAt: Date.now(), endsAt: Date.now() + DAY, active: false } };
    },
  },
  'GET /api/promotions/coupon-templates': { verdicts: V.STAFF, sample: () => ({}) },
  'PUT /api/promotions/coupon-templates/:id': {
    verdicts: V.HQ,
    sample: () => {
      const id = `ctpl-rbac-${ulid()}`;
      return { params: { id }, body: { id, name: '矩阵券', kind: 'cash', amountFen: 500, active: false, validity: { kind: 'days_after_issue', days: 7 } } };
    },
  },

  // ── tills ──
  'POST /api/shifts': { verdicts: but(V.STAFF, { hq: 'deny' }), note: 'HQ belongs to no store, so has no till (FORBIDDEN by design)', sample: () => ({ body: { id: ulid(), openingCashFen: 5_000 } }) },
  'GET /api/shifts/current': { verdicts: V.STAFF, sample: () => ({}) },
  'GET /api/shifts': { verdicts: V.STORE1_MANAGER, sample: () => ({ query: { storeId: 'store-1' } }) },
  'POST /api/shifts/:id/close': { verdicts: V.STORE1_MANAGER, note: 'clerk1b’s shift: a clerk closes only their own', sample: (w) => ({ params: { id: w.shiftId }, body: { countedCashFen: 10_000 } }) },

  // ── tablets (decision 015) ──
  'POST /api/devices': { verdicts: V.STORE1_MANAGER, sample: () => ({ body: { storeId: 'store-1', name: '矩阵新机' } }) },
  'GET /api/devices': { verdicts: V.STAFF, note: 'each sees their own store’s', sample: () => ({}) },
  'GET /api/devices/current': {
    verdicts: but(V.STORE1, { clerk2: 'hidden', manager2: 'hidden' }), note: 'a store-1 tablet’s credential: another store is told it is no tablet of theirs',
    sample: (w) => ({ headers: { 'x-device': w.tablet['store-1'] } }),
  },
  'POST /api/devices/:id/retire': { verdicts: V.HQ, sample: (w) => ({ params: { id: w.retireDeviceId }, body: { reason: 'lost at the counter' } }) },

  // ── sync (decision 009): mutations carry their own checks (mutator-verdicts.ts) ──
  'POST /api/replicache/push': { verdicts: V.SIGNED_IN, note: 'an empty push to a new group', sample: () => ({ body: { pushVersion: 1, clientGroupID: `g-${ulid()}`, mutations: [], profileID: 'p', schemaVersion: '1' } }) },
  'POST /api/replicache/pull': { verdicts: V.SIGNED_IN, sample: () => ({ body: { pullVersion: 1, clientGroupID: `g-${ulid()}`, cookie: null, profileID: 'p', schemaVersion: '1' } }) },
  'GET /api/replicache/poke': { verdicts: V.SIGNED_IN, note: 'not a WebSocket: 400 once signed in', sample: () => ({}) },

  // ── backup and restore (decision 017): export is HQ's; restore takes no session at all ──
  'GET /api/backup/manifest': { verdicts: V.HQ, sample: () => ({ query: { run: ulid() } }) },
  'GET /api/backup/tables/:table': { verdicts: V.HQ, sample: () => ({ params: { table: 'stores' }, query: { run: ulid(), limit: '5' } }) },
  'GET /api/backup/members': { verdicts: V.HQ, sample: () => ({ query: { run: ulid(), limit: '1' } }) },
  'POST /api/backup/restore/begin': { verdicts: V.NOBODY, note: RESTORE_NOTE, sample: () => ({ body: { backupId: BACKUP_ID, migrations: [], createdAt: Date.now() } }) },
  'POST /api/backup/restore/rows': { verdicts: V.NOBODY, note: RESTORE_NOTE, sample: () => ({ body: { backupId: BACKUP_ID, table: 'stores', columns: ['id'], rows: [] } }) },
  'POST /api/backup/restore/members': { verdicts: V.NOBODY, note: RESTORE_NOTE, sample: async (w) => ({ body: { backupId: BACKUP_ID, members: [await snapshotOf(w)] } }) },
  'POST /api/backup/restore/finish': { verdicts: V.NOBODY, note: RESTORE_NOTE, sample: () => ({ body: { backupId: BACKUP_ID, rows: {}, members: 0 } }) },

  // ── scheduled jobs (decision 019): the job log and reruns are HQ's ──
  'GET /api/jobs': { verdicts: V.HQ, sample: () => ({ query: { limit: '10' } }) },
  'POST /api/jobs/:name/run': { verdicts: V.HQ, note: 'birthday coupons: off in the test chain’s rules, so a rerun changes nothing', sample: () => ({ params: { name: 'birthday-coupons' }, body: {} }) },
  // Staff alerts from the jobs (low stock, rollup mismatches): a store's manager reads and resolves their own store's, HQ any.
  'GET /api/alerts': { verdicts: V.MANAGERS, note: 'a manager sees their own store’s; clerks do not read alerts', sample: () => ({ query: { limit: '10' } }) },
  'POST /api/alerts/:id/resolve': {
    verdicts: V.STORE1_MANAGER, note: 'a fresh store-1 alert per request (another store’s manager is refused, clerks always)',
    sample: async () => {
      const id = `low-stock:${new Date(Date.UTC(2000, 0, 1) + ++alertDays * DAY).toISOString().slice(0, 10)}:store-1`;
      await env.DB.prepare(`INSERT INTO staff_alerts (id, store_id, kind, detail, created_at) VALUES (?, 'store-1', 'low-stock', '[]', 0)`).bind(id).run();
      return { params: { id } };
    },
  },

  // ── notifications (decision 020): a member's own inbox and preferences; the outbox and its retries are HQ's ──
  'GET /api/me/notifications': { verdicts: V.MEMBERS, sample: () => ({ query: { limit: '10' } }) },
  'POST /api/me/notifications/read': { verdicts: V.MEMBERS, sample: () => ({ body: { all: true } }) },
  'GET /api/me/notification-preferences': { verdicts: V.MEMBERS, sample: () => ({}) },
  'PUT /api/me/notification-preferences': {
    verdicts: V.MEMBERS, note: 'the defaults, so no later request is held or silenced',
    sample: () => ({ body: { channels: Object.fromEntries(['spend', 'recharge', 'points_expiring', 'punch_expiring', 'coupon_expiring', 'birthday', 'tier_change', 'card_frozen'].map((k) => [k, { inbox: true, sms: ['spend', 'recharge', 'card_frozen'].includes(k) }])), quietHours: { start: '22:00', end: '08:00' }, locale: 'zh-CN' } }),
  },
  'GET /api/notifications': { verdicts: V.HQ, note: 'HQ only, managers neither: failures are a chain-wide matter', sample: () => ({ query: { status: 'failed', limit: '10' } }) },
  'POST /api/notifications/:id/retry': { verdicts: V.HQ, note: 'no such notification: HQ is answered 404 past authorization', sample: () => ({ params: { id: `rbac-${ulid()}:sms` } }) },

  // ── 积分兑换 (decision 021): HQ's catalogue; members redeem their own points; a store hands goods over ──
  'GET /api/rewards': { verdicts: V.SIGNED_IN, sample: () => ({}) },
  'PUT /api/rewards/:id': {
    verdicts: V.HQ, note: 'an inactive reward, so no member sees it',
    sample: () => ({ params: { id: 'rw-rbac' }, body: { id: 'rw-rbac', name: '矩阵兑换', kind: 'coupon', pointsCost: 100, couponTemplateId: 'ctpl-welcome-10', active: false } }),
  },
  'POST /api/redemptions': { verdicts: V.MEMBERS, note: 'no such reward: a member is answered 404 past authorization', sample: () => ({ body: { redemptionId: ulid(), rewardId: 'rw-missing' } }) },
  'GET /api/redemptions': { verdicts: but(V.MEMBERS, { hq: 'allow' }), note: 'a store’s staff look one up by pickup code only', sample: () => ({ query: { limit: '10' } }) },
  'GET /api/me/profile': { verdicts: V.MEMBERS, sample: () => ({}) },
  'PUT /api/me/profile': {
    verdicts: V.MEMBERS, note: 'the caller’s own profile as it is (birthday left as the card has it)',
    sample: async (w, as) => {
      const id = as.role === 'member' ? w.subject.id : w.other.id;
      const m = await env.DB.prepare('SELECT name, birthday FROM members WHERE id = ?').bind(id).first<{ name: string; birthday: string | null }>();
      return { body: { name: m?.name ?? '会员', birthday: m?.birthday ?? null, interests: ['美发'] } };
    },
  },
  'POST /api/ratings': { verdicts: V.MEMBERS, note: 'another’s order: a member is answered 404 past authorization', sample: () => ({ body: { orderId: `rbac-${ulid()}`, score: 5 } }) },
  'GET /api/ratings': { verdicts: but(V.MANAGERS, { member: 'allow', otherMember: 'allow' }), note: 'clerks do not read ratings; a manager reads their own store’s', sample: () => ({ query: { limit: '10' } }) },
  ...staffVerdicts,
  ...membersVerdicts,
  ...catalogVerdicts,
  ...rulesVerdicts,
  ...inventoryVerdicts,
  ...reportsVerdicts,
  ...reportsMembersVerdicts,
  ...reportRollupsVerdicts,
  'POST /api/redemptions/:id/collect': { verdicts: V.STORE1, note: 'no such redemption: 404 past authorization', sample: () => ({ params: { id: ulid() }, body: { storeId: 'store-1' } }) },
};

/**
 * The tablets' mutators (shared/sync/mutators.ts). `local`: what `checkMutation` decides on the
 * tablet and again on the server (staff and store only); `server`: the end of a push — the server
 * also checks what needs its data (member scope, the tablet's registration, the sale's store).
 * `deny` on the server is a refusal recorded with code FORBIDDEN; `allow` is anything else. `none`
 * has no session: its push is a 401. Each role's push gets its own funded store-1 member (`f`).
 */
export type MutatorRow = { args: (w: World, as: As, f: Funded) => unknown; local: Verdicts; server: Verdicts; note?: string };

const staffAndStore = { local: V.STAFF, server: V.STAFF };
export const mutatorVerdicts: Record<MutatorName, MutatorRow> = {
  checkout: { ...staffAndStore, args: (_w, as, f) => ({ id: ulid(), storeId: at(as), memberId: f.person.id, createdAt: Date.now(), lines: line, tenders: [{ kind: 'cash', amountFen: PRICE }] }) },
  recharge: { ...staffAndStore, args: (_w, as, f) => ({ memberId: f.person.id, opId: ulid(), storeId: at(as), amountFen: 1_000, paidWith: 'cash' }) },
  registerMember: { local: V.STORE1, server: V.STORE1, args: () => ({ id: ulid(), phone: freshPhone(), name: '同步新会员', homeStoreId: 'store-1', createdAt: Date.now() }) },
  updateMember: { local: V.STAFF, server: V.STORE1, note: 'member scope is the server’s check', args: (_w, _as, f) => ({ id: f.person.id, opId: ulid(), name: `同步${ulid().slice(-4)}` }) },
  sellPunchCard: { ...staffAndStore, args: (_w, as, f) => ({ memberId: f.person.id, opId: ulid(), storeId: at(as), productId: 'p-401', uses: 2, priceFen: 2 * PRICE, paidWith: 'cash' }) },
  redeemPunch: { ...staffAndStore, args: (_w, as, f) => ({ id: ulid(), storeId: at(as), memberId: f.person.id, cardId: f.punchCardId, productId: 'p-401', uses: 1, createdAt: Date.now() }) },
  refundOrder: {
    local: V.MANAGERS, server: V.STORE1_MANAGER, note: 'a store-1 sale "refunded at" the caller’s store: clerks need approval; the sale’s store is the server’s check',
    args: (_w, as, f) => ({ opId: ulid(), storeId: at(as), refundOf: f.saleId, amountFen: 1, memberId: f.person.id }),
  },
  reportCardLoss: { local: V.STAFF, server: V.STORE1, note: 'decision 002: only a serving store or HQ freezes', args: (_w, _as, f) => ({ opId: ulid(), memberId: f.person.id, reason: '挂失' }) },
  adjustInventory: { local: V.STORE1, server: V.STORE1, args: () => ({ id: ulid(), storeId: 'store-1', productId: 'p-401', delta: 1, reason: 'receive', createdAt: Date.now() }) },
  renewAllowances: { local: V.STAFF, server: but(V.STAFF, { hq: 'deny' }), note: 'the server wants a registered tablet of that store; HQ runs none', args: (_w, as) => ({ id: ulid(), storeId: at(as), at: Date.now() }) },
  releaseAllowances: { local: V.STAFF, server: but(V.STAFF, { hq: 'deny' }), note: 'as renewAllowances', args: (_w, as) => ({ id: ulid(), storeId: at(as), leaseIds: ['lease-none-0000'] }) },
};
