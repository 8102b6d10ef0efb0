import type { ReactNode } from 'react';
import { BoxIcon, ChartIcon, CouponIcon, CrownIcon, HomeIcon, IdCardIcon, MegaphoneIcon, PhoneIcon, SettingsIcon, ShieldIcon, StoreIcon, UsersIcon } from '../../lib/ui/icons';

export type NavKey = 'home' | 'stores' | 'devices' | 'staff' | 'products' | 'inventory' | 'members' | 'tiers' | 'campaigns' | 'coupons' | 'loyalty' | 'reports' | 'jobs' | 'audit';

/** The sidebar, in order. `ready: false` items are shown as coming soon (later issues build them). */
export const NAV: readonly { key: NavKey; icon: ReactNode; ready: boolean }[] = [
  { key: 'home', icon: <HomeIcon size={20} />, ready: true },
  { key: 'stores', icon: <StoreIcon size={20} />, ready: true },
  { key: 'devices', icon: <PhoneIcon size={20} />, ready: true },
  { key: 'staff', icon: <UsersIcon size={20} />, ready: true },
  { key: 'products', icon: <BoxIcon size={20} />, ready: true },
  { key: 'inventory', icon: <BoxIcon size={20} />, ready: true },
  { key: 'members', icon: <IdCardIcon size={20} />, ready: true },
  { key: 'tiers', icon: <CrownIcon size={20} />, ready: true },
  { key: 'campaigns', icon: <MegaphoneIcon size={20} />, ready: true },
  { key: 'coupons', icon: <CouponIcon size={20} />, ready: true },
  { key: 'loyalty', icon: <CrownIcon size={20} />, ready: true },
  { key: 'reports', icon: <ChartIcon size={20} />, ready: true },
  { key: 'jobs', icon: <SettingsIcon size={20} />, ready: true },
  { key: 'audit', icon: <ShieldIcon size={20} />, ready: true },
];

/** Which screen a path inside /hq/ shows: the first ready section it names, else the home screen (首页). */
export function screenFor(sub: string): NavKey {
  const first = sub.split('/')[0] ?? '';
  return NAV.find((n) => n.ready && n.key === first)?.key ?? 'home';
}
