import type { Device } from '../../../../shared/schemas/device';

export type DeviceTotals = {
  tablets: number;
  active: number;
  retired: number;
  /** Open allowances summed over tablets (a member holding on two tablets counts twice). */
  openAllowances: number;
  outstandingFen: number;
  writtenOffFen: number;
};
export type StoreDeviceTotals = DeviceTotals & { storeId: string; storeName: string };

const ZERO: DeviceTotals = { tablets: 0, active: 0, retired: 0, openAllowances: 0, outstandingFen: 0, writtenOffFen: 0 };

function add(t: DeviceTotals, d: Device): DeviceTotals {
  return {
    tablets: t.tablets + 1,
    active: t.active + (d.status === 'active' ? 1 : 0),
    retired: t.retired + (d.status === 'retired' ? 1 : 0),
    openAllowances: t.openAllowances + d.openAllowances,
    outstandingFen: t.outstandingFen + d.outstandingFen,
    writtenOffFen: t.writtenOffFen + d.writtenOffFen,
  };
}

/** The sums over every tablet listed (the chain for HQ, one store for its manager). */
export function deviceTotals(devices: readonly Device[]): DeviceTotals {
  return devices.reduce(add, ZERO);
}

/** One row per store that has tablets, in the order the stores first appear in the list. */
export function deviceTotalsByStore(devices: readonly Device[]): StoreDeviceTotals[] {
  const byStore = new Map<string, StoreDeviceTotals>();
  for (const d of devices) {
    const prev = byStore.get(d.storeId) ?? { ...ZERO, storeId: d.storeId, storeName: d.storeName };
    byStore.set(d.storeId, { ...add(prev, d), storeId: d.storeId, storeName: d.storeName });
  }
  return [...byStore.values()];
}

/** An active tablet holding members' money that has not reached the server for this long may be lost. */
export const QUIET_AFTER_MS = 24 * 60 * 60 * 1000;

/** Worth a look: active, holds money, and silent for a day (or never seen since registration). */
export function isQuiet(d: Pick<Device, 'status' | 'outstandingFen' | 'lastSeenAt' | 'createdAt'>, now: number): boolean {
  if (d.status !== 'active' || d.outstandingFen <= 0) return false;
  return now - (d.lastSeenAt ?? d.createdAt) >= QUIET_AFTER_MS;
}

export type Since = { value: number; unit: 'second' | 'minute' | 'hour' | 'day' };

/** How long ago `at` was, in the largest whole unit (under a minute counts as "just now": 0 s). */
export function since(at: number, now: number): Since {
  const s = Math.max(0, Math.floor((now - at) / 1000));
  if (s < 60) return { value: 0, unit: 'second' };
  if (s < 3600) return { value: Math.floor(s / 60), unit: 'minute' };
  if (s < 86_400) return { value: Math.floor(s / 3600), unit: 'hour' };
  return { value: Math.floor(s / 86_400), unit: 'day' };
}
