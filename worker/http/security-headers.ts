import type { MiddlewareHandler } from 'hono';
import { DomainError } from '../../shared/errors';
import type { AppEnv } from '../env';
import { onError } from './on-error';

/**
 * Security headers on every response the worker produces, and the API's cross-origin stance.
 * scripts/build-clients.mjs writes the same page headers into dist/client/_headers for what the
 * assets layer serves without the worker (/, /vendor/*), so both come from here.
 */

/** Sent on everything, pages and API alike. */
export const COMMON_HEADERS: Readonly<Record<string, string>> = {
  // Browsers ignore it over plain http, so local dev is unaffected.
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  // The clerk tablet scans QR codes and photographs members; nothing else needs a device.
  'Permissions-Policy': 'camera=(self), microphone=(), geolocation=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/**
 * The apps' policy. Styles allow 'unsafe-inline' because React style attributes (and the landing
 * page's <style>) need it, and style-src-attr alone is not honoured by older tablets' browsers.
 * Images: data: for member photos and the camera still, blob: for QR and scanner frames.
 * `connectExtra` is the same-origin WebSocket origin: 'self' covers ws: only in CSP3 browsers.
 */
export function pagePolicy(connectExtra = ''): string {
  return [
    "default-src 'self'",
    // 'report-sample' lets a violation name the code it blocked (the browser tests read it).
    "script-src 'self' 'report-sample'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "font-src 'self'",
    `connect-src 'self'${connectExtra ? ` ${connectExtra}` : ''}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

/** JSON is never a document: nothing may load from it or frame it. */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** /api paths that are HTML pages rather than JSON. */
const API_PAGES = new Set(['/api/docs']);
/** /api paths without personal data, which caches may keep. */
const CACHEABLE = new Set(['/api/health', '/api/openapi.json', '/api/docs']);
const SAFE_METHODS = new Set(['GET', 'HEAD']);
const LOOPBACK = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

/**
 * A browser sends Origin on every cross-origin request and on same-origin ones that change state,
 * so a foreign Origin on a non-GET /api call is another site's page talking to us. Bearer tokens
 * already stop CSRF; this refuses it before any handler runs. No Origin (scripts, tests) passes.
 * In development, loopback origins pass too: the Vite dev server proxies /api from another port.
 */
function isForeignOrigin(origin: string, self: string, environment: string | undefined): boolean {
  if (origin === self) return false;
  return !(environment === 'development' && LOOPBACK.test(origin));
}

const CORS_HEADERS = ['Access-Control-Allow-Origin', 'Access-Control-Allow-Credentials', 'Access-Control-Allow-Methods', 'Access-Control-Allow-Headers', 'Access-Control-Expose-Headers'];

export const securityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  const url = new URL(c.req.url);
  const path = url.pathname;
  const isApi = path === '/api' || path.startsWith('/api/');
  const origin = c.req.header('origin');
  // A WebSocket handshake is a GET that browsers send cross-site with the user's credentials and
  // no preflight (cross-site WebSocket hijacking): it counts as a write here.
  const changesState = !SAFE_METHODS.has(c.req.method) || c.req.header('upgrade')?.toLowerCase() === 'websocket';
  if (isApi && origin !== undefined && changesState && isForeignOrigin(origin, url.origin, c.env?.ENVIRONMENT)) {
    // A preflight (OPTIONS) lands here too: it gets a 403 and no Access-Control-* headers.
    c.res = await onError(new DomainError('FORBIDDEN', 'Cross-origin requests are not accepted'), c);
  } else {
    await next();
  }
  // A 101 carries the WebSocket; re-creating the response would drop it.
  if (c.res.status === 101) return;

  // Responses from env.ASSETS.fetch have immutable headers: copy before setting any.
  const res = new Response(c.res.body, c.res);
  const h = res.headers;
  for (const [k, v] of Object.entries(COMMON_HEADERS)) h.set(k, v);
  const ws = `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`;
  h.set('Content-Security-Policy', isApi && !API_PAGES.has(path) ? API_POLICY : pagePolicy(ws));
  if (isApi) {
    // The app has no cross-origin clients; nothing may grant one access by accident.
    for (const name of CORS_HEADERS) h.delete(name);
    if (!CACHEABLE.has(path) && !h.has('Cache-Control')) h.set('Cache-Control', 'no-store');
  }
  // Unset first: Hono's setter would otherwise copy the old response's headers back over these.
  c.res = undefined;
  c.res = res;
};
