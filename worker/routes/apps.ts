import { Hono } from 'hono';
import type { AppEnv } from '../env';

export const APPS = ['clerk', 'member', 'hq'] as const;

/**
 * Each PWA is its own Vite build under /<app>/ with its own service worker scope. A deep link
 * (/clerk/checkout) that is not a file gets that app's index.html, not the root one.
 */
export const apps = new Hono<AppEnv>();
for (const app of APPS) {
  apps.get(`/${app}`, (c) => c.redirect(`/${app}/`, 301));
  apps.get(`/${app}/*`, async (c) => {
    const res = await c.env.ASSETS.fetch(c.req.raw);
    if (res.status !== 404) return res;
    const last = c.req.path.split('/').pop() ?? '';
    if (last.includes('.')) return res;
    return c.env.ASSETS.fetch(new Request(new URL(`/${app}/`, c.req.url), c.req.raw));
  });
}
