// Browser smoke tests for the three PWAs' first screens. Run by client/e2e/run.ts (`npm run test:e2e`)
// against a freshly seeded local chain; each test gets its own browser context (locale zh-CN).
// Plain ESM JS so it runs without a build step.

const TABLET = { width: 1180, height: 820 };
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const TIMEOUT = 15_000;

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

async function open(ctx, path, viewport) {
  const page = await ctx.newPage({ viewport });
  page.setDefaultTimeout(TIMEOUT);
  await page.goto(`${ctx.baseUrl}${path}`);
  return page;
}

async function staffSignIn(page, username, password) {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** Calls the API directly (not through the page) to learn what the screen should show. */
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

async function staffToken(ctx, username) {
  return (await api(ctx, '/api/auth/login', { body: { username, password: ctx.demo.password } })).token;
}

const text = async (locator) => ((await locator.textContent()) ?? '').trim();

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

export const tests = [
  {
    name: 'HQ: admin signs in and sees the three stores',
    async run(ctx) {
      const page = await open(ctx, '/hq/', DESKTOP);
      await staffSignIn(page, ctx.demo.hqUser, ctx.demo.password);
      const table = page.getByTestId('store-table');
      await table.waitFor();
      await page.getByTestId('store-row').first().waitFor();
      const rows = await page.getByTestId('store-row').count();
      assert(rows === 3, `expected 3 stores in the table, got ${rows}`);
      const { stores } = await api(ctx, '/api/stores', { token: await staffToken(ctx, ctx.demo.hqUser) });
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
      const heading = await text(page.getByTestId('home-heading'));
      assert(heading.includes(me.store.name), `heading "${heading}" does not name the store "${me.store.name}"`);

      await page.getByTestId('member-search-input').fill(last4);
      await page.getByTestId('member-search-submit').click();
      await page.getByTestId('member-row').first().waitFor();
      const list = await text(page.getByTestId('member-results'));
      assert(list.includes(`****${last4}`), `no result with a phone ending ${last4}: ${list.slice(0, 200)}`);
      assert(list.includes(members[0].name), `${members[0].name} is not in the results`);
      await ctx.screenshot(page, 'clerk-member-lookup');
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
      assert((await page.getByTestId('home-heading').count()) === 0, 'signed in with a wrong password');
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
      const page = await open(ctx, '/hq/', DESKTOP);
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
