import { smsSenderFromEnv } from '../auth/sms';
import type { Db } from '../db/client';

/** One message for a provider: `id` is the notification's, an idempotency key for gateways that take one. */
export type OutgoingMessage = { id: string; to: string; body: string };

/**
 * Where queued notifications of a channel go (decision 020). The SMS one is the sign-in seam
 * (worker/auth/sms.ts, SMS_PROVIDER): locally the dev outbox, in production the webhook gateway.
 * A throw is a failed attempt: the sender retries it with backoff and finally marks it failed.
 */
export interface NotificationProvider {
  send(msg: OutgoingMessage): Promise<void>;
}

type ProviderEnv = { SMS_PROVIDER: string; SMS_WEBHOOK_URL?: string; SMS_WEBHOOK_TOKEN?: string };

export function smsProviderFromEnv(env: ProviderEnv, db: Db): NotificationProvider {
  return {
    async send(msg) {
      await smsSenderFromEnv(env, db).send(msg.to, msg.body);
    },
  };
}
