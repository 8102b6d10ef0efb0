import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../../shared/schemas/member';
import type { NotificationKind } from '../../../../shared/schemas/notifications';
import { useApi } from '../../lib/app-context';
import { toLang } from '../../lib/format';
import { navigate } from '../../lib/router';
import { useResource } from '../../lib/use-resource';
import { BellIcon, CouponIcon, CrownIcon, LockIcon, ReceiptIcon, SettingsIcon, TicketIcon, WalletIcon } from '../../lib/ui/icons';
import { LoadError, Loading } from '../../lib/ui/states';
import { inboxChanged } from './inbox-events';
import { formatDateTime } from './member-format';
import { Empty, ScreenHeader } from './member-ui';

type InboxItem = { id: string; kind: NotificationKind; title: string; body: string; createdAt: number; readAt: number | null };
type InboxPage = { items: InboxItem[]; unread: number; next: string | null };

const ICONS: Partial<Record<NotificationKind, typeof BellIcon>> = {
  spend: ReceiptIcon, recharge: WalletIcon, points_expiring: CrownIcon, punch_expiring: TicketIcon, coupon_expiring: CouponIcon, birthday: CouponIcon, tier_change: CrownIcon, card_frozen: LockIcon,
};

/**
 * 消息: the inbox (online: GET /api/me/notifications, in the member's language). It is read again
 * when the member's synced row changes — a spend or a recharge anywhere comes with a notification.
 */
export function MessagesScreen({ member }: { member: Member }) {
  const { t, i18n } = useTranslation();
  const lang = toLang(i18n.resolvedLanguage) ?? 'zh-CN';
  const api = useApi();
  const stamp = `${member.principalFen}/${member.bonusFen}/${member.points}/${member.status}/${member.tierCode}`;
  const [nonce, setNonce] = useState(0);
  const inbox = useResource(() => api.get<InboxPage>('/api/me/notifications', { limit: 50 }), [stamp, nonce, lang]);
  const [busy, setBusy] = useState(false);
  const markRead = async (body: { ids: string[] } | { all: true }) => {
    setBusy(true);
    try {
      await api.post('/api/me/notifications/read', body);
      setNonce((n) => n + 1);
      inboxChanged();
    } catch {
      /* offline: it stays unread until the next try */
    } finally {
      setBusy(false);
    }
  };
  const items = inbox.data?.items ?? [];
  const unread = inbox.data?.unread ?? 0;
  return (
    <div className="member-shell with-tabs">
      <ScreenHeader
        title={t('memberApp.messages.title')}
        testId="messages-heading"
        action={
          <button type="button" className="icon-button" onClick={() => navigate('messages/settings')} aria-label={t('memberApp.prefs.title')} title={t('memberApp.prefs.title')} data-testid="open-preferences">
            <SettingsIcon size={22} />
          </button>
        }
      />
      <main className="member-main">
        {unread > 0 ? (
          <div className="inbox-bar">
            <span data-testid="inbox-unread">{t('memberApp.messages.unread', { count: unread })}</span>
            <button type="button" className="link-button" disabled={busy} onClick={() => void markRead({ all: true })} data-testid="inbox-read-all">
              {t('memberApp.messages.readAll')}
            </button>
          </div>
        ) : null}
        {inbox.status === 'error' && !inbox.data ? (
          <LoadError error={inbox.error} onRetry={inbox.reload} />
        ) : !inbox.data ? (
          <Loading />
        ) : items.length === 0 ? (
          <Empty icon={<BellIcon size={32} />} text={t('memberApp.messages.empty')} testId="inbox-empty" />
        ) : (
          <ul className="card list-card inbox" data-testid="inbox">
            {items.map((n) => {
              const Icon = ICONS[n.kind] ?? BellIcon;
              return (
                <li key={n.id}>
                  <button type="button" className={`list-row inbox-item${n.readAt ? '' : ' unread'}`} onClick={() => (n.readAt ? undefined : void markRead({ ids: [n.id] }))} data-testid="inbox-item" data-kind={n.kind} data-read={n.readAt ? 'true' : 'false'}>
                    <span className={`row-icon row-icon-${n.kind === 'card_frozen' ? 'danger' : n.kind === 'recharge' ? 'green' : 'brand'}`}><Icon size={20} /></span>
                    <span className="row-main">
                      <span className="row-title">
                        {n.readAt ? null : <span className="dot" aria-label={t('memberApp.messages.new')} />}
                        {n.title}
                      </span>
                      <span className="inbox-body">{n.body}</span>
                      <span className="row-sub">{formatDateTime(n.createdAt, lang)}</span>
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </main>
    </div>
  );
}
