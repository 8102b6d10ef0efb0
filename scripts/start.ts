// `npm start`: the whole system on this machine, no Cloudflare account, no network.
import { demoMemberPhone, startDevServer } from './dev-server';

const port = Number(process.env.PORT ?? 8787);
const server = await startDevServer({ port, persistTo: process.env.PERSIST_TO });
const base = `http://localhost:${port}`;
const phone = await demoMemberPhone(server.baseUrl).catch(() => '(none)');

console.log(`
┌──────────────────────────────────────────────────────────────────────┐
  云卡 CloudCard is running (local D1 + Durable Objects in .wrangler/)

  收银台 Clerk tablet  ${base}/clerk/     clerk1 / demo1234 (天河1店)
  会员端 Member app    ${base}/member/    ${phone} + code from the dev outbox
  总部 HQ dashboard    ${base}/hq/        admin / demo1234
  API docs             ${base}/api/docs
  Dev SMS outbox       ${base}/api/dev/outbox/page

  Staff: admin (HQ) · manager1..3 · clerk1, clerk1b, clerk2, clerk2b, clerk3, clerk3b
  All demo passwords: demo1234; manager approval PINs 135790 (managers), 246810 (admin). Local demo only. Ctrl+C stops.
└──────────────────────────────────────────────────────────────────────┘
`);

const shutdown = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
server.child.once('exit', (code) => process.exit(code ?? 0));
