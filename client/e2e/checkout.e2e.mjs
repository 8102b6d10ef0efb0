// The counter: ring up, split payment, done screen; offline and refused sales. Run by client/e2e/run.ts.
import { ulid } from 'ulid';
import { api, assert, open, scanWedge, staffSignIn, staffToken, TABLET, text } from './helpers.mjs';

/** Signs the clerk in and waits until the tablet holds its store's catalog. */
async function openCounter(ctx, username = ctx.demo.clerkUser) {
  const page = await open(ctx, '/clerk/', TABLET);
  await staffSignIn(page, username, ctx.demo.password);
  await page.getByTestId('product-tile').first().waitFor();
  return page;
}

async function identify(page, phone) {
  await page.getByTestId('counter-member-search').fill(phone);
  await page.getByTestId('counter-member-search').press('Enter');
  await page.getByTestId('counter-member-name').waitFor();
}

async function addProduct(page, query) {
  await page.getByTestId('product-search').fill(query);
  await page.getByTestId('product-tile').first().click();
  await page.getByTestId('product-search').fill('');
}

/** A new member of clerk1's store (store-1) with exactly `fen` on the card. */
async function freshMember(ctx, token, amountFen) {
  const id = ulid();
  const phone = `139${String(Date.now()).slice(-8)}`;
  await api(ctx, '/api/members', { token, body: { id, phone, name: `测试${phone.slice(-4)}`, homeStoreId: 'store-1', createdAt: Date.now() } });
  if (amountFen > 0) await api(ctx, `/api/members/${id}/recharge`, { token, body: { opId: ulid(), storeId: 'store-1', amountFen, paidWith: 'cash' } });
  return { id, phone };
}

async function ledger(ctx, token, memberId) {
  return (await api(ctx, `/api/members/${memberId}/ledger?limit=100`, { token })).entries;
}

const fen = (s) => Math.round(Number(s.replace(/[¥,]/g, '')) * 100);

/** A member of clerk1's store with enough on the card for a small sale. */
async function memberWithBalance(ctx, token) {
  const { members } = await api(ctx, '/api/members?limit=50', { token });
  const m = members.find((x) => x.status === 'active' && x.principalFen + x.bonusFen >= 5_000);
  assert(m, 'no member of this store with ¥50 on the card');
  return m;
}

export const tests = [
  {
    name: 'Checkout: a member pays part by stored value, part in cash with change; the done screen shows it settled',
    async run(ctx) {
      const token = await staffToken(ctx, ctx.demo.clerkUser);
      const m = await memberWithBalance(ctx, token);
      const page = await openCounter(ctx);
      await identify(page, m.phone);
      await ctx.screenshot(page, 'counter-member');
      await addProduct(page, '洗发水');
      await addProduct(page, '洗发水');
      const total = fen(await text(page.getByTestId('cart-total')));
      assert(total > 3_000, `total ${total}`);
      await ctx.screenshot(page, 'counter-cart');
      await page.getByTestId('pay').click();
      await page.getByTestId('tender-stored_value').click();
      await page.getByTestId('tender-amount').fill('30');
      await page.getByTestId('tender-add').click();
      await page.getByTestId('tender-cash').click();
      const left = total - 3_000;
      const handed = Math.ceil(left / 10_000) * 10_000;
      await page.getByTestId('tender-amount').fill(String(handed / 100));
      await page.getByTestId('tender-add').click();
      assert(fen(await text(page.getByTestId('change-due'))) === handed - left, 'change due is wrong');
      await ctx.screenshot(page, 'counter-pay');
      await page.getByTestId('pay-confirm').click();
      await page.getByTestId('sale-done').waitFor();
      await page.waitForSelector('[data-testid="sale-done"][data-status="completed"]');
      await ctx.screenshot(page, 'counter-done');
      const after = (await api(ctx, `/api/members/${m.id}`, { token }));
      assert(after.principalFen + after.bonusFen === m.principalFen + m.bonusFen - 3_000, `balance after ${after.principalFen + after.bonusFen}`);
    },
  },
  {
    name: 'Checkout offline: the sale is done at the counter, then synced once when the network is back',
    async run(ctx) {
      const token = await staffToken(ctx, ctx.demo.clerkUser);
      const m = await freshMember(ctx, token, 0);
      const page = await openCounter(ctx);
      await identify(page, m.phone);
      await page.context().setOffline(true);
      await page.getByTestId('online-status').filter({ hasText: '离线' }).waitFor();
      await addProduct(page, '控油洗发水');
      await page.getByTestId('pay').click();
      await page.getByTestId('tender-cash').click();
      await page.getByTestId('tender-add').click();
      await page.getByTestId('pay-confirm').click();
      await page.waitForSelector('[data-testid="sale-done"][data-status="pending"]');
      // The top bar counts it as waiting to sync.
      await page.waitForSelector('[data-testid="sync-pending"][data-pending="1"]');
      await ctx.screenshot(page, 'counter-offline-done');
      await page.context().setOffline(false);
      await page.waitForSelector('[data-testid="sale-done"][data-status="completed"]', { timeout: 30_000 });
      const entries = (await ledger(ctx, token, m.id)).filter((e) => e.kind === 'settle');
      assert(entries.length === 1, `${entries.length} settlements in the ledger`);
      assert(entries[0].pointsDelta > 0 && entries[0].principalDelta === 0, `settled ${JSON.stringify(entries[0])}`);
    },
  },
  {
    name: 'Checkout refused: points spent offline were spent first at another branch; this clerk sees the sale refused, with the reason',
    async run(ctx) {
      const token = await staffToken(ctx, ctx.demo.clerkUser);
      const hq = await staffToken(ctx, 'admin');
      const m = await freshMember(ctx, token, 0);
      await api(ctx, `/api/members/${m.id}/points/adjust`, { token: hq, body: { opId: ulid(), delta: 500, reason: '活动赠送' } });
      const page = await openCounter(ctx);
      await identify(page, m.phone);
      await page.waitForFunction(() => document.querySelector('[data-testid="counter-member"]')?.textContent?.includes('500'));
      await page.context().setOffline(true);
      await page.getByTestId('online-status').filter({ hasText: '离线' }).waitFor();
      await addProduct(page, '控油洗发水');
      await page.getByTestId('pay').click();
      await page.getByTestId('tender-points').click();
      await page.getByTestId('tender-add').click();
      await page.getByTestId('tender-cash').click();
      await page.getByTestId('tender-add').click();
      await page.getByTestId('pay-confirm').click();
      await page.waitForSelector('[data-testid="sale-done"][data-status="pending"]');
      // Meanwhile, at another branch, the same points pay for the same thing online.
      const other = await staffToken(ctx, 'clerk2');
      await api(ctx, '/api/orders', { token: other, body: { id: ulid(), storeId: 'store-2', memberId: m.id, createdAt: Date.now(), lines: [{ productId: 'p-401', quantity: 1 }], tenders: [{ kind: 'points', points: 500, amountFen: 500 }, { kind: 'cash', amountFen: 8_400, reference: '' }] } });
      await page.context().setOffline(false);
      await page.waitForSelector('[data-testid="sale-done"][data-status="rejected"]', { timeout: 30_000 });
      const reason = await text(page.getByTestId('sale-reject-reason'));
      assert(reason.length > 0, 'no reason shown on the sale');
      await page.getByTestId('rejections-panel').waitFor();
      const panel = await text(page.getByTestId('rejections-panel'));
      assert(panel.includes('积分'), `the panel does not say the points were short: ${panel.slice(0, 200)}`);
      await ctx.screenshot(page, 'counter-rejected');
      const entries = (await ledger(ctx, token, m.id)).filter((e) => e.kind === 'settle');
      assert(entries.length === 1, `${entries.length} settlements: only the other branch's should stand`);
    },
  },
  {
    name: 'Checkout with a punch card: a visit of the member’s service is paid by the card, the rest in cash',
    async run(ctx) {
      const token = await staffToken(ctx, ctx.demo.clerkUser);
      const m = await freshMember(ctx, token, 0);
      const cardId = ulid();
      await api(ctx, `/api/members/${m.id}/punch-cards`, { token, body: { opId: cardId, storeId: 'store-1', productId: 'p-001', uses: 3, priceFen: 21_000, paidWith: 'cash' } });
      const page = await openCounter(ctx);
      await identify(page, m.phone);
      await addProduct(page, '洗剪吹（设计师）');
      await addProduct(page, '控油洗发水');
      const total = fen(await text(page.getByTestId('cart-total')));
      await page.getByTestId('pay').click();
      const tile = page.locator(`[data-testid="tender-punch"][data-card-id="${cardId}"]`);
      await tile.waitFor();
      await tile.click();
      const left = fen(await text(page.getByTestId('pay-left')));
      assert(left > 0 && left < total, `after the card ${left} of ${total} is left`);
      await page.getByTestId('tender-cash').click();
      await page.getByTestId('tender-amount').fill(String(left / 100));
      await page.getByTestId('tender-add').click();
      await ctx.screenshot(page, 'counter-pay-punch');
      await page.getByTestId('pay-confirm').click();
      await page.waitForSelector('[data-testid="sale-done"][data-status="completed"]', { timeout: 30_000 });
      const account = await api(ctx, `/api/members/${m.id}/account`, { token });
      const card = account.punchCards.find((c) => c.id === cardId);
      assert(card && card.usesLeft === 2, `the card has ${card?.usesLeft} visits left`);
    },
  },
  {
    name: 'Checkout with WeChat Pay: the customer’s payment code is scanned and charged through the provider; a wrong wallet’s code is declined',
    async run(ctx) {
      const page = await openCounter(ctx);
      await addProduct(page, '控油洗发水');
      const total = fen(await text(page.getByTestId('cart-total')));
      await page.getByTestId('pay').click();
      await page.getByTestId('tender-wechat').click();
      await page.getByTestId('tender-auth-code').waitFor();
      await scanWedge(page, '284567890123456789'); // an Alipay code shown for WeChat Pay
      await page.getByTestId('tender-charge-problem').waitFor();
      assert((await text(page.getByTestId('tender-charge-problem'))).includes('付款失败'), 'the decline is not explained');
      await page.getByTestId('tender-auth-code').focus();
      await scanWedge(page, '134567890123456789');
      await page.getByTestId('tender-list').waitFor();
      const line = await text(page.getByTestId('tender-list'));
      assert(line.includes('微信支付') && fen(line.match(/¥[\d,.]+/)[0]) === total, `the tender reads ${line}`);
      await ctx.screenshot(page, 'counter-pay-wechat');
      await page.getByTestId('pay-confirm').click();
      await page.waitForSelector('[data-testid="sale-done"][data-status="completed"]', { timeout: 30_000 });
      const receipt = await text(page.getByTestId('sale-done'));
      assert(receipt.includes('SBX'), 'the receipt does not carry the provider’s transaction number');
    },
  },
];
