import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import worker from '../index';
import { freshIp } from '../test/fixtures';

export type Answer = { status: number; json: any; text: string; headers: Headers };
export type CallInit = { method?: string; token?: string | null; body?: unknown; rawBody?: string | null; headers?: Record<string, string>; ip?: string };

/**
 * The fixtures' `api()`, dispatched to the worker in this isolate instead of through SELF:
 * under vitest-pool-workers every SELF.fetch gets slower the more were made in the file
 * (workers-sdk issue 15446 — here 6 ms → 250 ms after ~900 requests), and the matrix and the
 * fuzzer send thousands. The worker, its Durable Objects and bindings are the same ones; the
 * execution context is awaited, so work left in waitUntil is done before the next request.
 * `body` is sent as JSON (content-type set); `rawBody` is sent as is, with only the headers given.
 */
export async function call(path: string, init: CallInit = {}): Promise<Answer> {
  const headers: Record<string, string> = { 'cf-connecting-ip': init.ip ?? freshIp() };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  Object.assign(headers, init.headers);
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const body = init.rawBody ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined);
  const method = init.method ?? (body !== undefined ? 'POST' : 'GET');
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`http://local${path}`, { method, headers, body, redirect: 'manual' }) as Request<unknown, IncomingRequestCfProperties>, env as Env, ctx);
  const text = await res.text();
  await waitOnExecutionContext(ctx);
  let json: any = text;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: pages, redirects
  }
  return { status: res.status, json, text, headers: res.headers };
}
