import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../shared/schemas/me';
import { useApi, useSession } from '../../lib/app-context';
import { navigate, useSubPath } from '../../lib/router';
import { useResource } from '../../lib/use-resource';
import { Button } from '../../lib/ui/button';
import { Loading, LoadError } from '../../lib/ui/states';
import { HomeScreen } from './home-screen';
import { loadDeviceKey } from './member-code-keys';
import { MemberCodeScreen } from './member-code-screen';
import { MemberLogin } from './member-login';

/** The member's own app (phone first). Signed out → phone + code; signed in → my card. */
export function MemberApp() {
  const session = useSession();
  if (!session) return <MemberLogin />;
  return <SignedIn token={session.token} memberId={session.user.id} />;
}

function SignedIn({ token, memberId }: { token: string; memberId: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const sub = useSubPath();
  const me = useResource(() => api.get<Me>('/api/me'), [token]);
  const member = me.data?.member;
  const home = () => {
    navigate('');
    if (me.status === 'error') me.reload();
  };
  // The member code is signed on the phone: it is shown even when /api/me cannot be reached.
  if (sub === 'code' && (member || me.status === 'error')) {
    return member ? (
      <MemberCodeScreen memberId={member.id} cardNo={member.cardNo} serverKey={member.qrPublicKey ?? null} onBack={home} onRegistered={me.reload} />
    ) : (
      <MemberCodeScreen memberId={memberId} cardNo={null} serverKey={undefined} onBack={home} onRegistered={me.reload} />
    );
  }
  if (me.data && member) return <HomeScreen me={me.data} member={member} />;
  if (me.status === 'error') {
    return (
      <>
        <LoadError error={me.error} onRetry={me.reload} />
        {loadDeviceKey(memberId)?.registered ? (
          <div className="state">
            <Button onClick={() => navigate('code')} data-testid="offline-member-code">
              {t('memberCode.open')}
            </Button>
          </div>
        ) : null}
      </>
    );
  }
  if (me.status === 'ok') return <LoadError error={new Error('not a member account')} />;
  return <Loading />;
}
