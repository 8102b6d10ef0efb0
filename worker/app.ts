import { Hono } from 'hono';
import { requireAuth } from './auth/middleware';
import type { AppEnv } from './env';
import { notFound, onError } from './http/on-error';
import { apps } from './routes/apps';
import { auth } from './routes/auth';
import { dev } from './routes/dev';
import { mountDocs } from './routes/docs';
import { health } from './routes/health';
import { me } from './routes/me';
import { members } from './routes/members';
import { stores } from './routes/stores';

export const app = new Hono<AppEnv>();

// Public: health, sign-in, docs, the dev outbox (local only) and the apps themselves.
app.route('/api/health', health);
app.route('/api/auth', auth);
app.route('/api/dev', dev);

// Everything else under /api needs a session.
app.use('/api/me', requireAuth);
app.use('/api/stores/*', requireAuth);
app.use('/api/stores', requireAuth);
app.use('/api/members/*', requireAuth);
app.use('/api/members', requireAuth);
app.route('/api/me', me);
app.route('/api/stores', stores);
app.route('/api/members', members);

mountDocs(app);
app.route('/', apps);

app.notFound(notFound);
app.onError(onError);
