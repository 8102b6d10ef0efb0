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

const outboxSchema = z.object({
  messages: z.array(z.object({ id: z.string(), at: z.number(), channel: z.string(), recipient: z.string(), body: z.string() })),
});

/** Local development only: read the SMS the dev sender "delivered". 404 in any other environment. */
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
