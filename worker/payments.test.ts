import { env } from 'cloudflare:test';
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, loginAs, seedChain } from './test/fixtures';

let clerk1: string, clerk2: string;
const WECHAT_CODE = '134567890123456789';
const ALIPAY_CODE = '284567890123456789';
const body = (over: Record<string, unknown> = {}) => ({ paymentId: ulid(), orderId: ulid(), storeId: 'store-1', kind: 'wechat', amountFen: 8_900, authCode: WECHAT_CODE, ...over });
const charges = (paymentId: string) => env.DB.prepare('SELECT count(*) n FROM payment_charges WHERE payment_id = ?').bind(paymentId).first<{ n: number }>();

beforeAll(async () => {
  await seedChain();
  [clerk1, clerk2] = await Promise.all([loginAs('clerk1'), loginAs('clerk2')]);
});

describe('charging a customer’s payment code', () => {
  it('the counter learns which tenders a provider takes', async () => {
    const r = await api('/api/payments/setup', { token: clerk1 });
    expect(r.json).toEqual({ wechat: 'sandbox', alipay: 'sandbox', bank_card: 'manual' });
  });

  it('pays once: a repeat answers the first result, a repeat with another amount is refused', async () => {
    const b = body();
    const first = await api('/api/payments/charge', { token: clerk1, body: b });
    expect(first.json).toMatchObject({ status: 'paid', reference: `SBX${b.paymentId}`, replayed: false });
    expect((await api('/api/payments/charge', { token: clerk1, body: b })).json).toMatchObject({ status: 'paid', reference: first.json.reference, replayed: true });
    const other = await api('/api/payments/charge', { token: clerk1, body: { ...b, amountFen: 1 } });
    expect([other.status, other.json.error.code]).toEqual([409, 'IDEMPOTENCY_MISMATCH']);
    expect((await charges(b.paymentId))!.n).toBe(1);
  });

  it('a code of the wrong wallet is declined (an answer, recorded), bad input and other stores are refused', async () => {
    const declined = await api('/api/payments/charge', { token: clerk1, body: body({ authCode: ALIPAY_CODE }) });
    expect([declined.status, declined.json.status, declined.json.reason]).toEqual([200, 'declined', 'not a WeChat payment code']);
    expect((await api('/api/payments/charge', { token: clerk1, body: body({ kind: 'alipay', authCode: ALIPAY_CODE }) })).json.status).toBe('paid');
    const bad = await api('/api/payments/charge', { token: clerk1, body: body({ authCode: '12ab' }) });
    expect([bad.status, bad.json.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await api('/api/payments/charge', { token: clerk2, body: body() })).status).toBe(403);
    const manual = await api('/api/payments/charge', { token: clerk1, body: body({ kind: 'bank_card' }) });
    expect([manual.status, manual.json.error.code]).toEqual([404, 'NOT_AVAILABLE']);
  });
});
