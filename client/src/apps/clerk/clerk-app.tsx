import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../shared/schemas/me';
import { useApi, useSession } from '../../lib/app-context';
import { CloudSyncProvider } from '../../lib/sync/use-cloud-sync';
import { useResource } from '../../lib/use-resource';
import { Loading, LoadError } from '../../lib/ui/states';
import { StaffLogin } from '../../lib/ui/staff-login';
import { HomeScreen } from './home-screen';

/** The store counter (tablet). Signed out → login; signed in → the counter home, over the session's local store. */
export function ClerkApp() {
  const session = useSession();
  const { t } = useTranslation();
  if (!session) {
    return (
      <StaffLogin
        product={t('clerk.appName')}
        title={t('clerk.appName')}
        subtitle={t('clerk.login.subtitle')}
        features={[t('clerk.login.f1'), t('clerk.login.f2'), t('clerk.login.f3')]}
      />
    );
  }
  // The local store opens with the session, so queued sales keep going out (and refusals come in)
  // while /api/me loads or fails; sign-out closes it.
  return (
    <CloudSyncProvider session={session}>
      <SignedIn token={session.token} />
    </CloudSyncProvider>
  );
}

function SignedIn({ token }: { token: string }) {
  const api = useApi();
  const me = useResource(() => api.get<Me>('/api/me'), [token]);
  if (me.data) return <HomeScreen me={me.data} />;
  if (me.status === 'error') return <LoadError error={me.error} onRetry={me.reload} />;
  return <Loading />;
}
