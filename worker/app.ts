import { Hono } from 'hono';
import { requireAuth } from './auth/middleware';
import type { AppEnv } from './env';
import { notFound, onError } from './http/on-error';
import { securityHeaders } from './http/security-headers';
import { apps } from './routes/apps';
import { auth } from './routes/auth';
import { dev } from './routes/dev';
import { mountDocs } from './routes/docs';
import { health } from './routes/health';
import { me } from './routes/me';
import { accounts } from './routes/accounts';
import { members } from './routes/members';
import { memberWrites } from './routes/member-writes';
import { memberPhotos } from './routes/member-photos';
import { inventory } from './routes/inventory';
import { imports } from './routes/imports';
import { orders } from './routes/orders';
import { rules } from './routes/rules';
import { tiers } from './routes/tiers';
import { stores } from './routes/stores';
import { replicache } from './routes/replicache';
import { promotions } from './routes/promotions';
import { shifts } from './routes/shifts';
import { payments } from './routes/payments';
import { devices } from './routes/devices';
import { backup } from './routes/backup';
import { rewards } from './routes/rewards';
import { redemptions } from './routes/redemptions';
import { ratings } from './routes/ratings';
import { jobs } from './routes/jobs';
import { alerts } from './routes/alerts';
import { notifications } from './routes/notifications';

export const app = new Hono<AppEnv>();
app.use('*', securityHeaders);

// Deny by default: every /api route needs a session unless it is listed here.
// Restore runs on an empty deployment (no one to sign in): its routes check a one-time token (decision 017).
const PUBLIC = [/^\/api\/health$/, /^\/api\/auth\//, /^\/api\/dev\//, /^\/api\/openapi\.json$/, /^\/api\/docs$/, /^\/api\/backup\/restore\//];
app.use('/api/*', (c, next) => (PUBLIC.some((r) => r.test(c.req.path)) ? next() : requireAuth(c, next)));

app.route('/api/health', health);
app.route('/api/auth', auth);
app.route('/api/dev', dev);
app.route('/api/me', me);
app.route('/api/stores', stores);
app.route('/api/members', members);
app.route('/api/members', accounts);
app.route('/api/members', memberWrites);
app.route('/api/members', memberPhotos);
app.route('/api/inventory', inventory);
app.route('/api/orders', orders);
app.route('/api/imports', imports);
app.route('/api/rules', rules);
app.route('/api/tiers', tiers);
app.route('/api/replicache', replicache);
app.route('/api/promotions', promotions);
app.route('/api/shifts', shifts);
app.route('/api/payments', payments);
app.route('/api/devices', devices);
app.route('/api/backup', backup);
app.route('/api/jobs', jobs);
app.route('/api/alerts', alerts);
app.route('/api/rewards', rewards);
app.route('/api/redemptions', redemptions);
app.route('/api/ratings', ratings);
app.route('/api', notifications);

mountDocs(app);
app.route('/', apps);

app.notFound(notFound);
app.onError(onError);
