// API baseline on `wrangler dev`: p50/p95 latency and throughput of the read paths the apps open
// with, on a chain of a given size. Usage:
//   npx tsx bench/api-baseline.ts [--members 50000 --orders 1000000] [--persist-to DIR] [--seconds 5]
import { parseArgs } from 'node:util';
import { startDevServer } from '../scripts/dev-server';

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '50000' },
    orders: { type: 'string', default: '1000000' },
    'persist-to': { type: 'string', default: '.wrangler/bench' },
    seconds: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '20' },
  },
});
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
const server = await startDevServer({
  port: 8798,
  persistTo: values['persist-to'],
  seedArgs: ['--members', values.members!, '--orders', values.orders!],
  quiet: true,
});

async function login(username: string): Promise<string> {
  const r = await fetch(`${server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'cf-connecting-ip': `10.1.0.${Math.floor(Math.random() * 200)}` },
    body: JSON.stringify({ username, password: 'demo1234' }),
  });
  return ((await r.json()) as { token: string }).token;
}

async function measure(label: string, path: () => string, token?: string) {
  const lat: number[] = [];
  let errors = 0;
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < end) {
        const t0 = performance.now();
        const res = await fetch(server.baseUrl + path(), { headers: token ? { authorization: `Bearer ${token}` } : {} });
        await res.arrayBuffer();
        if (!res.ok) errors += 1;
        lat.push(performance.now() - t0);
      }
    }),
  );
  lat.sort((a, b) => a - b);
  const q = (p: number) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))]!.toFixed(1);
  console.log(`${label.padEnd(34)} ${String(Math.round(lat.length / seconds)).padStart(6)} req/s   p50 ${q(0.5).padStart(7)} ms   p95 ${q(0.95).padStart(7)} ms   errors ${errors}`);
}

try {
  const [hq, clerk] = [await login('admin'), await login('clerk1')];
  const digits = () => String(1000 + Math.floor(Math.random() * 9000));
  console.log(`chain: ${values.members} members, ${values.orders} orders; ${concurrency} connections, ${seconds} s each`);
  await measure('GET /api/health (baseline)', () => '/api/health');
  await measure('GET /api/me (clerk)', () => '/api/me', clerk);
  await measure('GET /api/members?q=<last 4> (clerk)', () => `/api/members?q=${digits()}`, clerk);
  await measure('GET /api/members?q=<last 4> (HQ)', () => `/api/members?q=${digits()}`, hq);
  await measure('GET /api/stores (HQ, 30-day sums)', () => '/api/stores', hq);
} finally {
  await server.stop();
}
