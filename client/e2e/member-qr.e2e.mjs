// The member's QR code (docs/decisions/011), from the phone to the counter: the phone makes and
// registers its key and shows a signed code; the clerk tablet learns the key through sync; the
// code read off the phone's screen is typed in by a USB scanner (keyboard wedge) and identifies the
// member; a replayed, an expired and an old phone's code are refused. Run by client/e2e/run.ts.
import zxing from '@zxing/library';
import { generateMemberKeyPair, issueMemberCode } from '../../shared/domain/member-code.ts';
import { api, assert, open, PHONE, scanWedge, staffSignIn, staffToken, TABLET, text, TIMEOUT } from './helpers.mjs';

/**
 * Reads the QR code as it is drawn on the phone's screen: a screenshot of the element, its pixels
 * (decoded by the browser), and zxing (the library the tablet's camera scanner uses). Returns the
 * text and the `data-code` the screen says it shows, read before and after (a renewal in between
 * is read again).
 */
async function readQrOnScreen(page, locator) {
  for (let attempt = 0; attempt < 10; attempt++) {
    if (attempt > 0) await page.waitForTimeout(250);
    const before = await locator.getAttribute('data-code');
    const png = await locator.screenshot();
    const { width, height, lum } = await page.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bmp.width, bmp.height);
      const g = canvas.getContext('2d');
      g.drawImage(bmp, 0, 0);
      const px = g.getImageData(0, 0, bmp.width, bmp.height).data;
      const out = [];
      for (let i = 0; i < px.length; i += 4) out.push(Math.round(0.299 * px[i] + 0.587 * px[i + 1] + 0.114 * px[i + 2]));
      return { width: bmp.width, height: bmp.height, lum: out };
    }, png.toString('base64'));
    const { BinaryBitmap, HybridBinarizer, QRCodeReader, RGBLuminanceSource } = zxing;
    let read;
    try {
      read = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(Uint8ClampedArray.from(lum), width, height)))).getText();
    } catch (e) {
      // Some codes' module grid lands between screen pixels and zxing misses the pattern at this
      // size: renew the code (a tap, as a member would) and read the new one.
      if (!['NotFoundException', 'ChecksumException', 'FormatException'].includes(e?.constructor?.name ?? e?.name)) throw e;
      if (attempt % 2 === 1) await locator.click();
      continue;
    }
    const after = await locator.getAttribute('data-code');
    if (before === after) return { read, shown: after };
  }
  throw new Error('the member code could not be read from the screen (it kept changing, or no QR was drawn)');
}

/** Waits until the counter's scan message contains `want`; returns it. */
async function scanMessage(page, want) {
  await page.waitForFunction((w) => document.querySelector('[data-testid="scan-message"]')?.textContent.includes(w), want, { timeout: TIMEOUT }).catch(async () => {
    const shown = (await page.getByTestId('scan-message').count()) ? await text(page.getByTestId('scan-message')) : '(no message)';
    throw new Error(`the scan message is "${shown}", expected it to say "${want}"`);
  });
  return text(page.getByTestId('scan-message'));
}

/**
 * Scans `code` until the message says `want`. A pull's answer is in the tablet's store a moment
 * after it arrives: meanwhile the tablet may still answer from the row before (`pending`: no key
 * yet, or the replaced one). Those answers use up nothing (only an accepted code is remembered), so
 * the clerk's "scan again" is what is done here: dismiss the message (a tap) and scan once more.
 */
async function scanUntil(page, code, want, pending) {
  const message = page.getByTestId('scan-message');
  for (let attempt = 1; ; attempt++) {
    if (await message.count()) {
      await message.click();
      await message.waitFor({ state: 'detached' });
    }
    await scanWedge(page, code);
    await message.waitFor();
    const said = await text(message);
    if (said.includes(want)) return said;
    if (attempt === 20 || !pending.some((p) => said.includes(p))) throw new Error(`the scan message is "${said}", expected it to say "${want}"`);
    await page.waitForTimeout(250);
  }
}

/**
 * Records the member rows the tablet's pulls bring in. `until(memberId, key)` resolves once a pull
 * has carried that member with that QR public key.
 */
function watchPulls(page) {
  const rows = [];
  const waiters = new Set();
  page.on('response', async (res) => {
    if (!res.url().endsWith('/api/replicache/pull') || !res.ok()) return;
    const body = await res.json().catch(() => null);
    for (const op of body?.patch ?? []) if (op.op === 'put' && op.key?.startsWith('member/')) rows.push(op.value);
    for (const w of waiters) w();
  });
  return {
    until(memberId, key, timeoutMs = 40_000) {
      const has = () => rows.some((m) => m.id === memberId && m.qrPublicKey === key);
      if (has()) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          const seen = rows.filter((m) => m.id === memberId).map((m) => m.qrPublicKey);
          reject(new Error(`the tablet did not pull member ${memberId} with key ${key} within ${timeoutMs / 1000} s (its pulls carried: ${JSON.stringify(seen)})`));
        }, timeoutMs);
        const check = () => {
          if (!has()) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
      });
    },
  };
}

/** Signs the member in on the phone app with the SMS code from the dev outbox. */
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

async function putQrKey(ctx, token, publicKey) {
  const res = await fetch(`${ctx.baseUrl}/api/me/qr-key`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ publicKey }) });
  const json = await res.json();
  assert(res.ok, `PUT /api/me/qr-key → ${res.status} ${JSON.stringify(json)}`);
  return json;
}

export const tests = [
  {
    name: 'Member QR: scan a member QR (USB scanner) at the counter; a replayed or expired code is refused',
    async run(ctx) {
      const staff = await staffToken(ctx, ctx.demo.clerkUser);
      const phone = ctx.demo.memberPhone;
      const { members } = await api(ctx, `/api/members?q=${phone}&limit=5`, { token: staff });
      const member = members.find((m) => m.phone === phone);
      assert(member, `clerk1 cannot find the demo member ${phone}`);
      // The tablet keeps its own store's members offline (decision 002): home store or last visit.
      assert(member.homeStoreId === 'store-1' || member.lastVisitStoreId === 'store-1', `the demo member is not a store-1 member: ${JSON.stringify(member)}`);

      // ── The clerk's tablet, signed in and synced (it watches its pulls for the member's key).
      const tablet = await open(ctx, '/clerk/', TABLET);
      const pulls = watchPulls(tablet);
      await staffSignIn(tablet, ctx.demo.clerkUser, ctx.demo.password);
      await tablet.getByTestId('product-tile').first().waitFor();
      await tablet.waitForFunction(() => document.querySelector('[data-testid="sync-snapshot"]')?.getAttribute('data-state') === 'fresh');

      // ── The member's phone: a device of its own (another browser context).
      const phoneContext = await ctx.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: PHONE, isMobile: true, hasTouch: true });
      try {
        const app = await phoneContext.newPage();
        app.setDefaultTimeout(TIMEOUT);
        await app.goto(`${ctx.baseUrl}/member/`);
        await memberSignIn(app, ctx, phone);
        await app.getByTestId('show-member-code').click();
        const qr = app.getByTestId('member-code-qr');
        await qr.waitFor();
        assert(app.url().endsWith('/member/code'), `the code screen is at ${app.url()}`);
        const device = await app.evaluate((id) => JSON.parse(localStorage.getItem(`cloudcard.member.qrKey.${id}`) ?? 'null'), member.id);
        assert(device?.registered === true && device.publicKey, `the phone holds no registered key: ${JSON.stringify(device && { ...device, secretKey: '…' })}`);
        const onServer = await api(ctx, `/api/members/${member.id}`, { token: staff });
        assert(onServer.qrPublicKey === device.publicKey, `the server holds key ${onServer.qrPublicKey}, the phone ${device.publicKey}`);
        const cardNo = (await text(app.getByTestId('member-code-cardno'))).replace(/\s/g, '');
        assert(cardNo === member.cardNo, `the code screen shows card ${cardNo}, the member has ${member.cardNo}`);
        await ctx.screenshot(app, 'member-code');

        // The tablet learns the phone's key through sync.
        await pulls.until(member.id, device.publicKey);

        // ── The scanner reads the phone (what the QR code on its screen says): the counter identifies the member.
        const { read: code, shown } = await readQrOnScreen(app, qr);
        assert(code === shown, `the QR code on the screen reads "${code}", the screen says it shows "${shown}"`);
        assert(code.startsWith(`CC1.${member.id}.`), `the QR code carries "${code}"`);
        await tablet.getByTestId('cart-empty').click(); // focus on nothing in particular
        const found = await scanUntil(tablet, code, member.name, ['还没有同步到本机']);
        assert(found.includes('会员码'), `the scan message "${found}" does not say it was the member code`);
        await tablet.getByTestId('counter-member-name').waitFor();
        assert((await text(tablet.getByTestId('counter-member-name'))) === member.name, `the counter shows "${await text(tablet.getByTestId('counter-member-name'))}"`);
        await ctx.screenshot(tablet, 'counter-scan-member');

        // ── The same code again (a screenshot of the phone): refused as used. The burst lands in the
        // product search this time; the field gets back what the clerk had typed there.
        await tablet.getByTestId('product-search').click();
        await tablet.keyboard.type('洗发', { delay: 120 });
        await scanWedge(tablet, code);
        await scanMessage(tablet, '已经用过了');
        assert((await tablet.getByTestId('product-search').inputValue()) === '洗发', `the product search holds "${await tablet.getByTestId('product-search').inputValue()}" after the scan`);
        assert((await text(tablet.getByTestId('counter-member-name'))) === member.name, 'the member at the counter changed');
        await ctx.screenshot(tablet, 'counter-scan-replayed');
        await tablet.getByTestId('product-search').fill('');

        // The phone's code for later: a fresh one, before this phone's key is replaced.
        await qr.click(); // a tap renews the code
        await app.waitForFunction((old) => document.querySelector('[data-testid="member-code-qr"]')?.getAttribute('data-code') !== old, code);
        const { read: oldPhoneCode } = await readQrOnScreen(app, qr);
        const token = await app.evaluate(() => JSON.parse(localStorage.getItem('cloudcard.member.session') ?? 'null')?.token);
        assert(token, 'the phone holds no member session');
        await phoneContext.close();

        // ── A new phone (a key made here) replaces the old one's key; the tablet syncs it.
        const keys = generateMemberKeyPair();
        const saved = await putQrKey(ctx, token, keys.publicKey);
        assert(saved.qrPublicKey === keys.publicKey, `the server kept ${saved.qrPublicKey}`);
        await pulls.until(member.id, keys.publicKey);

        // A code signed with the registered key two minutes ago: expired (a good signature, too late).
        const expired = issueMemberCode(member.id, keys.secretKey, Date.now() - 120_000);
        await tablet.getByTestId('counter-member-name').click(); // off the search field
        await scanUntil(tablet, expired, '已过期', ['验证失败']);
        // The old phone's fresh code no longer verifies.
        await scanWedge(tablet, oldPhoneCode);
        await scanMessage(tablet, '验证失败');
        // And the new phone's own fresh code does.
        await tablet.getByTestId('clear-member').click();
        await tablet.getByTestId('counter-member-search').waitFor();
        await tablet.getByTestId('cart-empty').click();
        await scanWedge(tablet, issueMemberCode(member.id, keys.secretKey, Date.now()));
        await scanMessage(tablet, `已识别会员：${member.name}`);
        await tablet.getByTestId('counter-member-name').waitFor();
      } finally {
        await phoneContext.close().catch(() => {});
      }
    },
  },
];
