// A new HQ manager's first day on a fresh demo (issue 18's Done-when): a store and a clerk, 50
// products by CSV (one bad row), a store price, stock in, a transfer to the new store, a low-stock
// warning, 20 members with opening balances, a campaign pushed to two stores (seen on one tablet and
// not on another), a password reset, and every step found in the audit log. Run by client/e2e/run.ts.
//
// Every step is done through the UI (HQ at 1440×900, the clerk tablets); the API only checks what
// the screens say (stock levels, the stored price, balances, the exact audit actions).
import { api, assert, DESKTOP, open, staffSignIn, staffToken, TABLET, text } from './helpers.mjs';

const stamp = Date.now().toString(36).toUpperCase();
const sku = (i) => `FD${stamp}-${String(i).padStart(2, '0')}`;
const BAD = 37;

function catalogCsv() {
  const rows = [['SKU', '名称', '类型', '分类', '单位', '条码', '成本价', '售价', '积分', '次卡', '状态']];
  for (let i = 1; i <= 50; i += 1) rows.push([sku(i), `首日商品${String(i).padStart(2, '0')}`, '商品', '洗护用品', '瓶', '', '10.00', i === BAD ? '12.345' : '25.00', '是', '否', '在售']);
  return `\uFEFF${rows.map((r) => r.join(',')).join('\r\n')}\r\n`;
}

function memberCsv(phones) {
  const rows = [['手机', '姓名', '性别', '储值本金', '赠送金', '积分']];
  phones.forEach((p, i) => rows.push([p, `导入会员${i + 1}`, i % 2 ? '男' : '女', `${100 + i}.50`, '10', String(i * 10)]));
  return `\uFEFF${rows.map((r) => r.join(',')).join('\r\n')}\r\n`;
}

/** A tablet page in its own browser context (a tablet keeps one session; HQ's page keeps its own). */
async function tablet(ctx) {
  const context = await ctx.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const tctx = {
    ...ctx,
    newPage: async (o) => {
      const p = await context.newPage();
      if (o?.viewport) await p.setViewportSize(o.viewport);
      return p;
    },
  };
  const page = await open(tctx, '/clerk/', TABLET);
  return { page, close: () => context.close() };
}

async function go(page, key) {
  await page.getByTestId(`nav-${key}`).click();
}

async function level(ctx, token, storeId, productId) {
  const { levels } = await api(ctx, `/api/inventory?storeId=${encodeURIComponent(storeId)}&q=${encodeURIComponent(sku(1))}`, { token });
  return levels.find((l) => l.productId === productId)?.quantity ?? 0;
}

async function addProduct(page, query) {
  await page.getByTestId('product-search').fill(query);
  await page.getByTestId('product-tile').first().click();
  await page.getByTestId('product-search').fill('');
}

export const tests = [
  {
    name: 'HQ first day: store, clerk, catalog CSV, store price, stock and transfer, warning, members, campaign on two stores, password reset, audit',
    async run(ctx) {
      let page = null;
      try {
        await firstDay(ctx, (p) => (page = p));
      } catch (e) {
        if (page) await ctx.screenshot(page, 'hq-first-day-FAILED').catch(() => {});
        throw e;
      }
    },
  },
];

async function firstDay(ctx, keep) {
  const hq = await staffToken(ctx, ctx.demo.hqUser);
  const t0 = Date.now();
  const page = await open(ctx, '/hq/stores', DESKTOP); // the stores screen (the landing screen is 首页)
  keep(page);
  page.on('pageerror', (e) => console.log(`    [hq page error] ${String(e.stack ?? e).slice(0, 600)}`));
  await staffSignIn(page, ctx.demo.hqUser, ctx.demo.password);
  await page.getByTestId('store-row').first().waitFor();

  // 1. 门店: a new store from the dialog.
  const storeName = `新开${stamp.slice(-4)}店`;
  const storeCode = `N${stamp.slice(-6)}`;
  await page.getByTestId('store-new').click();
  await page.getByTestId('store-dialog').waitFor();
  await page.getByTestId('store-code').fill(storeCode);
  await page.getByTestId('store-name').fill(storeName);
  await page.getByTestId('store-address').fill('广州市番禺区市桥路1号');
  await page.getByTestId('store-phone').fill('020-81110009');
  await page.getByTestId('store-hours').fill('10:00-22:00');
  await ctx.screenshot(page, 'hq-first-day-store-dialog');
  await page.getByTestId('store-save').click();
  await page.getByTestId('store-saved').waitFor();
  await page.getByTestId('store-row').filter({ hasText: storeName }).waitFor();
  const { stores } = await api(ctx, '/api/stores', { token: hq });
  const store = stores.find((s) => s.code === storeCode);
  assert(store && store.name === storeName && store.status === 'open', `the new store is not in /api/stores: ${JSON.stringify(store)}`);
  await ctx.screenshot(page, 'hq-first-day-stores');

  // 员工: the new store's clerk, from the staff dialog.
  const clerkUser = `fd${stamp.toLowerCase()}`;
  const firstPassword = 'Welcome-2026-first';
  await go(page, 'staff');
  await page.getByTestId('staff-heading').waitFor();
  await page.getByTestId('staff-new').click();
  await page.getByTestId('staff-dialog').waitFor();
  await page.getByTestId('staff-username').fill(clerkUser);
  await page.getByTestId('staff-name').fill('新店店员');
  await page.getByTestId('staff-role').selectOption('clerk');
  await page.getByTestId('staff-store').selectOption(store.id);
  await page.getByTestId('staff-password').fill(firstPassword);
  await ctx.screenshot(page, 'hq-first-day-staff-dialog');
  await page.getByTestId('staff-save').click();
  await page.getByTestId('staff-row').filter({ hasText: clerkUser }).waitFor();
  await ctx.screenshot(page, 'hq-first-day-staff');
  const { staff: staffList } = await api(ctx, `/api/staff?q=${clerkUser}`, { token: hq });
  const clerk = staffList.find((a) => a.username === clerkUser);
  assert(clerk && clerk.mustChangePassword === true && clerk.storeId === store.id && clerk.role === 'clerk', `new clerk ${JSON.stringify(clerk)}`);

  // 2. 商品与价格: import 50 products, one with a price of 12.345.
  await go(page, 'products');
  await page.getByTestId('products-heading').waitFor();
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-dialog').waitFor();
  await page.getByTestId('import-file').setInputFiles({ name: 'first-day.csv', mimeType: 'text/csv', buffer: Buffer.from(catalogCsv(), 'utf8') });
  await page.getByTestId('import-counts').waitFor();
  const counts = await text(page.getByTestId('import-counts'));
  assert(counts.includes('新增 49') && counts.includes('错误 1'), `preview counts "${counts}"`);
  const bad = page.getByTestId('import-row-error');
  assert((await bad.count()) === 1, `${await bad.count()} error rows in the preview`);
  const badText = await text(bad);
  assert(badText.includes(sku(BAD)) && badText.includes('最多两位小数'), `the bad row reads "${badText}"`);
  await bad.scrollIntoViewIfNeeded();
  await ctx.screenshot(page, 'hq-first-day-import-preview');
  await page.getByTestId('import-commit').click();
  await page.getByTestId('import-done').waitFor();
  const doneText = await text(page.getByTestId('import-done'));
  assert(doneText.includes('新增 49'), `import result "${doneText}"`);
  await page.getByTestId('import-close').click();
  const imported = await api(ctx, `/api/catalog/products?q=${encodeURIComponent(`FD${stamp}`)}&limit=200`, { token: hq });
  assert(imported.total === 49, `${imported.total} products written, expected 49`);
  const badHits = await api(ctx, `/api/catalog/products?q=${encodeURIComponent(sku(BAD))}`, { token: hq });
  assert(badHits.total === 0, `the bad SKU ${sku(BAD)} was written`);
  const bySku = new Map(imported.products.map((p) => [p.sku, p]));
  const stockP = bySku.get(sku(1));
  const priceP = bySku.get(sku(2));
  assert(stockP && priceP && stockP.listPriceFen === 2500, 'imported products missing');

  // 3. A store price at store-1.
  await page.getByTestId('products-search').fill(sku(2));
  await page.getByTestId('product-row').filter({ hasText: sku(2) }).waitFor();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="product-row"]').length === 1);
  await page.getByTestId('product-row').filter({ hasText: sku(2) }).getByTestId('product-prices').click();
  const row1 = page.getByTestId('prices-row-store-1');
  await row1.waitFor();
  await row1.getByTestId('store-price').fill('19.90');
  await row1.getByTestId('store-save').click();
  await row1.getByText('已保存').waitFor();
  await ctx.screenshot(page, 'hq-first-day-store-price');
  await page.getByTestId('prices-close').click();
  const ps = await api(ctx, `/api/catalog/products/${priceP.id}/stores`, { token: hq });
  const s1 = ps.stores.find((s) => s.storeId === 'store-1');
  assert(s1?.priceFen === 1990, `store-1 price ${JSON.stringify(s1)}`);

  // 4. 库存: 进货 at store-1, then a transfer of 12 to the new store: shipped (在途), received.
  await go(page, 'inventory');
  await page.getByTestId('inventory-heading').waitFor();
  await page.getByTestId('inventory-store').selectOption('store-1');
  await page.getByTestId('inventory-search').fill(sku(1));
  const invRow = page.getByTestId('inventory-row').filter({ hasText: sku(1) });
  await invRow.waitFor();
  await invRow.getByTestId('inventory-receive').click();
  await page.getByTestId('inventory-dialog').waitFor();
  await page.getByTestId('inventory-quantity').fill('30');
  await page.getByTestId('inventory-cost').fill('9.80');
  await page.getByTestId('inventory-supplier').fill('广州洗护供应商');
  await ctx.screenshot(page, 'hq-first-day-receive');
  await page.getByTestId('inventory-save').click();
  await page.getByTestId('inventory-saved').waitFor();
  await invRow.locator('td.num').filter({ hasText: /^30\s/ }).waitFor();
  assert((await level(ctx, hq, 'store-1', stockP.id)) === 30, 'store-1 did not receive 30');

  await page.getByTestId('inventory-tab-transfers').click();
  await page.getByTestId('transfer-new').click();
  await page.getByTestId('transfer-dialog').waitFor();
  await page.getByTestId('transfer-from').selectOption('store-1');
  await page.getByTestId('transfer-to').selectOption(store.id);
  await page.getByTestId('transfer-search').fill(sku(1));
  const line = page.getByTestId('transfer-line').filter({ hasText: sku(1) });
  await line.waitFor();
  await line.getByTestId('transfer-qty').fill('12');
  await ctx.screenshot(page, 'hq-first-day-transfer-new');
  await page.getByTestId('transfer-save').click();
  await page.getByTestId('transfer-notice').waitFor();
  const tRow = page.getByTestId('transfer-row').filter({ hasText: stockP.name }).filter({ hasText: storeName });
  await tRow.waitFor();
  assert((await text(tRow.getByTestId('transfer-status'))) === '待发货', `new transfer status ${await text(tRow.getByTestId('transfer-status'))}`);
  await tRow.getByTestId('transfer-ship').click();
  await page.locator('[data-testid="transfer-row"][data-status="shipped"]').filter({ hasText: storeName }).waitFor();
  assert((await text(tRow.getByTestId('transfer-status'))) === '在途', 'shipped transfer is not 在途');
  assert((await text(tRow)).includes('在途 12'), `the row does not show 12 in transit: ${await text(tRow)}`);
  await ctx.screenshot(page, 'hq-first-day-transfer-shipped');
  assert((await level(ctx, hq, 'store-1', stockP.id)) === 18, 'store-1 stock did not go down to 18 on shipping');
  assert((await level(ctx, hq, store.id, stockP.id)) === 0, 'the new store has stock before receiving');
  await tRow.getByTestId('transfer-receive').click();
  await page.getByTestId('receive-dialog').waitFor();
  assert((await page.getByTestId('receive-qty').inputValue()) === '12', 'receive defaults to what is in transit');
  await page.getByTestId('receive-save').click();
  await page.locator('[data-testid="transfer-row"][data-status="received"]').filter({ hasText: storeName }).waitFor();
  assert((await text(tRow.getByTestId('transfer-status'))) === '已收货', 'received transfer status');
  await ctx.screenshot(page, 'hq-first-day-transfer-received');
  assert((await level(ctx, hq, store.id, stockP.id)) === 12, 'the new store did not get 12');
  assert((await level(ctx, hq, 'store-1', stockP.id)) === 18, 'store-1 changed on receipt');

  // 5. A threshold of 20 at the new store (12 on hand) → 预警.
  await page.getByTestId('inventory-tab-levels').click();
  await page.getByTestId('inventory-store').selectOption(store.id);
  await page.getByTestId('inventory-search').fill(sku(1));
  const newRow = page.getByTestId('inventory-row').filter({ hasText: sku(1) });
  await newRow.waitFor();
  await newRow.getByTestId('inventory-threshold').click();
  await page.getByTestId('inventory-threshold-input').fill('20');
  await page.getByTestId('inventory-save').click();
  await page.getByTestId('inventory-saved').waitFor();
  await page.getByTestId('inventory-tab-warnings').click();
  const warn = page.getByTestId('warning-row').filter({ hasText: stockP.name });
  await warn.waitFor();
  const warnText = await text(warn);
  assert(warnText.includes(storeName) && warnText.includes('12') && warnText.includes('20'), `warning row "${warnText}"`);
  await ctx.screenshot(page, 'hq-first-day-warnings');

  // 6. 会员: 20 members with opening balances, at store-1.
  const base = Number(String(Date.now()).slice(-8)) % 90_000_000;
  const phones = Array.from({ length: 20 }, (_, i) => `139${String((base + i * 7_919) % 100_000_000).padStart(8, '0')}`);
  await go(page, 'members');
  await page.getByTestId('members-heading').waitFor();
  await page.getByTestId('members-import').click();
  const mDialog = page.getByTestId('import-dialog');
  await mDialog.waitFor();
  await page.getByTestId('import-store').selectOption('store-1');
  await page.getByTestId('import-file').setInputFiles({ name: 'members.csv', mimeType: 'text/csv', buffer: Buffer.from(memberCsv(phones), 'utf8') });
  await page.waitForFunction(() => !document.querySelector('[data-testid="import-preview"]')?.disabled);
  await page.getByTestId('import-preview').click();
  await page.getByTestId('import-counts').waitFor();
  const mCounts = await text(page.getByTestId('import-counts'));
  assert(mCounts.includes('新会员 20 位') && mCounts.includes('错误 0'), `member preview "${mCounts}"`);
  await ctx.screenshot(page, 'hq-first-day-members-preview');
  await page.getByTestId('import-commit').click();
  await page.getByTestId('import-result').waitFor();
  const mResult = await text(page.getByTestId('import-result'));
  assert(mResult.includes('已创建 20 位') && mResult.includes('期初余额入账 20 位'), `member import "${mResult}"`);
  await mDialog.getByRole('button', { name: '关闭' }).click();
  const found = await api(ctx, `/api/member-admin/members?q=${phones[3]}`, { token: hq });
  assert(found.members.length === 1, `member ${phones[3]} not found once`);
  const m3 = await api(ctx, `/api/members/${found.members[0].id}`, { token: hq });
  assert(m3.principalFen === 10_350 && m3.bonusFen === 1_000, `opening balance of ${phones[3]}: ${m3.principalFen}/${m3.bonusFen}`);

  // 7. 营销活动: 全场8折 at store-1 and store-2.
  const campaignName = `首日全场8折${stamp.slice(-4)}`;
  // By the sidebar from 会员: the screens share the cached store list (one shape under one key).
  await go(page, 'campaigns');
  await page.getByTestId('campaign-new').click();
  await page.getByTestId('campaign-dialog').waitFor();
  await page.getByTestId('campaign-name').fill(campaignName);
  await page.getByTestId('campaign-rate').fill('8');
  await page.getByTestId('campaign-stores-store-1').check();
  await page.getByTestId('campaign-stores-store-2').check();
  await ctx.screenshot(page, 'hq-first-day-campaign-dialog');
  await page.getByTestId('campaign-save').click();
  await page.getByTestId('campaign-saved').waitFor();
  const cRow = page.getByTestId('campaign-row').filter({ hasText: campaignName });
  await cRow.waitFor();
  const cText = await text(cRow);
  assert(cText.includes('天河1店') && cText.includes('越秀2店') && !cText.includes(storeName), `campaign row "${cText}"`);
  await ctx.screenshot(page, 'hq-first-day-campaigns');

  // The tablets: store-1 gets 8折 on a shampoo; the new store does not.
  const tabs = [];
  try {
    const { page: s1Tab, close: c1 } = await tablet(ctx);
    tabs.push(c1);
    await staffSignIn(s1Tab, ctx.demo.clerkUser, ctx.demo.password);
    await s1Tab.getByTestId('product-tile').first().waitFor();
    await addProduct(s1Tab, '控油洗发水');
    const disc = s1Tab.locator('.cart-line-discount').filter({ hasText: campaignName });
    await disc.waitFor();
    assert((await text(disc)).includes('17.80'), `store-1 discount "${await text(disc)}" is not 20% of ¥89`);
    assert((await text(s1Tab.getByTestId('cart-total'))) === '¥71.20', `store-1 total ${await text(s1Tab.getByTestId('cart-total'))}`);
    await ctx.screenshot(s1Tab, 'hq-first-day-tablet-store1');

    const { page: newTab, close: c2 } = await tablet(ctx);
    tabs.push(c2);
    await staffSignIn(newTab, clerkUser, firstPassword);
    await newTab.getByTestId('login-change').waitFor();
    const chosen = 'MyOwn-Password-2026';
    await newTab.getByTestId('login-new-password').fill(chosen);
    await newTab.getByTestId('login-new-password-again').fill(chosen);
    await newTab.getByTestId('login-change-submit').click();
    await newTab.getByTestId('product-tile').first().waitFor({ timeout: 30_000 });
    const heading = await text(newTab.getByTestId('store-name'));
    assert(heading.includes(storeName), `the new clerk's tablet names "${heading}"`);
    await addProduct(newTab, '控油洗发水');
    await newTab.getByTestId('cart-total').waitFor();
    const cart = await text(newTab.getByTestId('cart'));
    assert(!cart.includes(campaignName), `the campaign applies at the new store: ${cart}`);
    assert((await text(newTab.getByTestId('cart-total'))) === '¥89.00', `new store total ${await text(newTab.getByTestId('cart-total'))}`);
    await ctx.screenshot(newTab, 'hq-first-day-tablet-newstore');

    // 8. Reset the clerk's password on the staff screen: the temporary password is shown once.
    await page.goto(`${ctx.baseUrl}/hq/staff`);
    await page.getByTestId('staff-search').fill(clerkUser);
    const sRow = page.getByTestId('staff-row').filter({ hasText: clerkUser });
    await sRow.waitFor();
    await sRow.getByTestId('staff-reset').click();
    await page.getByTestId('reset-dialog').waitFor();
    await page.getByTestId('reset-submit').click();
    const tempEl = page.getByTestId('reset-temp-password');
    await tempEl.waitFor();
    const temporaryPassword = await text(tempEl);
    assert(temporaryPassword.length >= 10, `temporary password "${temporaryPassword}"`);
    await ctx.screenshot(page, 'hq-first-day-reset-password');
    await page.getByTestId('reset-close').click();
    const after = (await api(ctx, `/api/staff?q=${clerkUser}`, { token: hq })).staff.find((a) => a.username === clerkUser);
    assert(after?.mustChangePassword === true, 'the reset did not ask for a new password');
    const { page: again, close: c3 } = await tablet(ctx);
    tabs.push(c3);
    await staffSignIn(again, clerkUser, temporaryPassword);
    await again.getByTestId('login-change').waitFor();
    await ctx.screenshot(again, 'hq-first-day-must-change-password');
  } finally {
    for (const close of tabs) await close();
  }

  // 9. 审计日志: each step searched on the screen (free text matches the action), then exactly by the API.
  await page.goto(`${ctx.baseUrl}/hq/audit`);
  await page.getByTestId('audit-heading').waitFor();
  await page.getByTestId('audit-actor').fill('admin');
  const actions = ['store.created', 'staff.created', 'catalog.import', 'store_product.update', 'inventory.receive', 'stock_transfer.create', 'stock_transfer.ship', 'stock_transfer.receive', 'inventory.threshold', 'member.import', 'campaign.create', 'staff.password_reset'];
  for (const a of actions) {
    await page.getByTestId('audit-q').fill(a);
    await page.getByTestId('audit-apply').click();
    await page.waitForFunction((q) => {
      const rows = [...document.querySelectorAll('[data-testid="audit-row"]')];
      return rows.length > 0 && !document.querySelector('[data-testid="audit-table"] td.empty') && document.querySelector('[data-testid="audit-q"]').value === q;
    }, a);
    if (a === 'stock_transfer.ship') await ctx.screenshot(page, 'hq-first-day-audit');
  }
  await page.getByTestId('audit-q').fill('staff.password_reset');
  await page.getByTestId('audit-apply').click();
  await page.getByTestId('audit-row').filter({ hasText: clerkUser }).or(page.getByTestId('audit-row').filter({ hasText: clerk.id })).first().waitFor();
  await page.getByTestId('audit-row').first().click();
  await page.getByTestId('audit-detail').waitFor();
  await ctx.screenshot(page, 'hq-first-day-audit-reset');
  const since = t0 - 1000;
  const find = async (action, extra = '') => {
    const { entries } = await api(ctx, `/api/audit?action=${encodeURIComponent(action)}&from=${since}&limit=200${extra}`, { token: hq });
    return entries;
  };
  const expect = async (label, action, pred, extra) => {
    const rows = (await find(action, extra)).filter(pred);
    assert(rows.length > 0, `no audit row for ${label} (${action})`);
    assert(rows.every((r) => r.actorUsername === 'admin' || action === 'staff.password_changed'), `${label}: audited as someone else`);
  };
  await expect('store created', 'store.created', (r) => r.entityId === store.id);
  await expect('staff created', 'staff.created', (r) => r.entityId === clerk.id);
  await expect('catalog import', 'catalog.import', () => true);
  await expect('store price', 'store_product.update', (r) => JSON.stringify(r).includes(priceP.id));
  await expect('stock received', 'inventory.receive', (r) => r.entityId === `store-1/${stockP.id}`);
  await expect('transfer created', 'stock_transfer.create', () => true);
  await expect('transfer shipped', 'stock_transfer.ship', () => true);
  await expect('transfer received', 'stock_transfer.receive', () => true);
  await expect('threshold', 'inventory.threshold', (r) => r.entityId === `${store.id}/${stockP.id}`);
  await expect('member import', 'member.import', () => true);
  await expect('campaign', 'campaign.create', (r) => JSON.stringify(r.detail).includes(campaignName));
  await expect('password reset', 'staff.password_reset', (r) => r.entityId === clerk.id);

  // 10. English: the screens again.
  await ctx.screenshot(page, 'hq-first-day-audit-zh');
  await page.getByTestId('lang-en').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await ctx.screenshot(page, 'hq-first-day-audit-en');
  await page.goto(`${ctx.baseUrl}/hq/campaigns`);
  await page.getByTestId('campaign-row').filter({ hasText: campaignName }).waitFor();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await ctx.screenshot(page, 'hq-first-day-campaigns-en');
  await page.goto(`${ctx.baseUrl}/hq/inventory`);
  await page.getByTestId('inventory-tab-transfers').click();
  await page.getByTestId('transfer-row').first().waitFor();
  assert((await text(page.getByTestId('transfer-row').filter({ hasText: storeName }).getByTestId('transfer-status'))) !== '已收货', 'transfer status not translated');
  await ctx.screenshot(page, 'hq-first-day-transfers-en');
  await page.getByTestId('inventory-tab-warnings').click();
  await page.getByTestId('warning-row').filter({ hasText: stockP.name }).waitFor();
  await ctx.screenshot(page, 'hq-first-day-warnings-en');
  await go(page, 'products');
  await page.getByTestId('products-search').fill(`FD${stamp}`);
  await page.getByTestId('product-row').filter({ hasText: sku(2) }).waitFor();
  await ctx.screenshot(page, 'hq-first-day-products-en');
  await go(page, 'stores');
  await page.getByTestId('store-row').filter({ hasText: storeName }).waitFor();
  await ctx.screenshot(page, 'hq-first-day-stores-en');
  await page.getByTestId('lang-zh-CN').click();

  // The day ends with the campaign ended (结束): the browser tests after this one price the demo without it.
  await go(page, 'campaigns');
  const row = page.getByTestId('campaign-row').filter({ hasText: campaignName });
  await row.getByTestId('campaign-end').click();
  await row.getByTestId('campaign-end').waitFor({ state: 'detached' });
  const { campaigns } = await api(ctx, '/api/promotions/campaigns', { token: hq });
  const ended = campaigns.find((c) => c.name === campaignName);
  assert(ended && (!ended.active || ended.endsAt <= Date.now()), `campaign ${campaignName} still running: ${JSON.stringify(ended)}`);
}
