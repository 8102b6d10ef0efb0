import { describe, expect, it } from 'vitest';
import { generateMemberKeyPair } from '../../../../shared/domain/member-code';
import { ensureDeviceKey, loadDeviceKey, needsRegistration, saveDeviceKey, type DeviceKey } from './member-code-keys';

const memoryStorage = () => {
  const m = new Map<string, string>();
  return { m, getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
};

describe('device key storage', () => {
  it('makes a key once per member and keeps it', () => {
    const s = memoryStorage();
    const a = ensureDeviceKey('m1', s);
    expect(a).toMatchObject({ registered: false, cardNo: null });
    expect(ensureDeviceKey('m1', s)).toEqual(a);
    expect(ensureDeviceKey('m2', s).publicKey).not.toBe(a.publicKey);
    expect([...s.m.keys()].sort()).toEqual(['cloudcard.member.qrKey.m1', 'cloudcard.member.qrKey.m2']);
  });

  it.each([
    ['not JSON', '{'],
    ['no secret', JSON.stringify({ publicKey: generateMemberKeyPair().publicKey })],
    ['halves of different pairs', JSON.stringify({ secretKey: generateMemberKeyPair().secretKey, publicKey: generateMemberKeyPair().publicKey })],
  ])('replaces a damaged record: %s', (_, raw) => {
    const s = memoryStorage();
    s.setItem('cloudcard.member.qrKey.m1', raw);
    expect(loadDeviceKey('m1', s)).toBeNull();
    const made = ensureDeviceKey('m1', s);
    expect(loadDeviceKey('m1', s)).toEqual(made);
  });

  it('keeps the registration and the card number', () => {
    const s = memoryStorage();
    const k: DeviceKey = { ...generateMemberKeyPair(), registered: true, cardNo: '880000000001' };
    saveDeviceKey('m1', k, s);
    expect(loadDeviceKey('m1', s)).toEqual(k);
  });
});

describe('needsRegistration', () => {
  const mine = generateMemberKeyPair().publicKey;
  const other = generateMemberKeyPair().publicKey;
  it.each([
    ['server has this key', true, mine, false],
    ['server has none', false, null, true],
    ['server has none though we thought so (reset)', true, null, true],
    ['another phone registered since', true, other, true],
    ['offline, registered before', true, undefined, false],
    ['offline, never registered', false, undefined, true],
  ])('%s', (_, registered, serverKey, expected) => {
    expect(needsRegistration({ secretKey: '', publicKey: mine, registered, cardNo: null }, serverKey)).toBe(expected);
  });
});
