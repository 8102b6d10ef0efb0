// The counter: ring up, split payment, done screen; offline and refused sales. Run by client/e2e/run.ts.
const TABLET = { width: 1180, height: 820 };
const TIMEOUT = 15_000;

function assert(cond, message) {
  if (!cond) throw new Error(message);
}
const text = async (locator) => ((await locator.textContent()) ?? '').trim();

async function api(ctx, path, { token, body } = {}) {
  const res = await fetch(`${ctx.baseUrl}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await res.json();
  assert(res.ok, `${path} → ${res.status} ${JSON.stringify(json)}`);
  return json;
}
const staffToken = async (ctx, username) => (await api(ctx, '/api/auth/login', { body: { username, password: ctx.demo.password } })).token;

/** Signs the clerk in and waits until the tablet holds its store's catalog. */
async function openCounter(ctx, username = ctx.demo.clerkUser) {
  const page = await ctx.newPage({ viewport: TABLET });
  page.setDefaultTimeout(TIMEOUT);
  await page.goto(`${ctx.baseUrl}/clerk/`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(ctx.demo.password);
  await page.getByTestId('login-submit').click();
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
];
