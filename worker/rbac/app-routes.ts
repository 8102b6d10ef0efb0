import { app } from '../app';

/**
 * The app's routes as `METHOD /path`, as Hono lists them; middleware (`ALL`) is not a route.
 * A route mounted twice (GET /clerk for each app) is one key.
 */
export function appRouteKeys(): string[] {
  return [...new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))];
}
