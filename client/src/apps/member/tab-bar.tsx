import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../../shared/schemas/member';
import { useApi } from '../../lib/app-context';
import { navigate } from '../../lib/router';
import { BellIcon, CouponIcon, HomeIcon, ReceiptIcon, UserIcon } from '../../lib/ui/icons';
import { inboxTick, onInboxChange } from './inbox-events';

export type Tab = 'home' | 'history' | 'wallet' | 'messages' | 'me';
const TABS: { tab: Tab; path: string; icon: typeof HomeIcon }[] = [
  { tab: 'home', path: '', icon: HomeIcon },
  { tab: 'history', path: 'history', icon: ReceiptIcon },
  { tab: 'wallet', path: 'wallet', icon: CouponIcon },
  { tab: 'messages', path: 'messages', icon: BellIcon },
  { tab: 'me', path: 'me', icon: UserIcon },
];

/** Which tab a sub-path belongs to ('history/abc' → history; anything unknown → home). */
export function tabOf(sub: string): Tab {
  const first = sub.split('/')[0] ?? '';
  return TABS.find((t) => t.path === first && first !== '')?.tab ?? 'home';
}

/**
 * The phone's bottom tabs. The messages tab carries the unread count, read again when the member's
 * row changes (a spend or recharge anywhere writes a notification with it) and when the inbox is read.
 */
export function TabBar({ current, member }: { current: Tab; member: Member }) {
  const { t } = useTranslation();
  const api = useApi();
  const [unread, setUnread] = useState(0);
  const [tick, setTick] = useState(inboxTick());
  useEffect(() => onInboxChange(() => setTick(inboxTick())), []);
  const stamp = `${member.principalFen}/${member.bonusFen}/${member.points}/${member.status}/${member.tierCode}`;
  useEffect(() => {
    let live = true;
    api.get<{ unread: number }>('/api/me/notifications', { limit: 1 }).then((r) => live && setUnread(r.unread), () => {});
    return () => {
      live = false;
    };
  }, [api, stamp, tick]);
  return (
    <nav className="tab-bar" aria-label={t('memberApp.tabs.label')} data-testid="tab-bar">
      {TABS.map(({ tab, path, icon: Icon }) => (
        <button key={tab} type="button" className={`tab${tab === current ? ' tab-active' : ''}`} aria-current={tab === current ? 'page' : undefined} onClick={() => navigate(path)} data-testid={`tab-${tab}`}>
          <span className="tab-icon">
            <Icon size={24} />
            {tab === 'messages' && unread > 0 ? <span className="tab-badge" data-testid="tab-unread">{unread > 99 ? '99+' : unread}</span> : null}
          </span>
          <span className="tab-label">{t(`memberApp.tabs.${tab}`)}</span>
        </button>
      ))}
    </nav>
  );
}
