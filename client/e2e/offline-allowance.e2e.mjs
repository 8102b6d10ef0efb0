// Offline stored value under an allowance (issue 6, decision 015). Run by client/e2e/run.ts.
import { ulid } from 'ulid';
import { api, assert, open, PHONE, staffSignIn, staffToken, TABLET, text } from './helpers.mjs';

const fen = (s) => Math.round(Number(s.replace(/[^\d.]/g, '')) * 100);

export const tests = [
  {
    name: 'Offline allowance: the manager registers the tablet; offline, stored value within the allowance is taken, beyond it the clerk is told why and takes cash; another branch spends the rest online; both stand after sync',
    async run(ctx) {
      const clerk = await staffToken(ctx, ctx.demo.clerkUser);
      // A member who just joined at store 1 with ¥200: the tablet may hold 30 % of it, ¥60.
      const m = { id: ulid(), phone: `137${String(Date.now()).slice(-8)}` };
      await api(ctx, '/api/members', { token: clerk, body: { id: m.id, phone: m.phone, name: `离线${m.phone.slice(-4)}`, homeStoreId: 'store-1', createdAt: Date.now() } });
      await api(ctx, `/api/members/${m.id}/recharge`, { token: clerk, body: { opId: ulid(), storeId: 'store-1', amountFen: 20_000, paidWith: 'cash' } });

      const page = await open(ctx, '/clerk/', TABLET);
      await staffSignIn(page, 'manager1', ctx.demo.password);
      await page.getByTestId('nav-device').click();
      await page.getByTestId('device-unregistered').waitFor();
      await page.getByTestId('device-name').fill('前台1号机');
      await page.getByTestId('device-register').click();
      await page.getByTestId('device-registered').waitFor();
      await page.getByTestId('device-renew').click();
      await page.waitForFunction(() => /[1-9]/.test(document.querySelector('[data-testid="device-summary"]')?.textContent ?? ''), null, { timeout: 30_000 });
      await ctx.screenshot(page, 'device-registered');

      // The clerk takes over the registered tablet.
      await page.getByTestId('sign-out').click();
      await staffSignIn(page, ctx.demo.clerkUser, ctx.demo.password);
      await page.getByTestId('nav-counter').click();
      await page.getByTestId('product-tile').first().waitFor();
      await page.getByTestId('counter-member-search').fill(m.phone);
      await page.getByTestId('counter-member-search').press('Enter');
      await page.getByTestId('counter-member-name').waitFor();
      await page.getByTestId('counter-allowance').filter({ hasText: '¥60.00' }).waitFor({ timeout: 30_000 });

      // The member sees the reserved money on their phone: still theirs, set aside for the tablet.
      const phone = await open(ctx, '/member/', PHONE);
      await phone.getByTestId('login-phone').fill(m.phone);
      await phone.getByTestId('login-get-code').click();
      await phone.getByTestId('login-info').waitFor();
      const { messages } = await api(ctx, '/api/dev/outbox');
      const code = /\d{6}/.exec(messages.filter((x) => x.recipient === m.phone).sort((a, b) => b.at - a.at)[0]?.body ?? '')?.[0];
      await phone.getByTestId('login-code').fill(code ?? '');
      await phone.getByTestId('login-submit').click();
      await phone.getByTestId('member-reserved').filter({ hasText: '¥60.00' }).waitFor();
      assert((await text(phone.getByTestId('member-balance'))).includes('¥200.00'), await text(phone.getByTestId('member-balance')));
      await ctx.screenshot(phone, 'member-reserved');
      await phone.close();
      await page.bringToFront();

      await page.context().setOffline(true);
      await page.getByTestId('online-status').filter({ hasText: '离线' }).waitFor();
      await page.getByTestId('product-search').fill('控油洗发水');
      await page.getByTestId('product-tile').first().click();
      const total = fen(await text(page.getByTestId('cart-total')));
      assert(total === 8_900, `total ${total}`);
      await page.getByTestId('pay').click();
      // The stored-value tile says what the tablet can take offline; asking for more is refused, with why.
      assert((await text(page.getByTestId('tender-stored_value'))).includes('离线额度 ¥60.00'), await text(page.getByTestId('tender-stored_value')));
      await page.getByTestId('tender-stored_value').click();
      await page.getByTestId('tender-amount').fill('89');
      const why = await text(page.getByTestId('tender-invalid'));
      assert(why.includes('¥60.00') && why.includes('离线'), `no reason given: ${why}`);
      assert(await page.getByTestId('tender-add').isDisabled(), 'the clerk could add more than the allowance');
      await ctx.screenshot(page, 'offline-over-allowance');
      await page.getByTestId('tender-amount').fill('60');
      await page.getByTestId('tender-add').click();
      // The stored value is used up for this member offline: the tile says so, and cash takes the rest.
      assert((await text(page.getByTestId('tender-stored_value'))).includes('额度已用完'), await text(page.getByTestId('tender-stored_value')));
      await page.getByTestId('tender-cash').click();
      await page.getByTestId('tender-add').click();
      await page.getByTestId('pay-confirm').click();
      await page.waitForSelector('[data-testid="sale-done"][data-status="pending"]');
      await ctx.screenshot(page, 'offline-allowance-done');

      // Meanwhile another branch spends everything else on the card online: ¥140 of a ¥178 sale.
      const other = await staffToken(ctx, 'clerk2');
      const elsewhere = await api(ctx, '/api/orders', { token: other, body: { id: ulid(), storeId: 'store-2', memberId: m.id, createdAt: Date.now(), lines: [{ productId: 'p-401', quantity: 2 }], tenders: [{ kind: 'stored_value', amountFen: 14_000 }, { kind: 'cash', amountFen: 3_800, reference: '' }] } });
      assert(elsewhere.status === 'completed', `the other branch's sale: ${JSON.stringify(elsewhere).slice(0, 200)}`);

      await page.context().setOffline(false);
      await page.waitForSelector('[data-testid="sale-done"][data-status="completed"]', { timeout: 30_000 });
      const after = await api(ctx, `/api/members/${m.id}`, { token: clerk });
      assert(after.principalFen + after.bonusFen === 0 && after.reservedFen === 0, `balance after ${JSON.stringify({ p: after.principalFen, b: after.bonusFen, r: after.reservedFen })}`);
      const verify = await api(ctx, `/api/members/${m.id}/ledger/verify`, { token: clerk });
      assert(verify.ok === true, `ledger: ${JSON.stringify(verify)}`);
      const settles = (await api(ctx, `/api/members/${m.id}/ledger?limit=50`, { token: clerk })).entries.filter((e) => e.kind === 'settle');
      assert(settles.length === 2 && settles.every((e) => e.principalAfter >= 0), `settlements ${JSON.stringify(settles)}`);

      // HQ sees the tablet and what it holds for the store's members.
      const hq = await open(ctx, '/hq/devices', { width: 1440, height: 900 });
      await staffSignIn(hq, ctx.demo.hqUser, ctx.demo.password);
      const row = hq.getByTestId('device-row').filter({ hasText: '前台1号机' });
      await row.waitFor();
      assert((await text(row)).includes('天河1店'), await text(row));
      await ctx.screenshot(hq, 'hq-devices');
    },
  },
];
