import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../shared/schemas/me';
import { Brand } from '../../lib/ui/brand-mark';
import { LanguageSwitch } from '../../lib/ui/language-switch';
import { OnlineStatus } from '../../lib/ui/online-status';
import { SyncStatus } from '../../lib/ui/sync-status';
import { SignOutButton, UserChip } from '../../lib/ui/user-chip';

export function TopBar({ me }: { me: Me }) {
  const { t } = useTranslation();
  const user = me.user;
  return (
    <header className="topbar">
      <div className="topbar-left">
        <Brand product={t('clerk.appName')} />
        <span className="topbar-store" data-testid="store-name">
          {me.store?.name ?? t('common.noStore')}
        </span>
      </div>
      <div className="topbar-right">
        <OnlineStatus />
        <SyncStatus />
        <UserChip user={user} />
        <LanguageSwitch />
        <SignOutButton className="topbar-signout" />
      </div>
    </header>
  );
}
