// What the browser tests share (not a test file: run.ts loads only *.e2e.mjs).
export const TABLET = { width: 1180, height: 820 };
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1440, height: 900 };
export const TIMEOUT = 15_000;

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}

export async function open(ctx, path, viewport) {
  const page = await ctx.newPage({ viewport });
  page.setDefaultTimeout(TIMEOUT);
  await page.goto(`${ctx.baseUrl}${path}`);
  return page;
}

export async function staffSignIn(page, username, password) {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** Calls the API directly (not through the page) to learn what the screen should show. */
export async function api(ctx, path, { token, body } = {}) {
  const res = await fetch(`${ctx.baseUrl}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await res.json();
  assert(res.ok, `${path} → ${res.status} ${JSON.stringify(json)}`);
  return json;
}

export async function staffToken(ctx, username) {
  return (await api(ctx, '/api/auth/login', { body: { username, password: ctx.demo.password } })).token;
}

export const text = async (locator) => ((await locator.textContent()) ?? '').trim();
