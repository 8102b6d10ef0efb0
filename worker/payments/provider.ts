import type { ChargeRequest, ExternalTender } from '../../shared/schemas/payment';

/** What a provider answers for one charge. */
export type ProviderResult = { status: 'paid'; reference: string } | { status: 'declined'; reason: string };

/**
 * A payment provider (WeChat Pay / Alipay micropay, a bank-card acquirer). Real integrations hold
 * the merchant keys as worker secrets and implement this; the counter never talks to them itself.
 * `charge` must be idempotent on `paymentId` at the provider (their out_trade_no), so a retry after
 * a lost answer cannot charge twice.
 */
export interface PaymentProvider {
  readonly id: string;
  charge(req: ChargeRequest): Promise<ProviderResult>;
}

/**
 * Local development and demos: behaves like micropay without money. A code that starts the way a
 * WeChat (10–15) or Alipay (25–30) payment code does is paid; anything else is declined, as the
 * provider would.
 */
export class SandboxProvider implements PaymentProvider {
  readonly id = 'sandbox';
  async charge(req: ChargeRequest): Promise<ProviderResult> {
    const prefix = Number(req.authCode.slice(0, 2));
    const ok = req.kind === 'wechat' ? prefix >= 10 && prefix <= 15 : req.kind === 'alipay' ? prefix >= 25 && prefix <= 30 : true;
    if (!ok) return { status: 'declined', reason: `not a ${req.kind === 'wechat' ? 'WeChat' : 'Alipay'} payment code` };
    return { status: 'paid', reference: `SBX${req.paymentId}` };
  }
}

type PaymentEnv = { PAYMENT_PROVIDERS?: string; ENVIRONMENT?: string };

/**
 * PAYMENT_PROVIDERS, e.g. "wechat=sandbox,alipay=sandbox": which tenders a provider charges.
 * Unlisted tenders are `manual` (the clerk types the terminal's reference).
 */
export function paymentSetup(env: PaymentEnv): Record<ExternalTender, string> {
  const out: Record<ExternalTender, string> = { wechat: 'manual', alipay: 'manual', bank_card: 'manual' };
  for (const pair of (env.PAYMENT_PROVIDERS ?? '').split(',')) {
    const [k, v] = pair.split('=').map((s) => s.trim());
    if (k && v && k in out) out[k as ExternalTender] = v;
  }
  return out;
}

export function providerFor(env: PaymentEnv, kind: ExternalTender): PaymentProvider | null {
  const id = paymentSetup(env)[kind];
  // The sandbox takes no money: never in production, whatever the setting says.
  if (id === 'sandbox' && env.ENVIRONMENT !== 'production') return new SandboxProvider();
  return null;
}
