// What the browser tests share (not a test file: run.ts loads only *.e2e.mjs).
export const TABLET = { width: 1180, height: 820 };
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1440, height: 900 };
export const TIMEOUT = 15_000;

/**
 * What the worker's Content-Security-Policy blocked on pages opened with open(): a blocked script,
 * style or connection is a feature that silently stops working, so the next assert() fails on it.
 */
const cspViolations = [];
const isCspMessage = (t) => t.startsWith('CSP violation:') || t.startsWith('Refused to') || t.includes('Content Security Policy');

function watchCsp(page) {
  page.on('console', (msg) => {
    if (msg.type() === 'error' && isCspMessage(msg.text())) cspViolations.push(`${page.url()}: ${msg.text().slice(0, 300)}`);
  });
  // The event also covers what the console does not report (a blocked eval caught by the page).
  return page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} ${JSON.stringify(e.sample)} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
}

/** Throws (once) if a page broke the Content-Security-Policy since the last check. */
export function assertNoCspViolations() {
  if (cspViolations.length === 0) return;
  const seen = cspViolations.splice(0);
  throw new Error(`Content-Security-Policy violations:\n  ${[...new Set(seen)].join('\n  ')}`);
}

export function assert(cond, message) {
  assertNoCspViolations();
  if (!cond) throw new Error(message);
}

export async function open(ctx, path, viewport) {
  // A test before this one may have left violations on a page it never asserted on again.
  assertNoCspViolations();
  const page = await ctx.newPage({ viewport });
  page.setDefaultTimeout(TIMEOUT);
  await watchCsp(page);
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

const cdpSessions = new WeakMap();
/**
 * Types `code` then Enter as a USB barcode scanner in keyboard mode does: keys 4 ms apart by the
 * keyboard's own clock. Sent over the DevTools protocol with explicit timestamps (Chromium only),
 * so a busy test machine cannot stretch the burst into what the counter rightly takes for a person
 * typing (client/src/apps/clerk/scan/keyboard-wedge.ts reads the events' timeStamp). The keys go
 * wherever the focus is, as a scanner's do.
 */
export async function scanWedge(page, code, { gapMs = 4 } = {}) {
  let cdp = cdpSessions.get(page);
  if (!cdp) cdpSessions.set(page, (cdp = await page.context().newCDPSession(page)));
  const t0 = Date.now() / 1000;
  const at = (i) => t0 + (i * gapMs) / 1000;
  const sends = [];
  let i = 0;
  for (const ch of code) {
    sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: ch, text: ch, unmodifiedText: ch, timestamp: at(i) }));
    sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: ch, timestamp: at(i) + 0.001 }));
    i += 1;
  }
  const enter = { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, nativeVirtualKeyCode: 13 };
  sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...enter, text: '\r', unmodifiedText: '\r', timestamp: at(i) }));
  sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...enter, timestamp: at(i) + 0.001 }));
  await Promise.all(sends);
}
