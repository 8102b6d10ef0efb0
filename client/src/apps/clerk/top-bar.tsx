import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../shared/schemas/me';
import { useSignOut } from '../../lib/app-context';
import { Brand } from '../../lib/ui/brand-mark';
import { LogOutIcon } from '../../lib/ui/icons';
import { LanguageSwitch } from '../../lib/ui/language-switch';
import { OnlineStatus } from '../../lib/ui/online-status';

export function TopBar({ me }: { me: Me }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
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
        <span className="topbar-user" data-testid="user-name">
          <span className="avatar" aria-hidden="true">
            {user.name.slice(0, 1)}
          </span>
          <span className="topbar-user-text">
            <span className="topbar-user-name">{user.name}</span>
            {user.kind === 'staff' ? <span className="topbar-user-role">{t(`roles.${user.role}`)}</span> : null}
          </span>
        </span>
        <LanguageSwitch />
        <button type="button" className="btn btn-ghost btn-md topbar-signout" onClick={() => void signOut()} data-testid="sign-out">
          <LogOutIcon size={20} />
          <span>{t('common.signOut')}</span>
        </button>
      </div>
    </header>
  );
}
