import { desc } from 'drizzle-orm';
import { Hono } from 'hono';
import { html, raw } from 'hono/html';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { DomainError } from '../../shared/errors';
import { openDb } from '../db/client';
import { devOutbox } from '../db/schema';
import type { AppEnv } from '../env';
import { errors, ok } from '../http/openapi';
import { validate } from '../http/validate';
import type { BenchBaseline } from '../durable/bench-baseline';
import type { ClientGroup } from '../durable/client-group';

const outboxSchema = z.object({
  messages: z.array(z.object({ id: z.string(), at: z.number(), channel: z.string(), recipient: z.string(), body: z.string() })),
});

const benchParam = z.object({ key: z.string().min(1).max(64) });

/** Local development only: the dev SMS outbox and the benchmark baselines. 404 in any other environment. */
export const dev = new Hono<AppEnv>()
  .use(async (c, next) => {
    if (c.env.ENVIRONMENT !== 'development') throw new DomainError('NOT_AVAILABLE', 'Not available in this environment');
    await next();
  })
  .get(
    '/outbox',
    describeRoute({ tags: ['dev'], summary: 'Dev SMS outbox, newest first (local dev only)', responses: { ...ok(outboxSchema), ...errors(404) } }),
    async (c) => {
      const messages = await openDb(c.env.DB).select().from(devOutbox).orderBy(desc(devOutbox.id)).limit(50);
      return c.json({ messages });
    },
  )
  .post('/bench/noop', describeRoute({ tags: ['dev'], summary: 'Benchmark baseline: a do-nothing route (local dev only)', responses: ok(z.object({ ok: z.boolean() })) }), (c) => c.json({ ok: true }))
  .post(
    '/bench/baseline/:key',
    describeRoute({ tags: ['dev'], summary: 'Benchmark baseline: minimal read-check-update-insert object (local dev only)', responses: ok(z.object({ ok: z.boolean(), balance: z.number() })) }),
    validate('param', benchParam),
    async (c) => {
      const ns = c.env.BENCH_BASELINE as DurableObjectNamespace<BenchBaseline>;
      return c.json(await ns.get(ns.idFromName(c.req.valid('param').key)).spend(crypto.randomUUID(), 100));
    },
  )
  .post(
    '/client-groups/:key/forget',
    describeRoute({ tags: ['dev'], summary: 'Make the server forget a Replicache client group, as if its state were lost (local dev only)', responses: ok(z.object({ ok: z.boolean() })) }),
    validate('param', benchParam),
    async (c) => {
      const ns = c.env.CLIENT_GROUP as DurableObjectNamespace<ClientGroup>;
      await ns.get(ns.idFromName(c.req.valid('param').key)).forget();
      return c.json({ ok: true });
    },
  )
  .get(
    '/outbox/page',
    describeRoute({ tags: ['dev'], summary: 'The dev SMS outbox as a page (local dev only)', responses: { 200: { description: 'HTML' }, ...errors(404) } }),
    async (c) => {
      const rows = await openDb(c.env.DB).select().from(devOutbox).orderBy(desc(devOutbox.id)).limit(50);
      const items = rows.map(
        (r) => html`<tr><td>${new Date(r.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}</td><td>${r.recipient}</td><td>${r.body}</td></tr>`,
      );
      return c.html(html`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
<title>开发短信发件箱 · Dev SMS outbox</title>
<style>body{font:14px system-ui,sans-serif;margin:24px;color:#1f2937}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #e5e7eb;padding:8px;text-align:left}th{background:#f9fafb}</style>
</head><body><h1>开发短信发件箱 <small>Dev SMS outbox (local only, refreshes every 5 s)</small></h1>
<table><thead><tr><th>时间 Time</th><th>手机 Phone</th><th>内容 Message</th></tr></thead><tbody>${items.length ? items : raw('<tr><td colspan="3">暂无短信 · No messages yet</td></tr>')}</tbody></table></body></html>`);
    },
  );
