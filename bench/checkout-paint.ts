// Tap "confirm payment" → done screen painted, in headless Chromium, on a tablet holding a large
// store's view (≈ 20,000 members and 5,000 extra products: the chain below puts ~a third of 60,000 members
// plus their visits into store 1's view). Measured inside the page: from the tap's pointerdown
// timestamp to the first animation frame after the done screen is in the DOM, plus one task (the
// frame has been painted by then).
// Usage: npx tsx bench/checkout-paint.ts [--members 44000] [--products 5000] [--sales 200]
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { startDevServer } from '../scripts/dev-server';
import { initialSync, login, openTablet } from '../client/src/lib/sync/harness';
import { prefixes } from '../shared/sync/keys';

const { values } = parseArgs({ options: { members: { type: 'string', default: '44000' }, products: { type: 'string', default: '5000' }, sales: { type: 'string', default: '200' }, dir: { type: 'string', default: '.wrangler/bench-checkout' } } });
const dir = values.dir!;
rmSync(dir, { recursive: true, force: true });
const server = await startDevServer({ port: 8799, persistTo: dir, seedArgs: ['--members', values.members!, '--orders', '0', '--extra-products', values.products!], quiet: true, importBalances: false });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
try {
  const page = await browser.newPage({ viewport: { width: 1180, height: 820 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  page.setDefaultTimeout(120_000);
  let lastPull = Date.now();
  page.on('response', (r) => r.url().includes('/api/replicache/pull') && (lastPull = Date.now()));
  await page.goto(`${server.baseUrl}/clerk/`);
  await page.getByTestId('login-username').fill('clerk1');
  await page.getByTestId('login-password').fill('demo1234');
  const t0 = Date.now();
  await page.getByTestId('login-submit').click();
  await page.getByTestId('product-tile').first().waitFor();
  // The initial view pages in over several pulls: wait until they stop.
  while (Date.now() - lastPull < 3_000) await page.waitForTimeout(250);
  const view = await page.evaluate(async () => {
    const dbs = await indexedDB.databases();
    return dbs.map((d) => d.name).join(',');
  });
  console.log(`tablet synced in ${((Date.now() - t0 - 3_000) / 1000).toFixed(1)} s (IndexedDB: ${view.split(',').length} databases)`);
  // What that view holds: the same view synced once more by a Node client of the same user.
  const probe = openTablet(server.baseUrl, await login(server.baseUrl, 'clerk1'), { kvStore: 'mem', pokes: false });
  await initialSync(probe.rep, 120_000);
  const held = await probe.rep.query(async (tx) => ({
    members: (await tx.scan({ prefix: prefixes.member }).keys().toArray()).length,
    products: (await tx.scan({ prefix: prefixes.product }).keys().toArray()).length,
  }));
  await probe.rep.close();
  console.log(`store 1's view: ${held.members} members, ${held.products} products`);
  await page.evaluate(() => {
    const w = window as unknown as { __tap: number; __lat: number[] };
    w.__lat = [];
    document.addEventListener('pointerdown', (e) => {
      if ((e.target as Element).closest('[data-testid="pay-confirm"]')) w.__tap = e.timeStamp;
    }, true);
    new MutationObserver(() => {
      if (!w.__tap || !document.querySelector('[data-testid="sale-done"]')) return;
      const tap = w.__tap;
      w.__tap = 0;
      requestAnimationFrame(() => setTimeout(() => w.__lat.push(performance.now() - tap), 0));
    }).observe(document.body, { childList: true, subtree: true });
  });
  const sales = Number(values.sales);
  const tiles = page.getByTestId('product-tile');
  for (let i = 0; i < sales; i++) {
    await tiles.nth(i % 40).click();
    await tiles.nth((i * 7) % 40).click();
    await page.getByTestId('pay').click();
    await page.getByTestId('tender-bank_card').click();
    await page.getByTestId('tender-add').click();
    await page.getByTestId('pay-confirm').click();
    await page.getByTestId('next-customer').click();
  }
  const lat = (await page.evaluate(() => (window as unknown as { __lat: number[] }).__lat)).sort((a, b) => a - b);
  const q = (p: number) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))]!;
  console.log(`tap "confirm payment" → done screen painted (n=${lat.length}): p50 ${q(0.5).toFixed(1)} ms  p95 ${q(0.95).toFixed(1)} ms  p99 ${q(0.99).toFixed(1)} ms  max ${lat.at(-1)!.toFixed(1)} ms`);
} finally {
  await browser.close();
  await server.stop();
}
