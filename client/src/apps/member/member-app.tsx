import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../shared/schemas/me';
import type { Session } from '../../lib/session';
import { useApi, useSession } from '../../lib/app-context';
import { navigate, useSubPath } from '../../lib/router';
import { MemberSyncProvider } from './member-sync';
import { useResource } from '../../lib/use-resource';
import { Button } from '../../lib/ui/button';
import { Loading, LoadError } from '../../lib/ui/states';
import { HistoryScreen } from './history-screen';
import { HomeScreen } from './home-screen';
import { MeScreen } from './me-screen';
import { loadDeviceKey } from './member-code-keys';
import { MemberCodeScreen } from './member-code-screen';
import { tierPair, useSyncedMember, useTiers } from './member-data';
import { MemberLogin } from './member-login';
import { MessagesScreen } from './messages-screen';
import { PreferencesScreen } from './preferences-screen';
import { ProfileScreen } from './profile-screen';
import { ReceiptScreen } from './receipt-screen';
import { RewardsScreen } from './rewards-screen';
import { TabBar, tabOf } from './tab-bar';
import { WalletScreen } from './wallet-screen';
import './member-app.css';

/** The member's own app (phone first). Signed out → phone + code; signed in → my card and the tabs. */
export function MemberApp() {
  const session = useSession();
  if (!session) return <MemberLogin />;
  return (
    <MemberSyncProvider session={session}>
      <SignedIn session={session} />
    </MemberSyncProvider>
  );
}

function SignedIn({ session }: { session: Session }) {
  const { t } = useTranslation();
  const api = useApi();
  const sub = useSubPath();
  const memberId = session.user.id;
  const me = useResource(() => api.get<Me>('/api/me'), [session.token]);
  // The synced row is live (a spend anywhere shows at once) and there offline; /api/me fills in first.
  const synced = useSyncedMember(memberId);
  const tiers = useTiers();
  const member = synced ?? me.data?.member ?? undefined;
  const home = () => {
    navigate('');
    if (me.status === 'error') me.reload();
  };
  // The member code is signed on the phone: it is shown even when /api/me cannot be reached.
  if (sub === 'code' && (member || me.status === 'error')) {
    return member ? (
      <MemberCodeScreen memberId={member.id} cardNo={member.cardNo} serverKey={me.data?.member ? (me.data.member.qrPublicKey ?? null) : undefined} onBack={home} onRegistered={me.reload} />
    ) : (
      <MemberCodeScreen memberId={memberId} cardNo={null} serverKey={undefined} onBack={home} onRegistered={me.reload} />
    );
  }
  if (!member) {
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
  const fromSync = tierPair(tiers, member.tierCode);
  const tier = fromSync.tier ?? (me.data?.tier?.code === member.tierCode ? me.data.tier : null);
  const nextTier = fromSync.tier ? fromSync.nextTier : (me.data?.nextTier ?? null);
  const tab = tabOf(sub);
  const [, detail] = sub.split('/');
  let screen;
  if (tab === 'history') screen = detail ? <ReceiptScreen id={decodeURIComponent(detail)} /> : <HistoryScreen />;
  else if (tab === 'wallet') screen = detail === 'rewards' ? <RewardsScreen member={member} /> : <WalletScreen member={member} />;
  else if (tab === 'messages') screen = detail === 'settings' ? <PreferencesScreen /> : <MessagesScreen member={member} />;
  else if (tab === 'me') screen = detail === 'profile' ? <ProfileScreen /> : <MeScreen member={member} tier={tier} />;
  else screen = <HomeScreen member={member} tier={tier} nextTier={nextTier} />;
  return (
    <>
      {screen}
      <TabBar current={tab} member={member} />
    </>
  );
}
