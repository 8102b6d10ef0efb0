import { renderNotification, smsText, type Rendered } from '../../shared/domain/notification-templates';
import { notificationEventSchema, type Locale, type NotificationEvent } from '../../shared/schemas/notifications';

export type Names = { stores: Map<string, string>; tiers: Map<string, { zh: string; en: string }> };

/** Store and tier names (small tables), read once per page of notifications. */
export async function loadNames(d1: D1Database): Promise<Names> {
  const [s, t] = await d1.batch([d1.prepare('SELECT id, name FROM stores'), d1.prepare('SELECT code, name, name_en FROM tiers')]);
  return {
    stores: new Map((s!.results as { id: string; name: string }[]).map((r) => [r.id, r.name])),
    tiers: new Map((t!.results as { code: string; name: string; name_en: string }[]).map((r) => [r.code, { zh: r.name, en: r.name_en }])),
  };
}

/** A stored payload as an event with its names filled in; null if it is not one (never thrown at a reader). */
export function eventOf(payload: string, names: Names, locale: Locale): NotificationEvent | null {
  let raw: unknown;
  try {
    raw = JSON.parse(payload);
  } catch {
    return null;
  }
  const p = notificationEventSchema.safeParse(raw);
  if (!p.success) return null;
  const e = p.data;
  const tier = (code: string | null) => (code ? names.tiers.get(code)?.[locale === 'en' ? 'en' : 'zh'] : undefined);
  if ('storeId' in e && e.storeId) return { ...e, storeName: names.stores.get(e.storeId) ?? e.storeName };
  if (e.kind === 'tier_change') return { ...e, fromName: tier(e.from) ?? e.fromName, toName: tier(e.to) ?? e.toName };
  return e;
}

const FALLBACK: Record<Locale, Rendered> = { 'zh-CN': { title: '通知', body: '' }, en: { title: 'Notice', body: '' } };

export function renderPayload(payload: string, names: Names, locale: Locale): Rendered {
  const e = eventOf(payload, names, locale);
  return e ? renderNotification(e, locale) : FALLBACK[locale];
}

export function smsOfPayload(payload: string, names: Names, locale: Locale): string | null {
  const e = eventOf(payload, names, locale);
  return e ? smsText(e, locale) : null;
}
