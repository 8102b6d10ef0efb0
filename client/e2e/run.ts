// Browser tests: a fresh local chain (own port, own state dir), Debian chromium via playwright-core,
// every client/e2e/*.e2e.mjs. Writes test-results/e2e.json ({passed, failed}) for `npm test`.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { demoMemberPhone, startDevServer } from '../../scripts/dev-server';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  console.error(`Chromium not found at ${CHROMIUM}. Install it: apt-get update && apt-get install -y chromium fonts-noto-cjk`);
  process.exit(1);
}

type Ctx = {
  baseUrl: string;
  browser: Browser;
  newPage(opts?: { viewport?: { width: number; height: number } }): Promise<Page>;
  screenshot(page: Page, name: string): Promise<void>;
  demo: { password: string; hqUser: string; clerkUser: string; memberPhone: string };
};
type E2eTest = { name: string; run(ctx: Ctx): Promise<void> };

const filter = process.argv[2];
const port = Number(process.env.E2E_PORT ?? 8797);
const state = mkdtempSync(join(tmpdir(), 'cloudcard-e2e-'));
mkdirSync('screenshots', { recursive: true });
mkdirSync('test-results', { recursive: true });

const serverLog = join(state, 'server.log');
const server = await startDevServer({ port, persistTo: state, quiet: true, logFile: serverLog });
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
let passed = 0;
let failed = 0;
try {
  const demo = { password: 'demo1234', hqUser: 'admin', clerkUser: 'clerk1', memberPhone: await demoMemberPhone(server.baseUrl) };
  const files = readdirSync('client/e2e').filter((f) => f.endsWith('.e2e.mjs')).sort();
  for (const file of files) {
    const { tests } = (await import(pathToFileURL(resolve('client/e2e', file)).href)) as { tests: E2eTest[] };
    for (const t of tests) {
      if (filter && !`${file} ${t.name}`.includes(filter)) continue;
      const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      const ctx: Ctx = {
        baseUrl: server.baseUrl,
        browser,
        newPage: async (opts) => {
          const page = await context.newPage();
          if (opts?.viewport) await page.setViewportSize(opts.viewport);
          return page;
        },
        screenshot: async (page, name) => {
          await page.screenshot({ path: `screenshots/${name}.png`, fullPage: true });
        },
        demo,
      };
      const t0 = Date.now();
      try {
        await t.run(ctx);
        passed += 1;
        console.log(`  ✓ ${file} › ${t.name} (${Date.now() - t0} ms)`);
      } catch (e) {
        failed += 1;
        console.log(`  ✗ ${file} › ${t.name}\n    ${String((e as Error)?.stack ?? e).split('\n').slice(0, 6).join('\n    ')}`);
      } finally {
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.stop();
  // A failure may be the local server's: its last words go with the results.
  if (failed > 0 && existsSync(serverLog)) console.log(`--- the local server's log, last lines ---\n${readFileSync(serverLog, 'utf8').split('\n').filter((l) => !l.includes('DurableObjectNamespace')).slice(-40).join('\n')}`);
  rmSync(state, { recursive: true, force: true });
}
writeFileSync('test-results/e2e.json', JSON.stringify({ passed, failed }));
console.log(`browser tests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
