import { DEVICE_HEADER } from '../../../shared/sync/constants';

/**
 * This browser's registration as a store's tablet (decision 015): offline allowances are lent to
 * it. The credential is kept in localStorage (it survives sign-outs: the tablet stays the store's)
 * and sent with every request; only the server's hash of it can check it.
 */
export type DeviceRegistration = { id: string; storeId: string; name: string; credential: string };

const KEY = 'cloudcard-device';
const CHANGED = 'cloudcard-device-changed';

export function loadDevice(): DeviceRegistration | null {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    const d = raw ? (JSON.parse(raw) as Partial<DeviceRegistration>) : null;
    return d && typeof d.id === 'string' && typeof d.credential === 'string' && typeof d.storeId === 'string' ? { id: d.id, storeId: d.storeId, name: d.name ?? '', credential: d.credential } : null;
  } catch {
    return null;
  }
}

export function saveDevice(d: DeviceRegistration | null): void {
  if (d) localStorage.setItem(KEY, JSON.stringify(d));
  else localStorage.removeItem(KEY);
  window.dispatchEvent(new Event(CHANGED));
}

export function onDeviceChange(fn: () => void): () => void {
  window.addEventListener(CHANGED, fn);
  window.addEventListener('storage', fn);
  return () => {
    window.removeEventListener(CHANGED, fn);
    window.removeEventListener('storage', fn);
  };
}

export const deviceHeaders = (d: DeviceRegistration | null = loadDevice()): Record<string, string> => (d ? { [DEVICE_HEADER]: d.credential } : {});
