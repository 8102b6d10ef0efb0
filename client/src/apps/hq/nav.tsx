import type { ReactNode } from 'react';
import { BoxIcon, ChartIcon, CouponIcon, CrownIcon, IdCardIcon, MegaphoneIcon, PhoneIcon, SettingsIcon, ShieldIcon, StoreIcon, UsersIcon } from '../../lib/ui/icons';

export type NavKey = 'stores' | 'devices' | 'staff' | 'products' | 'inventory' | 'members' | 'tiers' | 'campaigns' | 'coupons' | 'loyalty' | 'reports' | 'jobs' | 'audit';

/** The sidebar, in order. `ready: false` items are shown as coming soon (later issues build them). */
export const NAV: readonly { key: NavKey; icon: ReactNode; ready: boolean }[] = [
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
  { key: 'reports', icon: <ChartIcon size={20} />, ready: false },
  { key: 'jobs', icon: <SettingsIcon size={20} />, ready: true },
  { key: 'audit', icon: <ShieldIcon size={20} />, ready: true },
];

/** Which screen a path inside /hq/ shows: the first ready section it names, else the stores. */
export function screenFor(sub: string): NavKey {
  const first = sub.split('/')[0] ?? '';
  return NAV.find((n) => n.ready && n.key === first)?.key ?? 'stores';
}
