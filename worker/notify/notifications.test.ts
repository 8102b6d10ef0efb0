import { env } from 'cloudflare:test';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES } from '../../shared/schemas/notifications';
import { currentPeriod } from '../jobs/periods';
import { runJob } from '../jobs/runner';
import { api, loginAs, memberLoginToken, seedChain } from '../test/fixtures';
import type { NotificationProvider, OutgoingMessage } from './provider';
import { BACKOFF_MS, sendDue } from './sender';

const DAY = 86_400_000, HOUR = 3_600_000;
const PRICE = 8900;
// Fake clocks, always after the rows were written: local (UTC+8) wall times on the days after today.
const localDay = Math.floor((Date.now() + 8 * HOUR) / DAY) * DAY - 8 * HOUR;
const at = (day: number, hour: number, min = 0) => localDay + day * DAY + hour * HOUR + min * 60_000;
let clerk: string, manager: string, hq: string;

async function newMember(o: { birthday?: string } = {}) {
  const id = `m-nt-${ulid()}`;
  const phone = `197${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  await env.DB.prepare(`INSERT INTO members (id, phone, name, gender, birthday, home_store_id, tier_code, card_no, status, joined_at, updated_at) VALUES (?, ?, '通知会员', 'female', ?, 'store-1', 'normal', ?, 'active', 0, 0)`)
    .bind(id, phone, o.birthday ?? null, `78${String(Math.floor(Math.random() * 1e10)).padStart(10, '0')}`).run();
  return { id, phone, token: await memberLoginToken(phone) };
}
const recharge = (id: string, body = { opId: ulid(), storeId: 'store-1', amountFen: 100_000, paidWith: 'cash' }) => api(`/api/members/${id}/recharge`, { token: clerk, body });
const sale = (memberId: string, id = ulid()) => ({ id, storeId: 'store-1', memberId, createdAt: Date.now(), lines: [{ productId: 'p-401', quantity: 1 }], tenders: [{ kind: 'stored_value', amountFen: PRICE }] });
const rows = async (memberId: string) =>
  (await env.DB.prepare('SELECT id, kind, channel, status, attempts, next_attempt_at, last_error, payload FROM notifications WHERE member_id = ? ORDER BY id').bind(memberId).all<Record<string, any>>()).results;
const recording = (fail?: string) => {
  const sent: OutgoingMessage[] = [];
  const provider: NotificationProvider = { async send(m) { sent.push(m); if (fail) throw new Error(fail); } };
  return { sent, provider };
};

beforeAll(async () => {
  await seedChain();
  [clerk, manager, hq] = (await Promise.all(['clerk1', 'manager1', 'admin'].map(loginAs))) as [string, string, string];
});

describe('money events', () => {
  it('a recharge, a sale and a freeze each notify once per channel, replays included, with amount, balance after and store', async () => {
    const m = await newMember();
    const body = { opId: ulid(), storeId: 'store-1', amountFen: 100_000, paidWith: 'cash' };
    for (let i = 0; i < 2; i++) expect((await recharge(m.id, body)).status).toBe(200);
    const order = sale(m.id);
    for (let i = 0; i < 2; i++) expect((await api('/api/orders', { token: clerk, body: order })).json).toMatchObject({ status: 'completed', replayed: i === 1 });
    expect((await api(`/api/members/${m.id}/freeze`, { token: clerk, body: { opId: ulid(), reason: '挂失' } })).status).toBe(200);
    const mine = await rows(m.id);
    expect(mine.map((r) => `${r.id.split(':')[0]}:${r.channel}:${r.status}`).sort()).toEqual(
      ['frozen:inbox:sent', 'frozen:sms:queued', 'recharge:inbox:sent', 'recharge:sms:queued', 'spend:inbox:sent', 'spend:sms:queued'],
    );
    expect(JSON.parse(mine.find((r) => r.id === `recharge:${body.opId}:inbox`)!.payload)).toMatchObject({ amountFen: 100_000, bonusFen: 20_000, balanceAfterFen: 120_000, storeId: 'store-1' });
    expect(JSON.parse(mine.find((r) => r.id === `spend:${order.id}:inbox`)!.payload)).toMatchObject({ amountFen: PRICE, balanceAfterFen: 120_000 - PRICE, storeId: 'store-1' });
    const inbox = await api('/api/me/notifications', { token: m.token });
    expect(inbox.json.unread).toBe(3);
    expect(inbox.json.items.map((i: any) => i.kind)).toEqual(['card_frozen', 'spend', 'recharge']);
    expect(inbox.json.items[1].body).toMatch(/天河1店.*¥89\.00.*¥1,111\.00/);
    expect(inbox.json.items[2].body).toContain('充值 ¥1,000.00，赠送 ¥200.00，储值余额 ¥1,200.00');
  });
});

describe('the sender', () => {
  it('retries a failing provider with backoff, then shows it failed to HQ; HQ’s retry sends it (audited)', async () => {
    const m = await newMember();
    const op = ulid();
    await recharge(m.id, { opId: op, storeId: 'store-1', amountFen: 50_000, paidWith: 'cash' });
    const id = `recharge:${op}:sms`;
    const row = async () => (await rows(m.id)).find((r) => r.id === id)!;
    const down = recording('gateway down');
    let t = at(1, 10);
    for (let attempt = 1; attempt <= 5; attempt++) {
      if (attempt > 1) await sendDue(env, t - 1, { provider: down.provider }); // just before it is due: not tried
      expect(down.sent.filter((s) => s.id === id)).toHaveLength(attempt - 1);
      await sendDue(env, t, { provider: down.provider });
      expect(down.sent.filter((s) => s.id === id)).toHaveLength(attempt);
      expect(await row()).toMatchObject({ attempts: attempt, status: attempt < 5 ? 'queued' : 'failed', last_error: 'gateway down' });
      if (attempt < 5) expect((await row()).next_attempt_at).toBe(t + BACKOFF_MS[attempt - 1]!);
      t += BACKOFF_MS[attempt - 1] ?? 0;
    }
    const failed = await api('/api/notifications?status=failed&limit=200', { token: hq });
    expect(failed.json.notifications.find((n: any) => n.id === id)).toMatchObject({ status: 'failed', attempts: 5, lastError: 'gateway down', memberId: m.id });
    expect((await api('/api/notifications?status=failed', { token: manager })).status).toBe(403);
    // Quiet hours off, so the retry goes now whatever the hour of the test run.
    expect((await api('/api/me/notification-preferences', { method: 'PUT', token: m.token, body: { ...DEFAULT_PREFERENCES, quietHours: null } })).json.quietHours).toBeNull();
    const retried = await api(`/api/notifications/${encodeURIComponent(id)}/retry`, { token: hq, body: {} });
    expect(retried.json).toMatchObject({ id, status: 'sent', attempts: 1 });
    const sms = await env.DB.prepare('SELECT body FROM dev_outbox WHERE recipient = ? ORDER BY id DESC LIMIT 1').bind(m.phone).first<{ body: string }>();
    expect(sms!.body).toMatch(/^【云卡会员】您在天河1店充值 ¥500\.00/);
    expect(await env.DB.prepare(`SELECT count(*) n FROM audit_log WHERE action = 'notification.retry' AND entity_id = ?`).bind(id).first('n')).toBe(1);
    expect((await api(`/api/notifications/${encodeURIComponent(id)}/retry`, { token: hq, body: {} })).status).toBe(409);
  });

  it('holds SMS through quiet hours (the inbox is not held) and sends when they end', async () => {
    const m = await newMember(); // default quiet hours 22:00–08:00
    const op = ulid();
    await recharge(m.id, { opId: op, storeId: 'store-1', amountFen: 10_000, paidWith: 'cash' });
    const ok = recording();
    await sendDue(env, at(2, 23), { provider: ok.provider });
    await sendDue(env, at(3, 7, 59), { provider: ok.provider });
    expect(ok.sent.filter((s) => s.to === m.phone)).toHaveLength(0);
    expect((await rows(m.id)).map((r) => [r.channel, r.status, r.next_attempt_at])).toContainEqual(['sms', 'queued', at(3, 8)]);
    expect((await rows(m.id)).find((r) => r.channel === 'inbox')!.status).toBe('sent');
    await sendDue(env, at(3, 8), { provider: ok.provider });
    expect(ok.sent.filter((s) => s.to === m.phone).map((s) => s.id)).toEqual([`recharge:${op}:sms`]);
    expect((await rows(m.id)).find((r) => r.channel === 'sms')!.status).toBe('sent');
  });

  it('preferences turn a channel off for a kind', async () => {
    const m = await newMember();
    const channels = { ...DEFAULT_PREFERENCES.channels, recharge: { inbox: true, sms: false }, spend: { inbox: false, sms: true } };
    expect((await api('/api/me/notification-preferences', { method: 'PUT', token: m.token, body: { ...DEFAULT_PREFERENCES, channels, locale: 'en' } })).status).toBe(200);
    expect((await api('/api/me/notification-preferences', { token: m.token })).json).toMatchObject({ channels: { recharge: { sms: false } }, locale: 'en' });
    await recharge(m.id);
    await api('/api/orders', { token: clerk, body: sale(m.id) });
    expect((await rows(m.id)).map((r) => `${r.kind}:${r.channel}`).sort()).toEqual(['recharge:inbox', 'spend:sms']);
    expect((await api('/api/me/notifications', { token: m.token })).json.items[0].body).toMatch(/^You topped up ¥1,000\.00/);
  });
});

describe('reminders and the inbox', () => {
  it('an expiry reminder job run twice notifies once per window; a birthday is greeted once', async () => {
    const now = at(1, 3);
    const period = currentPeriod('notify-reminders', now);
    const m = await newMember({ birthday: `1990-${period.slice(5)}` });
    const coupon = ulid();
    expect((await api(`/api/members/${m.id}/coupons`, { token: manager, body: { opId: coupon, templateId: 'ctpl-welcome-10', name: '补偿券', expiresAt: now + 20 * DAY } })).status).toBe(200);
    await runJob(env, 'notify-reminders', period, now);
    await runJob(env, 'notify-reminders', period, now + HOUR, { rerun: true });
    const later = at(14, 3);
    await runJob(env, 'notify-reminders', currentPeriod('notify-reminders', later), later);
    expect((await rows(m.id)).filter((r) => r.channel === 'inbox').map((r) => r.id).sort()).toEqual(
      [`birthday-greeting:${period.slice(0, 4)}:${m.id}:inbox`, `coupon-expiring:${m.id}:${coupon}:30d:inbox`, `coupon-expiring:${m.id}:${coupon}:7d:inbox`].sort(),
    );
  });

  it('a member sees and marks only their own inbox; staff have none', async () => {
    const [a, b] = [await newMember(), await newMember()];
    await recharge(a.id);
    await recharge(b.id);
    const pageA = (await api('/api/me/notifications', { token: a.token })).json;
    expect(pageA.items).toHaveLength(1);
    expect((await rows(a.id)).map((r) => r.id)).toContain(pageA.items[0].id);
    expect((await api('/api/me/notifications/read', { token: b.token, body: { ids: [pageA.items[0].id] } })).json.marked).toBe(0);
    expect((await api('/api/me/notifications', { token: a.token })).json.unread).toBe(1);
    expect((await api('/api/me/notifications/read', { token: a.token, body: { all: true } })).json.marked).toBe(1);
    expect((await api('/api/me/notifications?unread=1', { token: a.token })).json).toMatchObject({ items: [], unread: 0 });
    expect((await api('/api/me/notifications', { token: b.token })).json.unread).toBe(1);
    expect((await api('/api/me/notifications', { token: clerk })).status).toBe(403);
  });
});
