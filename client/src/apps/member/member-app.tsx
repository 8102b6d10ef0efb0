import type { Me } from '../../../../shared/schemas/me';
import { useApi, useSession } from '../../lib/app-context';
import { useResource } from '../../lib/use-resource';
import { Loading, LoadError } from '../../lib/ui/states';
import { HomeScreen } from './home-screen';
import { MemberLogin } from './member-login';

/** The member's own app (phone first). Signed out → phone + code; signed in → my card. */
export function MemberApp() {
  const session = useSession();
  if (!session) return <MemberLogin />;
  return <SignedIn token={session.token} />;
}

function SignedIn({ token }: { token: string }) {
  const api = useApi();
  const me = useResource(() => api.get<Me>('/api/me'), [token]);
  if (me.data?.member) return <HomeScreen me={me.data} member={me.data.member} />;
  if (me.status === 'error') return <LoadError error={me.error} onRetry={me.reload} />;
  if (me.status === 'ok') return <LoadError error={new Error('not a member account')} />;
  return <Loading />;
}
