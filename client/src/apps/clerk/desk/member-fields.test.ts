import { describe, expect, it } from 'vitest';
import type { Member } from '../../../../../shared/schemas/member';
import { emptyDraft, samePhone, toRegistration, toUpdate, withoutFixed, type MemberDraft } from './member-fields';

const ID = '01JD0000000000000000000000';
const NOW = Date.UTC(2026, 10, 20);
const ctx = { id: ID, storeId: 'store-1', now: NOW };
const draft = (over: Partial<MemberDraft> = {}): MemberDraft => ({ ...emptyDraft(), phone: '13812345678', name: '张三', ...over });

describe('toRegistration', () => {
  it('builds what registerMember takes', () => {
    expect(toRegistration(draft({ phone: '138 1234 5678', birthday: '1990-05-01', gender: 'female', cardNo: '8800 0000 0042' }), ctx)).toEqual({
      ok: true,
      value: { id: ID, phone: '13812345678', name: '张三', gender: 'female', birthday: '1990-05-01', homeStoreId: 'store-1', cardNo: '880000000042', createdAt: NOW },
    });
  });
  it('leaves birthday and card to null when not given', () => {
    expect(toRegistration(draft(), ctx)).toMatchObject({ ok: true, value: { birthday: null, cardNo: null, gender: 'unknown' } });
  });
  it.each<[string, Partial<MemberDraft>, string[]]>([
    ['short phone', { phone: '1381234567' }, ['phone']],
    ['landline', { phone: '02038880001' }, ['phone']],
    ['no name', { name: '  ' }, ['name']],
    ['long name', { name: 'x'.repeat(41) }, ['name']],
    ['bad card', { cardNo: '12ab' }, ['cardNo']],
    ['short card', { cardNo: '88000000004' }, ['cardNo']],
    ['bad date', { birthday: '1990/05/01' }, ['birthday']],
    ['born tomorrow', { birthday: '2026-11-21' }, ['birthday']],
    ['everything', { phone: '', name: '', cardNo: '1' }, ['cardNo', 'name', 'phone']],
  ])('%s → fix %j', (_, over, fields) => {
    const r = toRegistration(draft(over), ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors).sort()).toEqual(fields);
  });
});

describe('toUpdate', () => {
  const member = { id: 'm-1', name: '张三', birthday: null, gender: 'unknown' } as Member;
  const edit = { opId: ID, now: NOW };
  it.each<[string, { name: string; birthday: string; gender: Member['gender'] }, unknown]>([
    ['nothing changed', { name: '张三 ', birthday: '', gender: 'unknown' }, { ok: true, value: null }],
    ['name only', { name: '张三丰', birthday: '', gender: 'unknown' }, { ok: true, value: { id: 'm-1', opId: ID, name: '张三丰' } }],
    ['birthday and gender', { name: '张三', birthday: '1990-01-02', gender: 'male' }, { ok: true, value: { id: 'm-1', opId: ID, birthday: '1990-01-02', gender: 'male' } }],
    ['empty name', { name: '', birthday: '', gender: 'unknown' }, { ok: false, errors: { name: true } }],
    ['future birthday', { name: '张三', birthday: '2030-01-01', gender: 'unknown' }, { ok: false, errors: { birthday: true } }],
  ])('%s', (_, d, out) => expect(toUpdate(member, d, edit)).toEqual(out));
  it('clears a birthday', () => {
    expect(toUpdate({ ...member, birthday: '1990-01-02' }, { name: '张三', birthday: '', gender: 'unknown' }, edit)).toEqual({ ok: true, value: { id: 'm-1', opId: ID, birthday: null } });
  });
});

describe('samePhone', () => {
  const ms = [{ id: 'a', phone: '13800000001' }, { id: 'b', phone: '13800000002' }];
  it.each([
    ['13800000002', 'b'],
    ['138 0000 0001', 'a'],
    ['13800000003', null],
  ])('%s → %s', (p, id) => expect(samePhone(ms, p)).toBe(id));
});

describe('withoutFixed', () => {
  it('drops the marks of the fields just changed', () => {
    expect(withoutFixed({ phone: true, name: true }, { phone: '1' })).toEqual({ name: true });
    expect(withoutFixed({ phone: true }, { gender: 'male' })).toEqual({ phone: true });
  });
});
