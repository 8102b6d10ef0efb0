import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../shared/schemas/me';
import { linkClick, useSubPath } from '../../lib/router';
import { Brand } from '../../lib/ui/brand-mark';
import { LanguageSwitch } from '../../lib/ui/language-switch';
import { OnlineStatus } from '../../lib/ui/online-status';
import { SyncStatus } from '../../lib/ui/sync-status';
import { SignOutButton, UserChip } from '../../lib/ui/user-chip';
import { selfApproves } from './approval';

export function TopBar({ me }: { me: Me }) {
  const { t } = useTranslation();
  const user = me.user;
  const sub = useSubPath();
  return (
    <header className="topbar">
      <div className="topbar-left">
        <Brand product={t('clerk.appName')} />
        <span className="topbar-store" data-testid="store-name">
          {me.store?.name ?? t('common.noStore')}
        </span>
      </div>
      <div className="topbar-right">
        {selfApproves(user, me.store?.id ?? '') ? (
          // Managers and HQ only: the PIN they approve clerks' discounts and refunds with.
          <a className="topbar-link" href={`${import.meta.env.BASE_URL}approval-pin`} onClick={linkClick('approval-pin')} aria-current={sub === 'approval-pin' ? 'page' : undefined} data-testid="nav-approval-pin">
            {t('approval.setPin.link')}
          </a>
        ) : null}
        <a className="topbar-link" href={`${import.meta.env.BASE_URL}device`} onClick={linkClick('device')} aria-current={sub === 'device' ? 'page' : undefined} data-testid="nav-device">
          {t('allowance.device.link')}
        </a>
        <OnlineStatus />
        <SyncStatus />
        <UserChip user={user} />
        <LanguageSwitch />
        <SignOutButton className="topbar-signout" />
      </div>
    </header>
  );
}
