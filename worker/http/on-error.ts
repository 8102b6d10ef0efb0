import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { DomainError } from '../../shared/errors';
import type { AppEnv } from '../env';

/** The one place where errors become HTTP: `{error:{code,message,details?}}`. */
export const onError: ErrorHandler<AppEnv> = (err, c) => {
  if (err instanceof DomainError) {
    if (err.retryAfter !== undefined) c.header('Retry-After', String(err.retryAfter));
    return c.json(err.toBody(), err.status as 400);
  }
  if (err instanceof HTTPException && err.status < 500) {
    // Hono's own 4xx, e.g. a body that is not JSON at all.
    const body = new DomainError('VALIDATION_FAILED', err.message || 'Malformed request').toBody();
    return c.json(body, err.status);
  }
  console.error('unhandled error', c.req.method, c.req.path, err);
  return c.json({ error: { code: 'INTERNAL', message: 'Internal error' } }, 500);
};

export const notFound: NotFoundHandler<AppEnv> = (c) =>
  c.json({ error: { code: 'NOT_FOUND', message: `No route for ${c.req.method} ${c.req.path}` } }, 404);
