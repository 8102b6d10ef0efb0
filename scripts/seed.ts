// `npm run seed [-- --members N --orders N --persist-to DIR]`: loads the demo chain into the LOCAL
// D1 database (never a remote one). Runs once per database: a second run changes nothing.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { getPlatformProxy } from 'wrangler';
import { hashPassword } from '../shared/crypto/password';
import { DEMO_PASSWORD, DEMO_PINS, STAFF } from './seed/demo-catalog';
import { makePinRecord } from '../shared/domain/manager-pin';
import { baseStatements, DEFAULT_SIZE, extraProductStatements, finalizeStatements, generateMembers, generateOrders } from './seed/generate';

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: String(DEFAULT_SIZE.members) },
    orders: { type: 'string' },
    'extra-products': { type: 'string', default: '0' },
    'persist-to': { type: 'string' },
  },
});
const members = Number(values.members);
const orders = values.orders === undefined ? Math.round((members * DEFAULT_SIZE.orders) / DEFAULT_SIZE.members) : Number(values.orders);
if (!Number.isInteger(members) || members < 0 || !Number.isInteger(orders) || orders < 0) {
  console.error('usage: npm run seed -- [--members N] [--orders N] [--persist-to DIR]');
  process.exit(2);
}
const persistTo = values['persist-to'];

const migrate = spawnSync('npx', ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local', ...(persistTo ? ['--persist-to', persistTo] : [])], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, CI: 'true' },
});
if (migrate.status !== 0) process.exit(migrate.status ?? 1);

const { env, dispose } = await getPlatformProxy<{ DB: D1Database }>({
  configPath: 'wrangler.toml',
  persist: persistTo ? { path: `${persistTo}/v3` } : true,
});
const db = env.DB;
try {
  const done = await db.prepare(`SELECT value FROM app_meta WHERE key = 'seed.demo'`).first<{ value: string }>();
  if (done) {
    console.log(`Demo chain already seeded (${done.value}); nothing to do.`);
  } else {
    // The anchor ("now" of the history) is kept, so a re-run after a crash regenerates the same ids.
    await db.prepare(`INSERT OR IGNORE INTO app_meta (key, value) VALUES ('seed.anchor', ?)`).bind(String(Date.now())).run();
    const anchor = Number((await db.prepare(`SELECT value FROM app_meta WHERE key = 'seed.anchor'`).first<{ value: string }>())!.value);
    const t0 = Date.now();
    const hashes = new Map(await Promise.all(STAFF.map(async (s) => [s.username, await hashPassword(DEMO_PASSWORD)] as const)));
    const pins = new Map(await Promise.all(Object.entries(DEMO_PINS).map(async ([u, pin]) => [u, JSON.stringify(await makePinRecord(pin))] as const)));
    await db.exec(baseStatements(anchor, hashes, pins).join('\n'));
    for (const s of extraProductStatements(Number(values['extra-products']), anchor)) await db.exec(s);
    const m = generateMembers({ members, orders }, anchor);
    for (let i = 0; i < m.sql.length; i += 10) await db.exec(m.sql.slice(i, i + 10).join('\n'));
    let n = 0;
    for (const chunk of generateOrders({ members, orders }, anchor, m.members)) {
      await db.exec(chunk.join('\n'));
      n += 5000;
      if (orders >= 50_000 && n % 100_000 === 0) console.log(`  … ${n.toLocaleString()} orders`);
    }
    for (const s of finalizeStatements()) await db.exec(s);
    const label = `${members} members, ${orders} orders`;
    await db.prepare(`INSERT INTO app_meta (key, value) VALUES ('seed.demo', ?)`).bind(label).run();
    console.log(`Seeded the demo chain: 3 stores, ${STAFF.length} staff, ${label} in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
  }
} finally {
  await dispose();
}
