import { generateMemberKeyPair, isMemberPublicKey, publicKeyOf } from '../../../../shared/domain/member-code';
import type { Member } from '../../../../shared/schemas/member';
import type { Api } from '../../lib/api';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

/**
 * This phone's member-code key (docs/decisions/011), one per member signed in here. The secret half
 * stays in localStorage: it only lets someone show this member's code, which a thief holding the
 * unlocked phone can do anyway. `registered` means the server has accepted this public key; the
 * card number is kept with it so the code screen can be shown offline.
 */
export type DeviceKey = { secretKey: string; publicKey: string; registered: boolean; cardNo: string | null };

const storageKey = (memberId: string) => `cloudcard.member.qrKey.${memberId}`;

export function loadDeviceKey(memberId: string, storage: Storage = localStorage): DeviceKey | null {
  try {
    const raw = storage.getItem(storageKey(memberId));
    if (!raw) return null;
    const k = JSON.parse(raw) as Partial<DeviceKey>;
    if (typeof k.secretKey !== 'string' || !isMemberPublicKey(k.publicKey ?? '') || publicKeyOf(k.secretKey) !== k.publicKey) return null;
    return { secretKey: k.secretKey, publicKey: k.publicKey!, registered: k.registered === true, cardNo: typeof k.cardNo === 'string' ? k.cardNo : null };
  } catch {
    return null;
  }
}

export function saveDeviceKey(memberId: string, key: DeviceKey, storage: Storage = localStorage): void {
  storage.setItem(storageKey(memberId), JSON.stringify(key));
}

/** The key this phone signs with, made (offline is fine) the first time it is needed. */
export function ensureDeviceKey(memberId: string, storage: Storage = localStorage): DeviceKey {
  const existing = loadDeviceKey(memberId, storage);
  if (existing) return existing;
  const made: DeviceKey = { ...generateMemberKeyPair(), registered: false, cardNo: null };
  saveDeviceKey(memberId, made, storage);
  return made;
}

/**
 * Must this phone (re)register its key? When the server's key is known (from /api/me) it decides:
 * another phone may have taken over since. Offline, the last registration is all we know.
 */
export function needsRegistration(key: DeviceKey, serverKey: string | null | undefined): boolean {
  if (serverKey === undefined) return !key.registered;
  return serverKey !== key.publicKey;
}

/** PUT /api/me/qr-key: the server keeps this phone's public key (a new phone replaces the old one). */
export async function registerDeviceKey(api: Api, memberId: string, key: DeviceKey, storage: Storage = localStorage): Promise<DeviceKey> {
  const member = await api.put<Member>('/api/me/qr-key', { publicKey: key.publicKey });
  const saved: DeviceKey = { ...key, registered: member.qrPublicKey === key.publicKey, cardNo: member.cardNo };
  saveDeviceKey(memberId, saved, storage);
  return saved;
}
