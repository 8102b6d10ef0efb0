import { ulid } from 'ulid';
import { DomainError } from '../../shared/errors';
import type { Db } from '../db/client';
import { devOutbox } from '../db/schema';

/** Where one-time codes go. Production plugs a provider in through SMS_PROVIDER. */
export interface SmsSender {
  send(to: string, body: string): Promise<void>;
}

/** Local development: the "SMS" lands in the dev_outbox table and the log (page: /api/dev/outbox). */
export class DevOutboxSender implements SmsSender {
  constructor(private readonly db: Db) {}
  async send(to: string, body: string): Promise<void> {
    await this.db.insert(devOutbox).values({ id: ulid(), at: Date.now(), channel: 'sms', recipient: to, body });
    console.log(`[dev-outbox] SMS to ${to}: ${body}`);
  }
}

/**
 * A generic HTTPS gateway: POST {to, body} with a bearer token. Most SMS aggregators (or a small
 * adapter in front of Aliyun/Tencent SMS) accept this shape.
 */
export class WebhookSmsSender implements SmsSender {
  constructor(
    private readonly url: string,
    private readonly token: string,
  ) {}
  async send(to: string, body: string): Promise<void> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ to, body }),
    });
    if (!res.ok) throw new DomainError('UNAVAILABLE', `SMS gateway refused the message (${res.status})`);
  }
}

type SmsEnv = { SMS_PROVIDER: string; SMS_WEBHOOK_URL?: string; SMS_WEBHOOK_TOKEN?: string };

export function smsSenderFromEnv(env: SmsEnv, db: Db): SmsSender {
  switch (env.SMS_PROVIDER) {
    case 'dev-outbox':
      return new DevOutboxSender(db);
    case 'webhook':
      if (!env.SMS_WEBHOOK_URL || !env.SMS_WEBHOOK_TOKEN) {
        throw new DomainError('UNAVAILABLE', 'SMS_WEBHOOK_URL and SMS_WEBHOOK_TOKEN must be set');
      }
      return new WebhookSmsSender(env.SMS_WEBHOOK_URL, env.SMS_WEBHOOK_TOKEN);
    default:
      throw new DomainError('UNAVAILABLE', `Unknown SMS_PROVIDER "${env.SMS_PROVIDER}"`);
  }
}
