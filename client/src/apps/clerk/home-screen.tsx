import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../shared/schemas/me';
import { ComingSoonTile } from '../../lib/ui/coming-soon';
import { CartIcon, TicketIcon, UserPlusIcon, WalletIcon } from '../../lib/ui/icons';
import { MemberLookup } from './member-lookup';
import { RejectionsPanel } from './rejections-panel';
import { TopBar } from './top-bar';

/** The counter's first screen: refusals still to deal with, member lookup, and the tiles for what the counter will do. */
export function HomeScreen({ me }: { me: Me }) {
  const { t } = useTranslation();
  const store = me.store?.name ?? t('common.noStore');
  return (
    <div className="clerk-shell">
      <TopBar me={me} />
      <main className="clerk-main">
        <h1 className="page-title" data-testid="home-heading">
          {t('clerk.heading', { store })}
        </h1>
        <RejectionsPanel />
        <div className="clerk-grid">
          <MemberLookup />
          <section className="clerk-tiles" aria-labelledby="tiles-title">
            <h2 id="tiles-title" className="section-title">
              {t('clerk.tiles.title')}
            </h2>
            <div className="tile-grid">
              <ComingSoonTile icon={<CartIcon size={28} />} title={t('clerk.tiles.checkout')} description={t('clerk.tiles.checkoutDesc')} testId="tile-checkout" />
              <ComingSoonTile icon={<WalletIcon size={28} />} title={t('clerk.tiles.recharge')} description={t('clerk.tiles.rechargeDesc')} testId="tile-recharge" />
              <ComingSoonTile icon={<UserPlusIcon size={28} />} title={t('clerk.tiles.register')} description={t('clerk.tiles.registerDesc')} testId="tile-register" />
              <ComingSoonTile icon={<TicketIcon size={28} />} title={t('clerk.tiles.punch')} description={t('clerk.tiles.punchDesc')} testId="tile-punch" />
            </div>
          </section>
        </div>
      </main>
    </div>
  );
}
