import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../shared/schemas/me';
import { useApi, useSession } from '../../lib/app-context';
import { useResource } from '../../lib/use-resource';
import { Loading, LoadError } from '../../lib/ui/states';
import { StaffLogin } from '../../lib/ui/staff-login';
import { HqShell } from './hq-shell';

/** The HQ dashboard (desktop). HQ admins see the chain; store managers their own store. */
export function HqApp() {
  const session = useSession();
  const { t } = useTranslation();
  if (!session) {
    return (
      <StaffLogin
        product={t('hq.appName')}
        title={t('hq.appName')}
        subtitle={t('hq.login.subtitle')}
        features={[t('hq.login.f1'), t('hq.login.f2'), t('hq.login.f3')]}
        refuse={(user) => (user.role === 'clerk' ? t('hq.notAllowed') : null)}
      />
    );
  }
  return <SignedIn token={session.token} />;
}

function SignedIn({ token }: { token: string }) {
  const api = useApi();
  const me = useResource(() => api.get<Me>('/api/me'), [token]);
  if (me.data) return <HqShell me={me.data} />;
  if (me.status === 'error') return <LoadError error={me.error} onRetry={me.reload} />;
  return <Loading />;
}
