// The member desk on the clerk tablet, end to end: register a member, recharge at the desk, ring
// them up at the counter, pay part by stored value and part in cash, read the receipt. Every step
// goes through the screens; the API is only asked what the server made of it. Run by client/e2e/run.ts.
import { api, assert, open, staffSignIn, staffToken, TABLET, text } from './helpers.mjs';

const fen = (s) => Math.round(Number(s.replace(/[¥,\s]/g, '')) * 100);
const yuan = (f) => `¥${(f / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** Polls `probe` (an async function returning a truthy value when done) until it succeeds. */
async function eventually(what, probe, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      last = await probe();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > until) throw new Error(`${what}: still not so after ${timeoutMs / 1000} s (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** A birthday that is not today in the store's time zone (a birthday sale would change the prices). */
function birthdayNotToday() {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit' }).format(Date.now());
  return today === '05-17' ? '1990-05-18' : '1990-05-17';
}

const weekdayInShanghai = (at) => new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', weekday: 'short' }).format(at);

async function addProduct(page, query) {
  await page.getByTestId('product-search').fill(query);
  const tiles = page.getByTestId('product-tile');
  await tiles.first().waitFor();
  assert((await tiles.count()) === 1, `"${query}" matches ${await tiles.count()} products`);
  await tiles.first().click();
  await page.getByTestId('product-search').fill('');
}

export const tests = [
  {
    name: 'Desk: register → recharge → split checkout → receipt',
    async run(ctx) {
      const token = await staffToken(ctx, ctx.demo.clerkUser);
      const rules = await api(ctx, '/api/rules', { token });
      const phone = `137${String(Date.now()).slice(-8)}`;
      const name = `登记${phone.slice(-4)}`;
      const birthday = birthdayNotToday();

      // ── Register at the counter tablet.
      const page = await open(ctx, '/clerk/', TABLET);
      await staffSignIn(page, ctx.demo.clerkUser, ctx.demo.password);
      await page.getByTestId('product-tile').first().waitFor();
      await page.getByTestId('nav-register').click();
      await page.getByTestId('register-form').waitFor();
      await page.getByTestId('field-phone').fill(phone);
      await page.getByTestId('field-name').fill(name);
      await page.getByTestId('field-birthday').fill(birthday);
      await page.getByTestId('gender-female').click();
      assert((await page.getByTestId('gender-female').getAttribute('aria-checked')) === 'true', 'the gender choice did not stick');
      assert((await page.getByTestId('register-duplicate').count()) === 0, `phone ${phone} is already taken`);
      await ctx.screenshot(page, 'desk-register-form');
      await page.getByTestId('register-submit').click();

      // ── The member desk opens on the new member; the server gives the card a number.
      const desk = page.getByTestId('member-desk');
      await page.getByTestId('desk-name').waitFor();
      const memberId = await desk.getAttribute('data-member-id');
      assert(memberId, 'the desk does not say which member it shows');
      assert(page.url().endsWith(`/clerk/members/${memberId}`), `the desk is at ${page.url()}`);
      assert((await text(page.getByTestId('desk-name'))).startsWith(name), `the desk shows "${await text(page.getByTestId('desk-name'))}"`);
      assert((await text(page.getByTestId('desk-balance'))) === '¥0.00', 'a new member has money on the card');
      const saved = await eventually('the registration reached the server', () => api(ctx, `/api/members/${memberId}`, { token }));
      assert(saved.phone === phone && saved.name === name && saved.birthday === birthday && saved.gender === 'female' && saved.homeStoreId === 'store-1',
        `the server holds ${JSON.stringify(saved)}`);
      assert(/^\d{12}$/.test(saved.cardNo), `card number "${saved.cardNo}"`);
      await page.waitForFunction((no) => document.querySelector('[data-testid="desk-card-no"]')?.textContent.replace(/\s/g, '') === no, saved.cardNo);

      // ── Recharge ¥500 in cash; the chain's rules say what bonus comes with it.
      const amountFen = 50_000;
      const bonusFen = rules.rechargeRules.filter((r) => amountFen >= r.minFen).reduce((b, r) => Math.max(b, r.bonusFen), 0);
      await page.getByTestId('desk-tab-recharge').click();
      await page.getByTestId('recharge-form').waitFor();
      await page.getByTestId('recharge-amount').fill(String(amountFen / 100));
      await page.getByTestId('tender-cash').click();
      await page.getByTestId('recharge-preview').waitFor();
      assert(fen(await text(page.getByTestId('recharge-bonus'))) === bonusFen, `bonus preview "${await text(page.getByTestId('recharge-bonus'))}", the rules give ${yuan(bonusFen)}`);
      const preview = await text(page.getByTestId('recharge-preview'));
      assert(preview.includes(yuan(amountFen + bonusFen)), `the preview "${preview}" does not show ${yuan(amountFen + bonusFen)} after`);
      assert((await text(page.getByTestId('recharge-submit'))).includes(yuan(amountFen)), 'the button does not say how much is taken');
      await ctx.screenshot(page, 'desk-recharge');
      await page.getByTestId('recharge-submit').click();
      await page.getByTestId('desk-flash').waitFor();
      const flash = await text(page.getByTestId('desk-flash'));
      assert(flash.includes(yuan(amountFen)) && flash.includes(yuan(bonusFen)), `the desk says "${flash}"`);

      // The server's ledger took it, and the desk shows what the server says.
      const afterRecharge = await eventually('the recharge reached the server', async () => {
        const a = await api(ctx, `/api/members/${memberId}/account`, { token });
        return a.balances.principalFen + a.balances.bonusFen > 0 && a;
      });
      assert(afterRecharge.balances.principalFen === amountFen && afterRecharge.balances.bonusFen === bonusFen, `balances after the recharge: ${JSON.stringify(afterRecharge.balances)}`);
      await page.waitForSelector('[data-testid="sync-pending"][data-pending="0"]');
      await page.waitForFunction((v) => document.querySelector('[data-testid="desk-balance"]')?.textContent.trim() === v, yuan(amountFen + bonusFen));
      assert((await text(page.getByTestId('desk-principal'))) === yuan(amountFen), `principal shown "${await text(page.getByTestId('desk-principal'))}"`);
      assert((await text(page.getByTestId('desk-bonus'))) === yuan(bonusFen), `bonus shown "${await text(page.getByTestId('desk-bonus'))}"`);
      await ctx.screenshot(page, 'desk-member');

      // ── To the counter for this member.
      await page.getByTestId('desk-checkout').click();
      await page.getByTestId('counter').waitFor();
      // "去收银" brings the member along: nothing to search.
      await page.getByTestId('counter-member-name').waitFor();
      assert((await text(page.getByTestId('counter-member-name'))) === name, `the counter has "${await text(page.getByTestId('counter-member-name'))}"`);
      assert((await text(page.getByTestId('counter-principal'))) === yuan(amountFen), 'the counter shows another principal');

      await addProduct(page, '氨基酸洁面乳');
      await addProduct(page, '精致洗护');
      assert((await page.getByTestId('cart-line').count()) === 2, 'two lines expected in the cart');
      const totalFen = fen(await text(page.getByTestId('cart-total')));
      const svFen = 10_000;
      assert(totalFen > svFen, `total ${totalFen} is too small for a split`);

      // ── Pay: ¥100 from the card, the rest in cash with change.
      await page.getByTestId('pay').click();
      await page.getByTestId('pay-sheet').waitFor();
      await page.getByTestId('tender-stored_value').click();
      await page.getByTestId('tender-amount').fill(String(svFen / 100));
      await page.getByTestId('tender-add').click();
      const cashFen = totalFen - svFen;
      assert(fen(await text(page.getByTestId('pay-left'))) === cashFen, `left to pay "${await text(page.getByTestId('pay-left'))}", expected ${yuan(cashFen)}`);
      await page.getByTestId('tender-cash').click();
      let handedFen = Math.ceil(cashFen / 5_000) * 5_000;
      if (handedFen === cashFen) handedFen += 5_000;
      await page.getByTestId('tender-amount').fill(String(handedFen / 100));
      await page.getByTestId('tender-add').click();
      assert(fen(await text(page.getByTestId('change-due'))) === handedFen - cashFen, `change due "${await text(page.getByTestId('change-due'))}"`);
      assert(fen(await text(page.getByTestId('pay-left'))) === 0, 'something is left to pay');
      const paidAt = Date.now();
      await page.getByTestId('pay-confirm').click();
      await page.waitForSelector('[data-testid="sale-done"][data-status="completed"]', { timeout: 30_000 });

      // ── The server settled it: the card lost exactly the stored-value part.
      const after = await eventually('the sale reached the ledger', async () => {
        const a = await api(ctx, `/api/members/${memberId}/account`, { token });
        return a.balances.principalFen + a.balances.bonusFen !== amountFen + bonusFen && a;
      });
      assert(after.balances.principalFen + after.balances.bonusFen === amountFen + bonusFen - svFen, `balance after the sale: ${JSON.stringify(after.balances)}`);
      const { entries } = await api(ctx, `/api/members/${memberId}/ledger?limit=100`, { token });
      const kinds = entries.map((e) => e.kind).sort();
      assert(JSON.stringify(kinds) === JSON.stringify(['recharge', 'settle']), `ledger kinds: ${kinds.join(', ')}`);
      const settle = entries.find((e) => e.kind === 'settle');
      assert(settle.principalDelta + settle.bonusDelta === -svFen, `settled ${JSON.stringify(settle)}`);
      const recharge = entries.find((e) => e.kind === 'recharge');
      assert(recharge.principalDelta === amountFen && recharge.bonusDelta === bonusFen, `recharged ${JSON.stringify(recharge)}`);

      // ── The receipt on screen.
      const receipt = page.getByTestId('receipt');
      await page.waitForFunction(() => document.querySelector('[data-testid="receipt-status"]')?.textContent.includes('已完成'));
      const r = await text(receipt);
      const want = {
        member: name, phone: `${phone.slice(0, 3)}****${phone.slice(-4)}`, line1: '氨基酸洁面乳', line2: '精致洗护',
        total: `应付金额${yuan(totalFen)}`, sv: `储值卡${yuan(svFen)}`, cash: `现金${yuan(cashFen)}`, handed: `实收现金${yuan(handedFen)}`, change: `找零${yuan(handedFen - cashFen)}`,
      };
      for (const [what, s] of Object.entries(want)) assert(r.replace(/\s/g, '').includes(s.replace(/\s/g, '')), `the receipt has no ${what} "${s}": ${r}`);
      // Points: whole yuan paid with money (stored value counts as money) × points per yuan; a normal
      // member has no tier multiplier; the demo chain doubles points on Wednesdays (会员日).
      const points = Number(/本单积分\s*\+([\d,]+)/.exec(r)?.[1].replace(/,/g, '') ?? NaN);
      assert(points === settle.pointsDelta, `the receipt says +${points} points, the ledger ${settle.pointsDelta}`);
      const base = Math.floor(totalFen / 100) * rules.pointsPerYuan;
      const multipliers = [paidAt, Date.now()].map((at) => (weekdayInShanghai(at) === 'Wed' ? 2 : 1));
      assert(multipliers.some((m) => points === base * m), `+${points} points for ${yuan(totalFen)} paid (expected ${base} × ${multipliers.join(' or ')})`);
      assert(r.includes(yuan(after.balances.principalFen)), `the receipt does not show the principal left ${yuan(after.balances.principalFen)}`);
      await ctx.screenshot(page, 'counter-receipt');
    },
  },
];
