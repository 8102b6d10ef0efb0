// Browser smoke tests for the three PWAs' first screens. Run by client/e2e/run.ts (`npm run test:e2e`)
// against a freshly seeded local chain; each test gets its own browser context (locale zh-CN).
// Plain ESM JS so it runs without a build step.

import { api, assert, DESKTOP, open, PHONE, staffSignIn, staffToken, TABLET, text, TIMEOUT } from './helpers.mjs';

/** Waits until the locator's text differs from `before` (React re-renders after a language change). */
async function textChange(page, testId, before) {
  await page.waitForFunction(
    ([id, prev]) => {
      const el = document.querySelector(`[data-testid="${id}"]`);
      return el && el.textContent.trim() !== prev;
    },
    [testId, before],
    { timeout: TIMEOUT },
  );
  return text(page.getByTestId(testId));
}

/** HH:mm on the store's wall clock (the browser context runs in Asia/Shanghai). */
function shanghaiClock(ms = Date.now()) {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
}

/** Waits for the clerk top bar to report a first successful pull, and returns what it says. */
async function syncedSnapshot(page) {
  await page.waitForFunction(() => document.querySelector('[data-testid="sync-snapshot"]')?.getAttribute('data-state') === 'fresh', null, { timeout: 10_000 });
  return text(page.getByTestId('sync-snapshot'));
}

/**
 * Adds refusals to the first pull's answer, as the server would send them after refusing this
 * tablet's changes: the panel reads nothing but the synced keys, so its ordering and wording are
 * tested here with made-up ones (checkout.e2e.mjs has a sale the server really refuses).
 */
async function injectRejections(page, entries) {
  await page.route('**/api/replicache/pull', async (route) => {
    try {
      const res = await route.fetch();
      const body = await res.json();
      const first = JSON.parse(route.request().postData() ?? '{}').cookie === null;
      if (first && res.ok() && Array.isArray(body.patch)) body.patch.push(...entries.map(([key, value]) => ({ op: 'put', key, value })));
      await route.fulfill({ response: res, json: body });
    } catch {
      // A pull still in flight when the page reloads or closes: nobody is waiting for it.
      await route.abort().catch(() => {});
    }
  });
}

export const tests = [
  {
    name: 'HQ: admin signs in and sees every store',
    async run(ctx) {
      const page = await open(ctx, '/hq/stores', DESKTOP); // the stores screen (the landing screen is 首页)
      await staffSignIn(page, ctx.demo.hqUser, ctx.demo.password);
      const table = page.getByTestId('store-table');
      await table.waitFor();
      await page.getByTestId('store-row').first().waitFor();
      // The demo's three, and any a test before this one opened (HQ's first day adds one).
      const { stores } = await api(ctx, '/api/stores', { token: await staffToken(ctx, ctx.demo.hqUser) });
      const rows = await page.getByTestId('store-row').count();
      assert(stores.length >= 3 && rows === stores.length, `expected ${stores.length} stores in the table, got ${rows}`);
      const tableText = await text(table);
      for (const s of stores) assert(tableText.includes(s.name), `store ${s.name} missing from the table`);
      assert(tableText.includes('¥'), 'sales are not shown as money');
      await ctx.screenshot(page, 'hq-stores');
    },
  },
  {
    name: 'Clerk: heading names the store; lookup by the last 4 phone digits finds the member',
    async run(ctx) {
      const token = await staffToken(ctx, ctx.demo.clerkUser);
      const me = await api(ctx, '/api/me', { token });
      assert(me.store?.name, 'clerk1 has no store in /api/me');
      // A member this store serves (staff browse their own store's members by last digits).
      const { members } = await api(ctx, '/api/members?limit=1', { token });
      assert(members.length === 1, 'the clerk’s store has no members to look up');
      const last4 = members[0].phone.slice(-4);

      const page = await open(ctx, '/clerk/', TABLET);
      await staffSignIn(page, ctx.demo.clerkUser, ctx.demo.password);
      const heading = await text(page.getByTestId('store-name'));
      assert(heading.includes(me.store.name), `the top bar "${heading}" does not name the store "${me.store.name}"`);

      // The top bar's sync line: the first pull lands within seconds and nothing is queued.
      const snapshot = await syncedSnapshot(page);
      assert(!snapshot.includes('尚未同步'), `snapshot still says "${snapshot}"`);
      const clock = /\d{2}:\d{2}/.exec(snapshot)?.[0];
      assert(snapshot.startsWith('价格更新于') && [shanghaiClock(), shanghaiClock(Date.now() - 60_000)].includes(clock), `snapshot "${snapshot}" is not the time of the pull (${shanghaiClock()})`);
      const pending = page.getByTestId('sync-pending');
      assert((await pending.getAttribute('data-pending')) === '0', `pending is ${await pending.getAttribute('data-pending')}`);
      assert((await text(pending)) === '已同步', `pending says "${await text(pending)}"`);
      assert((await page.getByTestId('rejections-panel').count()) === 0, 'the rejections panel is shown with nothing refused');
      await ctx.screenshot(page, 'clerk-home');

      // The counter looks the member up on the tablet: one hit is picked, several make a pick list.
      await page.getByTestId('counter-member-search').fill(last4);
      await page.getByTestId('counter-member-search').press('Enter');
      const picked = page.getByTestId('counter-member');
      const list = page.getByTestId('member-pick-list');
      await picked.or(list).first().waitFor();
      const shown = (await picked.count()) ? await text(picked) : await text(list);
      assert(shown.includes(`****${last4}`), `no member with a phone ending ${last4}: ${shown.slice(0, 200)}`);
      assert(shown.includes(members[0].name), `${members[0].name} is not shown`);
      await ctx.screenshot(page, 'clerk-member-lookup');
    },
  },
  {
    name: 'Clerk: refused changes stay on the home screen until acknowledged, newest first',
    async run(ctx) {
      const at = Date.now() - 60_000;
      const saleId = '01JDE2E0000000000000ABC123';
      const sale = { id: saleId, storeId: 's', staffId: 'u', memberId: null, kind: 'sale', status: 'rejected', rejectReason: 'INSUFFICIENT_FUNDS: balance too low', subtotalFen: 12345, discountFen: 0, totalFen: 12345, pointsEarned: 0, note: '', createdAt: at, lines: [], tenders: [] };
      const page = await ctx.newPage({ viewport: TABLET });
      page.setDefaultTimeout(TIMEOUT);
      await injectRejections(page, [
        ['rejection/e2e-device/0000000007', { clientID: 'e2e-device', mutationID: 7, name: 'checkout', code: 'INSUFFICIENT_FUNDS', message: 'Not enough stored value', refId: saleId, at }],
        ['order/' + saleId, sale],
        ['rejection/e2e-device/0000000005', { clientID: 'e2e-device', mutationID: 5, name: 'recharge', code: 'SOMETHING_NEW', message: 'A reason this build has no words for', refId: '01JDE2E0000000000000XYZ789', at: at - 120_000 }],
      ]);
      await page.goto(`${ctx.baseUrl}/clerk/`);
      await staffSignIn(page, ctx.demo.clerkUser, ctx.demo.password);

      const panel = page.getByTestId('rejections-panel');
      await panel.waitFor();
      assert((await panel.getAttribute('role')) === 'alert', 'the panel is not an alert');
      const items = page.getByTestId('rejection-item');
      assert((await items.count()) === 2, `expected 2 refusals, got ${await items.count()}`);
      const newest = await text(items.nth(0));
      for (const want of ['收银', '¥123.45', '储值余额不足，请改用其他支付方式', 'ABC123', shanghaiClock(at)]) assert(newest.includes(want), `"${want}" missing from "${newest}"`);
      const older = await text(items.nth(1));
      for (const want of ['充值', 'A reason this build has no words for', 'XYZ789']) assert(older.includes(want), `"${want}" missing from "${older}"`);
      assert(!older.includes('¥'), `a refused recharge shows an amount: "${older}"`);
      await ctx.screenshot(page, 'clerk-rejections');

      await page.getByTestId('lang-en').click();
      await page.waitForFunction(() => document.querySelector('[data-testid="rejection-item"]')?.textContent?.includes('Checkout'));
      const newestEn = await text(items.nth(0));
      assert(newestEn.includes('Not enough stored value — take another payment'), `English reason missing: "${newestEn}"`);
      await ctx.screenshot(page, 'clerk-rejections-en');
      await page.getByTestId('lang-zh-CN').click();

      // "Got it" hides one; the choice is kept on the tablet across a reload.
      await items.nth(0).getByTestId('rejection-ack').click();
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="rejection-item"]').length === 1);
      assert((await text(items.nth(0))).includes('充值'), 'the wrong refusal was acknowledged');
      await page.reload();
      await items.first().waitFor();
      assert((await items.count()) === 1, `after a reload ${await items.count()} refusals are shown`);
      await items.nth(0).getByTestId('rejection-ack').click();
      await panel.waitFor({ state: 'detached' });
      await page.reload();
      await syncedSnapshot(page);
      assert((await panel.count()) === 0, 'acknowledged refusals came back after a reload');
      await page.unrouteAll({ behavior: 'ignoreErrors' });
    },
  },
  {
    name: 'Clerk: a wrong password shows the error',
    async run(ctx) {
      const page = await open(ctx, '/clerk/', TABLET);
      await staffSignIn(page, ctx.demo.clerkUser, 'not-the-password');
      const error = page.getByTestId('login-error');
      await error.waitFor();
      const message = await text(error);
      assert(/用户名或密码错误|Wrong username or password/.test(message), `unexpected error text "${message}"`);
      assert((await page.getByTestId('counter').count()) === 0, 'signed in with a wrong password');
      await ctx.screenshot(page, 'clerk-login-error');
    },
  },
  {
    name: 'Member: signs in with an SMS code and sees the balance',
    async run(ctx) {
      const phone = ctx.demo.memberPhone;
      const page = await open(ctx, '/member/', PHONE);
      await page.getByTestId('login-phone').fill(phone);
      await page.getByTestId('login-get-code').click();
      await page.getByTestId('login-info').waitFor();

      const { messages } = await api(ctx, '/api/dev/outbox');
      const newest = messages.filter((m) => m.recipient === phone).sort((a, b) => b.at - a.at)[0];
      assert(newest, `no SMS to ${phone} in the dev outbox`);
      const code = /\d{6}/.exec(newest.body)?.[0];
      assert(code, `no 6-digit code in "${newest.body}"`);

      await page.getByTestId('login-code').fill(code);
      await page.getByTestId('login-submit').click();
      const balance = page.getByTestId('member-balance');
      await balance.waitFor({ state: 'visible' });
      const shown = await text(balance);
      assert(shown.includes('¥'), `balance "${shown}" is not money`);
      await ctx.screenshot(page, 'member-home');
    },
  },
  {
    name: 'Language switch: EN changes the heading, and the choice survives a reload',
    async run(ctx) {
      const page = await open(ctx, '/hq/stores', DESKTOP); // the stores screen (the landing screen is 首页)
      await staffSignIn(page, ctx.demo.hqUser, ctx.demo.password);
      const heading = page.getByTestId('home-heading');
      await heading.waitFor();
      await page.getByTestId('lang-zh-CN').click();
      const zh = await text(heading);
      await page.getByTestId('lang-en').click();
      const en = await textChange(page, 'home-heading', zh);
      assert(en !== zh && /Stores/.test(en), `heading did not switch to English: "${zh}" → "${en}"`);
      assert((await page.getAttribute('html', 'lang')) === 'en', 'html lang was not updated');
      await ctx.screenshot(page, 'hq-stores-en');

      await page.reload();
      await heading.waitFor();
      assert((await text(heading)) === en, 'the language choice did not persist');
      await page.getByTestId('lang-zh-CN').click();
      assert((await textChange(page, 'home-heading', en)) === zh, 'switching back to 中文 failed');
    },
  },
];
