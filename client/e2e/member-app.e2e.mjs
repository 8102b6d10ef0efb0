// The member's phone app (issue 20): bottom tabs; history with a receipt, from the phone's synced
// view; cards & coupons; the inbox, which shows a recharge made at the counter while the phone is
// open; the store list and reporting the card lost; English. Run by client/e2e/run.ts.
import { ulid } from 'ulid';
import { api, assert, DESKTOP, open, PHONE, staffSignIn, staffToken, text, TIMEOUT } from './helpers.mjs';

/** A new store-1 member with stored value and one sale paid from it, made through the API as clerk1. */
async function memberWithASale(ctx, token) {
  const id = ulid();
  const phone = `137${String(Date.now()).slice(-8)}`;
  await api(ctx, '/api/members', { token, body: { id, phone, name: `会员${phone.slice(-4)}`, homeStoreId: 'store-1', createdAt: Date.now() } });
  await api(ctx, `/api/members/${id}/recharge`, { token, body: { opId: ulid(), storeId: 'store-1', amountFen: 50_000, paidWith: 'cash' } });
  const saleId = ulid();
  await api(ctx, '/api/orders', { token, body: { id: saleId, storeId: 'store-1', memberId: id, createdAt: Date.now(), lines: [{ productId: 'p-401', quantity: 1 }], tenders: [{ kind: 'stored_value', amountFen: 8_900 }] } });
  return { id, phone, saleId };
}

async function memberSignIn(page, ctx, phone) {
  await page.getByTestId('login-phone').fill(phone);
  await page.getByTestId('login-get-code').click();
  await page.getByTestId('login-info').waitFor();
  const { messages } = await api(ctx, '/api/dev/outbox');
  const newest = messages.filter((m) => m.recipient === phone).sort((a, b) => b.at - a.at)[0];
  const code = /\d{6}/.exec(newest?.body ?? '')?.[0];
  assert(code, `no sign-in code for ${phone} in the dev outbox`);
  await page.getByTestId('login-code').fill(code);
  await page.getByTestId('login-submit').click();
}

/** Waits until the element's text contains `want` (Chinese or English). */
async function waitText(page, testId, want, timeout = TIMEOUT) {
  await page.waitForFunction(([id, w]) => [...document.querySelectorAll(`[data-testid="${id}"]`)].some((e) => e.textContent.includes(w)), [testId, want], { timeout }).catch(async () => {
    const shown = (await page.getByTestId(testId).count()) ? await text(page.getByTestId(testId).first()) : '(absent)';
    throw new Error(`[data-testid=${testId}] says "${shown.slice(0, 300)}", expected "${want}"`);
  });
}

export const tests = [
  {
    name: 'Member app: history and a receipt, cards & coupons, inbox after a counter recharge, stores, card lost, English',
    async run(ctx) {
      const clerk = await staffToken(ctx, ctx.demo.clerkUser);
      const m = await memberWithASale(ctx, clerk);
      const page = await open(ctx, '/member/', PHONE);
      await memberSignIn(page, ctx, m.phone);
      const { balances } = await api(ctx, `/api/members/${m.id}/account`, { token: clerk });
      // ¥500.00 in (and whatever bonus the chain's rules give), ¥89.00 out.
      await waitText(page, 'member-balance', ((balances.principalFen + balances.bonusFen) / 100).toFixed(2));
      await page.getByTestId('tab-bar').waitFor();
      await ctx.screenshot(page, 'member-app-home');

      // 记录: the recharge and the sale, newest first, as money; the sale opens its receipt.
      await page.getByTestId('tab-history').click();
      await waitText(page, 'history-heading', '消费记录');
      await page.locator('[data-testid="history-item"][data-kind="order"]').waitFor();
      // Store names come from the store directory (GET /api/stores, kept for offline use).
      const { stores } = await api(ctx, '/api/stores', { token: clerk });
      await waitText(page, 'history-item', stores.find((s) => s.id === 'store-1').name);
      const rows = await page.getByTestId('history-item').allTextContents();
      assert(rows.length >= 2, `history shows ${rows.length} rows: ${rows.join(' | ')}`);
      assert(rows[0].includes('−¥89.00'), `the newest row is not the ¥89.00 sale: ${rows[0]}`);
      assert(rows.some((r) => r.includes('储值充值') && r.includes('+¥500.00')), `no ¥500.00 recharge row: ${rows.join(' | ')}`);
      assert(rows.every((r) => !r.includes('门店 ·')), `a row has no store name: ${rows.join(' | ')}`);
      await ctx.screenshot(page, 'member-app-history');
      await page.locator('[data-testid="history-item"][data-kind="order"]').first().click();
      await page.getByTestId('receipt').waitFor();
      assert((await page.getByTestId('receipt-line').count()) === 1, 'the receipt has no line');
      const tender = await text(page.getByTestId('receipt-tender').first());
      assert(tender.includes('储值') && tender.includes('¥89.00'), `tender row "${tender}"`);
      assert((await text(page.getByTestId('receipt-total'))).includes('¥89.00'), 'receipt total is not ¥89.00');
      await ctx.screenshot(page, 'member-app-receipt');

      // 卡券: points (earned on the sale) and the coupon groups.
      await page.getByTestId('tab-wallet').click();
      await page.getByTestId('wallet-points').waitFor();
      await page.getByTestId('coupon-tabs').waitFor();
      await page.getByTestId('coupon-tab-expired').click();
      await page.getByTestId('coupon-tab-usable').click();
      await ctx.screenshot(page, 'member-app-wallet');

      // 消息: the inbox; a recharge at the counter while the phone is open shows up as a new item.
      await page.getByTestId('tab-messages').click();
      await page.getByTestId('inbox').waitFor();
      const before = await page.getByTestId('inbox-item').count();
      await api(ctx, `/api/members/${m.id}/recharge`, { token: clerk, body: { opId: ulid(), storeId: 'store-1', amountFen: 12_300, paidWith: 'cash' } });
      const t0 = Date.now();
      await waitText(page, 'inbox-item', '123.00', 10_000);
      const seenMs = Date.now() - t0;
      assert((await page.getByTestId('inbox-item').count()) === before + 1, 'the recharge did not add one inbox item');
      await page.getByTestId('tab-unread').waitFor();
      await ctx.screenshot(page, 'member-app-messages');
      await page.getByTestId('inbox-read-all').click();
      await page.getByTestId('tab-unread').waitFor({ state: 'detached' });
      assert((await page.locator('[data-testid="inbox-item"][data-read="false"]').count()) === 0, 'items still unread after “all read”');
      console.log(`    (the counter's recharge reached the inbox in ${seenMs} ms)`);

      await page.getByTestId('open-preferences').click();
      await page.getByTestId('prefs-channels').waitFor();
      await page.getByTestId('pref-birthday-sms').click();
      await page.getByTestId('prefs-save').click();
      await page.getByTestId('prefs-message').waitFor();
      const prefs = await api(ctx, '/api/me/notification-preferences', { token: await page.evaluate(() => JSON.parse(localStorage.getItem(Object.keys(localStorage).find((k) => k.includes('session') && k.includes('member')))).token) });
      assert(prefs.channels.birthday.sms === true, 'the SMS switch for birthdays was not saved');
      await ctx.screenshot(page, 'member-app-preferences');

      // 我的: the store directory, then the card reported lost (confirmed) is frozen at once.
      await page.getByTestId('tab-me').click();
      await page.getByTestId('store-item').first().waitFor();
      assert((await page.getByTestId('store-item').count()) >= 2, 'the store list is short');
      await page.getByTestId('report-lost').click();
      await page.getByTestId('lost-confirm').waitFor();
      await ctx.screenshot(page, 'member-app-lost-confirm');
      await page.getByTestId('lost-confirm-yes').click();
      await page.getByTestId('card-frozen').waitFor();
      const account = await api(ctx, `/api/members/${m.id}/account`, { token: clerk });
      assert(account.status === 'frozen', `the account is ${account.status}, not frozen`);
      await ctx.screenshot(page, 'member-app-me');

      // English: the tabs and the screens switch.
      await page.getByTestId('lang-en').click();
      await waitText(page, 'me-heading', 'Me');
      await waitText(page, 'tab-history', 'History');
      await page.getByTestId('tab-history').click();
      await waitText(page, 'history-heading', 'History');
      await waitText(page, 'history-item', 'Recharge');
      await ctx.screenshot(page, 'member-app-history-en');
      await page.getByTestId('tab-home').click();
      await page.getByTestId('home-frozen').waitFor();
      assert((await page.getAttribute('html', 'lang')) === 'en', 'html lang was not updated');
      await page.getByTestId('lang-zh-CN').click();
      assert(true, 'no CSP violations');
    },
  },
  {
    name: 'Member self-service: a spend at another store appears live, the receipt is rated, points buy a coupon once, the profile is edited, and the balance reads offline',
    async run(ctx) {
      const clerk = await staffToken(ctx, ctx.demo.clerkUser);
      const [clerk2, manager2, hq] = [await staffToken(ctx, 'clerk2'), await staffToken(ctx, 'manager2'), await staffToken(ctx, 'admin')];
      const m = await memberWithASale(ctx, clerk);
      await api(ctx, `/api/members/${m.id}/points/adjust`, { token: hq, body: { opId: ulid(), delta: 1_000, reason: '活动赠送' } });
      const page = await open(ctx, '/member/', PHONE);
      await memberSignIn(page, ctx, m.phone);
      const start = await api(ctx, `/api/members/${m.id}/account`, { token: clerk });
      const yuan = (b) => ((b.principalFen + b.bonusFen) / 100).toFixed(2);
      await waitText(page, 'member-balance', yuan(start.balances));

      // A spend at store 2's counter while the phone is open: the balance moves without a reload.
      const saleId = ulid();
      const t0 = Date.now();
      await api(ctx, '/api/orders', { token: clerk2, body: { id: saleId, storeId: 'store-2', memberId: m.id, createdAt: Date.now(), lines: [{ productId: 'p-401', quantity: 1 }], tenders: [{ kind: 'stored_value', amountFen: 8_900 }] } });
      const after = await api(ctx, `/api/members/${m.id}/account`, { token: clerk });
      await waitText(page, 'member-balance', yuan(after.balances), 5_000);
      console.log(`    (store 2's spend reached the phone in ${Date.now() - t0} ms)`);

      // Its receipt, then a rating that store 2's manager reads.
      await page.getByTestId('tab-history').click();
      await page.locator('[data-testid="history-item"][data-kind="order"]').first().click();
      await waitText(page, 'receipt-store', '越秀');
      await page.getByTestId('visit-rating').waitFor();
      await page.getByTestId('rating-star-4').click();
      await page.getByTestId('rating-text').fill('洗发很舒服');
      await ctx.screenshot(page, 'member-app-rating');
      await page.getByTestId('rating-submit').click();
      await page.getByTestId('rating-thanks').waitFor();
      const { ratings } = await api(ctx, '/api/ratings', { token: manager2 });
      const mine = ratings.find((r) => r.orderId === saleId);
      assert(mine && mine.score === 4 && mine.comment === '洗发很舒服', `store 2's manager sees ${JSON.stringify(mine)}`);

      // 积分兑换: 500 points for the ¥10 voucher, taken once; the coupon is in the wallet.
      await page.getByTestId('tab-wallet').click();
      await page.getByTestId('open-rewards').click();
      const item = page.locator('[data-testid="reward-item"][data-reward="rw-coupon-10"]');
      await item.waitFor();
      await ctx.screenshot(page, 'member-app-rewards');
      await item.getByTestId('reward-redeem').click();
      await page.getByTestId('redeem-confirm').waitFor();
      await page.getByTestId('redeem-yes').click();
      await page.getByTestId('redeem-done').waitFor();
      await page.getByTestId('redemption-item').first().waitFor();
      await ctx.screenshot(page, 'member-app-redeemed');
      const redeemed = await api(ctx, `/api/members/${m.id}/account`, { token: clerk });
      assert(redeemed.balances.points === after.balances.points - 500, `points ${after.balances.points} → ${redeemed.balances.points}, not 500 fewer`);
      assert(redeemed.coupons.filter((c) => c.templateId === 'ctpl-welcome-10' && c.status === 'issued').length === 1, 'not exactly one voucher in the account');
      await page.getByTestId('screen-back').click();
      await waitText(page, 'wallet-points', redeemed.balances.points.toLocaleString('zh-CN'));
      await waitText(page, 'coupon-list', '新会员10元券');

      // 个人资料: a new name, the birthday (once), interests.
      await page.getByTestId('tab-me').click();
      await page.getByTestId('me-profile').click();
      await page.getByTestId('profile-form').waitFor();
      await page.getByTestId('profile-name').fill('林小美');
      await page.getByTestId('profile-birthday').fill('1991-06-18');
      await page.locator('[data-testid="interest-chip"][data-tag="美甲"]').click();
      await page.locator('[data-testid="interest-chip"][data-tag="咖啡"]').click();
      await page.getByTestId('profile-save').click();
      await waitText(page, 'profile-message', '已保存');
      assert(await page.getByTestId('profile-birthday').isDisabled(), 'the birthday can still be changed after it was set');
      await ctx.screenshot(page, 'member-app-profile');
      const row = await api(ctx, `/api/members/${m.id}`, { token: hq });
      assert(row.name === '林小美' && row.birthday === '1991-06-18', `the member row has ${row.name} / ${row.birthday}`);

      // Offline: the app reloads from its cache and still shows the balance.
      await page.context().setOffline(true);
      await page.goto(`${ctx.baseUrl}/member/`);
      await waitText(page, 'member-balance', yuan(redeemed.balances));
      await ctx.screenshot(page, 'member-app-offline');
      await page.context().setOffline(false);

      await page.getByTestId('tab-me').click();
      await page.getByTestId('lang-en').click();
      await page.getByTestId('tab-wallet').click();
      await page.getByTestId('open-rewards').click();
      await waitText(page, 'rewards-heading', 'Rewards');
      await ctx.screenshot(page, 'member-app-rewards-en');
      await page.getByTestId('tab-me').click();
      await page.getByTestId('lang-zh-CN').click();

      // HQ: the rating is there, and a new reward made in the dialog is on offer to the member.
      const hqPage = await open(ctx, '/hq/loyalty', DESKTOP);
      await staffSignIn(hqPage, ctx.demo.hqUser, ctx.demo.password);
      await hqPage.getByTestId('loyalty-heading').waitFor();
      await waitText(hqPage, 'ratings', '洗发很舒服');
      await hqPage.getByTestId('reward-new').click();
      await hqPage.getByTestId('reward-dialog').waitFor();
      await hqPage.getByTestId('reward-save').click();
      await hqPage.getByTestId('reward-error').waitFor();
      await ctx.screenshot(hqPage, 'hq-reward-dialog-error');
      await hqPage.getByTestId('reward-name').fill('护理券兑换');
      await hqPage.getByTestId('reward-template').selectOption('ctpl-care-85');
      await hqPage.getByTestId('reward-cost').fill('800');
      await hqPage.getByTestId('reward-stock').fill('20');
      await hqPage.getByTestId('reward-save').click();
      await hqPage.getByTestId('reward-saved').waitFor();
      await waitText(hqPage, 'reward-table', '护理券兑换');
      await ctx.screenshot(hqPage, 'hq-loyalty');
      const offered = await api(ctx, '/api/rewards', { token: await page.evaluate(() => JSON.parse(localStorage.getItem(Object.keys(localStorage).find((k) => k.includes('session') && k.includes('member')))).token) });
      assert(offered.rewards.some((o) => o.reward.name === '护理券兑换' && o.reward.stock === 20), 'the member is not offered the new reward');
      await hqPage.getByTestId('lang-en').click();
      await waitText(hqPage, 'loyalty-heading', 'Rewards & ratings');
      await ctx.screenshot(hqPage, 'hq-loyalty-en');
      await hqPage.getByTestId('lang-zh-CN').click();
    },
  },
];
