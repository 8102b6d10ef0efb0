import { createMiddleware } from 'hono/factory';
import { DomainError } from '../../shared/errors';
import type { AppEnv } from '../env';
import { clientAddress } from './middleware';

/** The Workers Rate Limiting bindings (wrangler.toml `[[ratelimits]]`, docs/decisions/018). */
export type LimitName = 'AUTH_LIMIT' | 'OTP_SEND_LIMIT' | 'READ_LIMIT' | 'READ_ADDRESS_LIMIT';

// Every binding's period is 60 s: the binding answers only yes or no, so a refused caller is told
// to wait one period.
const PERIOD_S = 60;

const what: Record<LimitName, string> = {
  AUTH_LIMIT: 'Too many sign-in attempts from this address',
  OTP_SEND_LIMIT: 'Too many codes requested from this address',
  READ_LIMIT: 'Too many searches and ledger reads for this account',
  READ_ADDRESS_LIMIT: 'Too many searches and ledger reads from this address',
};

/** Counts one use of `key` against `name`; over the limit it throws RATE_LIMITED with Retry-After. */
export async function spend(env: Env, name: LimitName, key: string): Promise<void> {
  const binding = env[name] as RateLimit | undefined;
  // A deployment without the binding has no limit of this kind (the D1 failure counters still apply).
  if (!binding) return;
  const { success } = await binding.limit({ key });
  if (!success) throw new DomainError('RATE_LIMITED', `${what[name]}; try again in ${PERIOD_S} s`, { retryAfter: PERIOD_S });
}

// Local development (wrangler dev sends CF-Connecting-IP 127.0.0.1; the test pool sends none
// unless a test does) puts every caller on one address, so per-address counts are not kept for
// it; at Cloudflare's edge a caller is never loopback. Tests send other addresses.
const UNKNOWN = /^(local|127\.\d+\.\d+\.\d+|::1)$/;
async function spendByAddress(env: Env, name: LimitName, key: string, address: string): Promise<void> {
  if (!UNKNOWN.test(address)) await spend(env, name, `${key}|${address}`);
}

/** Per address, before sign-in, OTP and approval attempts are even looked at. */
export const limitByAddress = (name: Extract<LimitName, 'AUTH_LIMIT' | 'OTP_SEND_LIMIT'>) =>
  createMiddleware<AppEnv>(async (c, next) => {
    await spendByAddress(c.env, name, c.req.path, clientAddress(c.req));
    await next();
  });

/** Costly reads (search, ledgers): per signed-in account and per address. */
export const limitCostlyRead = createMiddleware<AppEnv>(async (c, next) => {
  await spend(c.env, 'READ_LIMIT', c.get('actor').id);
  await spendByAddress(c.env, 'READ_ADDRESS_LIMIT', 'read', clientAddress(c.req));
  await next();
});
