import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../../shared/schemas/auth';
import { useSignOut } from '../app-context';
import { LogOutIcon } from './icons';

/** The signed-in user in a top bar: initial, name and (for staff) role. */
export function UserChip({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  return (
    <span className="topbar-user" data-testid="user-name">
      <span className="avatar" aria-hidden="true">
        {user.name.slice(0, 1)}
      </span>
      <span className="topbar-user-text">
        <span className="topbar-user-name">{user.name}</span>
        {user.kind === 'staff' ? <span className="topbar-user-role">{t(`roles.${user.role}`)}</span> : null}
      </span>
    </span>
  );
}

export function SignOutButton({ className = '' }: { className?: string }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  return (
    <button type="button" className={`btn btn-ghost btn-md ${className}`.trim()} onClick={() => void signOut()} data-testid="sign-out">
      <LogOutIcon size={20} />
      <span>{t('common.signOut')}</span>
    </button>
  );
}
