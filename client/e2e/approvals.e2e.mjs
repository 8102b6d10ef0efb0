// Manager approvals at the counter: a manual discount approved by PIN with the network down, then a
// refund of that sale from the Orders screen, approved the same way. Run by client/e2e/run.ts.
import { api, assert, open, staffSignIn, staffToken, TABLET, text } from './helpers.mjs';

const fen = (s) => Math.round(Number(s.replace(/[¥,\s−-]/g, '')) * 100);

/** The approval dialog: pick the manager, type the PIN on the pad's input, confirm. */
async function approveAs(page, approverId, pin) {
  await page.getByTestId('approval-dialog').waitFor();
  await page.locator(`[data-testid="approval-approver"][data-approver-id="${approverId}"]`).click();
  await page.getByTestId('approval-pin').fill(pin);
  await page.getByTestId('approval-submit').click();
}

export const tests = [
  {
    name: 'Approvals: a manual discount approved by the manager’s PIN offline; a wrong PIN is refused; the sale syncs with the discount; then a PIN-approved refund',
    async run(ctx) {
      const token = await staffToken(ctx, ctx.demo.clerkUser);
      const page = await open(ctx, '/clerk/', TABLET);
      await staffSignIn(page, ctx.demo.clerkUser, ctx.demo.password);
      await page.getByTestId('product-tile').first().waitFor();

      await page.context().setOffline(true);
      await page.getByTestId('online-status').filter({ hasText: '离线' }).waitFor();
      await page.getByTestId('product-search').fill('控油洗发水');
      await page.getByTestId('product-tile').first().click();
      const before = fen(await text(page.getByTestId('cart-total')));

      await page.getByTestId('manual-discount').click();
      await page.getByTestId('manual-discount-amount').fill('5');
      await page.getByTestId('manual-discount-reason').fill('包装破损');
      await page.getByTestId('manual-discount-apply').click();
      await approveAs(page, 'staff-manager1', '000000');
      await page.getByTestId('approval-error').waitFor();
      await ctx.screenshot(page, 'approval-wrong-pin');
      await page.getByTestId('approval-pin').fill('135790');
      await page.getByTestId('approval-submit').click();
      await page.getByTestId('manual-discount-line').waitFor();
      assert((await text(page.getByTestId('manual-discount-line'))).includes('包装破损'), 'the cart does not show the discount’s reason');
      const total = fen(await text(page.getByTestId('cart-total')));
      assert(total === before - 500, `total ${total}, expected ${before - 500}`);
      await ctx.screenshot(page, 'counter-manual-discount');

      await page.getByTestId('pay').click();
      await page.getByTestId('tender-cash').click();
      await page.getByTestId('tender-amount').fill(String(total / 100));
      await page.getByTestId('tender-add').click();
      await page.getByTestId('pay-confirm').click();
      await page.waitForSelector('[data-testid="sale-done"][data-status="pending"]');
      await page.context().setOffline(false);
      await page.waitForSelector('[data-testid="sale-done"][data-status="completed"]', { timeout: 30_000 });
      await page.getByTestId('next-customer').click();

      // The sale synced with the discount (the server checked the manager’s proof); a bare refund is refused.
      await page.getByTestId('nav-orders').click();
      const row = page.getByTestId('order-row').first();
      await row.click();
      await page.getByTestId('order-detail').waitFor();
      const orderId = await row.getAttribute('data-order-id');
      assert(orderId, 'order rows carry no id');
      const bare = await api(ctx, `/api/orders/${orderId}/refund`, { token, body: { opId: '01' + 'X'.repeat(24), storeId: 'store-1', amountFen: 1 } }).then(
        () => null,
        (e) => String(e.message),
      );
      assert(bare && bare.includes('403'), `a clerk's refund without approval went through: ${bare}`);

      await page.getByTestId('order-refund').click();
      await page.getByTestId('refund-amount').fill('10');
      await page.getByTestId('refund-reason').fill('顾客退货');
      await page.getByTestId('refund-confirm').click();
      await approveAs(page, 'staff-manager1', '135790');
      await page.getByTestId('refund-done').waitFor();
      await page.waitForFunction(() => document.querySelector('[data-testid="order-refunded"]')?.textContent?.includes('10.00'), null, { timeout: 20_000 });
      await page.waitForSelector('[data-testid="order-detail"][data-status="partially_refunded"]', { timeout: 20_000 });
      await ctx.screenshot(page, 'orders-refunded');
    },
  },
];
