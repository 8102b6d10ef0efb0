// The till shift on the tablet: open with a float, sell, close with a cash count. Run by client/e2e/run.ts.
import { assert, open, staffSignIn, text, TABLET } from './helpers.mjs';

const fen = (s) => Math.round(Number(s.replace(/[¥,\s]/g, '').replace('−', '-')) * 100);

export const tests = [
  {
    name: 'Shift: open with a float, take a cash sale, close one yuan short; the summary shows the sale and the shortfall',
    async run(ctx) {
      // clerk1b: a till of its own, apart from the other tests' clerk.
      const page = await open(ctx, '/clerk/', TABLET);
      await staffSignIn(page, 'clerk1b', ctx.demo.password);
      await page.getByTestId('product-tile').first().waitFor();
      await page.getByTestId('nav-shift').click();
      await page.getByTestId('shift-open').click();
      await page.getByTestId('shift-opening-cash').fill('200');
      await ctx.screenshot(page, 'shift-open');
      await page.getByTestId('shift-open-confirm').click();
      await page.waitForSelector('[data-testid="shift-panel"][data-state="open"]');

      await page.getByTestId('nav-counter').click();
      await page.getByTestId('product-search').fill('控油洗发水');
      await page.getByTestId('product-tile').first().click();
      const total = fen(await text(page.getByTestId('cart-total')));
      await page.getByTestId('pay').click();
      await page.getByTestId('tender-cash').click();
      await page.getByTestId('tender-amount').fill(String(total / 100));
      await page.getByTestId('tender-add').click();
      await page.getByTestId('pay-confirm').click();
      await page.waitForSelector('[data-testid="sale-done"][data-status="completed"]');
      await page.getByTestId('next-customer').click();

      await page.getByTestId('nav-shift').click();
      await page.waitForFunction(() => document.querySelector('[data-testid="shift-orders"]')?.textContent?.trim() === '1', null, { timeout: 20_000 });
      await ctx.screenshot(page, 'shift-running');
      await page.getByTestId('shift-close').click();
      const expected = fen(await text(page.getByTestId('shift-close-expected')));
      assert(expected === 20_000 + total, `expected cash ${expected}, not float + sale ${20_000 + total}`);
      await page.getByTestId('shift-counted-cash').fill(String((expected - 100) / 100));
      const live = await text(page.getByTestId('shift-close-difference'));
      assert(live.includes('1.00'), `the difference while counting says ${live}`);
      await ctx.screenshot(page, 'shift-close');
      await page.getByTestId('shift-close-confirm').click();
      await page.getByTestId('shift-difference').waitFor();
      assert(fen(await text(page.getByTestId('shift-sales'))) === total, 'the closed shift does not show the sale');
      const diff = await text(page.getByTestId('shift-difference'));
      assert(diff.includes('1.00') && (diff.includes('-') || diff.includes('−') || diff.includes('短')), `the difference reads ${diff}`);
      await ctx.screenshot(page, 'shift-closed');
    },
  },
];
