import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../shared/schemas/me';
import { linkClick, useSubPath } from '../../lib/router';
import { Brand } from '../../lib/ui/brand-mark';
import { Loading } from '../../lib/ui/states';
import { SoonBadge } from '../../lib/ui/coming-soon';
import { LanguageSwitch } from '../../lib/ui/language-switch';
import { OnlineStatus } from '../../lib/ui/online-status';
import { SignOutButton, UserChip } from '../../lib/ui/user-chip';
import { NAV, screenFor } from './nav';
import { StoresScreen } from './stores-screen';
import { AuditScreen, CampaignsScreen, CouponsScreen, DevicesScreen, HomeScreen, InventoryScreen, JobsScreen, LoyaltyScreen, MembersScreen, ProductsScreen, ReportsScreen, StaffScreen, TiersScreen } from './screens';
import { AccountButton } from './account-dialog';

/** Sidebar + top bar around the current section. */
export function HqShell({ me }: { me: Me }) {
  const { t } = useTranslation();
  const screen = screenFor(useSubPath());
  const user = me.user;
  return (
    <div className="hq-shell">
      <aside className="hq-sidebar">
        <div className="hq-sidebar-brand">
          <Brand />
          <span className="hq-sidebar-product">{t('hq.appName')}</span>
        </div>
        <nav aria-label={t('hq.appName')}>
          <ul className="hq-nav">
            {NAV.map((item) =>
              item.ready ? (
                <li key={item.key}>
                  <a
                    href={`${import.meta.env.BASE_URL}${item.key}`}
                    className={`hq-nav-item${screen === item.key ? ' active' : ''}`}
                    aria-current={screen === item.key ? 'page' : undefined}
                    onClick={linkClick(item.key)}
                    data-testid={`nav-${item.key}`}
                  >
                    {item.icon}
                    <span>{t(`hq.nav.${item.key}`)}</span>
                  </a>
                </li>
              ) : (
                <li key={item.key}>
                  <span className="hq-nav-item disabled" aria-disabled="true" data-testid={`nav-${item.key}`}>
                    {item.icon}
                    <span>{t(`hq.nav.${item.key}`)}</span>
                    <SoonBadge />
                  </span>
                </li>
              ),
            )}
          </ul>
        </nav>
      </aside>
      <div className="hq-body">
        <header className="hq-topbar">
          <span className="hq-topbar-scope">{me.store?.name ?? t('common.hq')}</span>
          <div className="topbar-right">
            <OnlineStatus />
            <LanguageSwitch />
            <UserChip user={user} />
            <AccountButton />
            <SignOutButton />
          </div>
        </header>
        <main className="hq-main">
          <Suspense fallback={<Loading />}>
            {screen === 'home' ? <HomeScreen /> : null}
            {screen === 'reports' ? <ReportsScreen isHq={user.kind === 'staff' && user.role === 'hq_admin'} /> : null}
            {screen === 'stores' ? <StoresScreen /> : null}
            {screen === 'staff' ? <StaffScreen me={me} /> : null}
            {screen === 'audit' ? <AuditScreen isHq={user.kind === 'staff' && user.role === 'hq_admin'} /> : null}
            {screen === 'inventory' ? <InventoryScreen /> : null}
            {screen === 'products' ? <ProductsScreen canEdit={user.kind === 'staff' && user.role === 'hq_admin'} /> : null}
            {screen === 'loyalty' ? <LoyaltyScreen canEdit={user.kind === 'staff' && user.role === 'hq_admin'} /> : null}
            {screen === 'members' ? <MembersScreen isHq={user.kind === 'staff' && user.role === 'hq_admin'} /> : null}
            {screen === 'tiers' ? <TiersScreen canEdit={user.kind === 'staff' && user.role === 'hq_admin'} /> : null}
            {screen === 'campaigns' ? <CampaignsScreen canEdit={user.kind === 'staff' && user.role === 'hq_admin'} /> : null}
            {screen === 'coupons' ? <CouponsScreen canEdit={user.kind === 'staff' && user.role === 'hq_admin'} /> : null}
            {screen === 'jobs' ? <JobsScreen canRun={user.kind === 'staff' && user.role === 'hq_admin'} /> : null}
            {screen === 'devices' ? <DevicesScreen canRetire={user.kind === 'staff' && user.role === 'hq_admin'} /> : null}
          </Suspense>
        </main>
      </div>
    </div>
  );
}
