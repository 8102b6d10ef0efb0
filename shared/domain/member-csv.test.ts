import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { fenToYuan, parseMemberCsv, toCsv, type Lookup } from './member-csv';

const lookup: Lookup = {
  tiers: [
    { code: 'normal', name: '普通会员', nameEn: 'Member' },
    { code: 'gold', name: '金卡会员', nameEn: 'Gold' },
  ],
  stores: [{ id: 'store-1', code: 'S01', name: '旗舰店' }],
};
const ZH = '手机,姓名,性别,生日,卡号,等级,门店,储值本金(元),赠送金,积分,标签';
const one = (row: string, header = ZH) => parseMemberCsv(`${header}\n${row}`, lookup).rows[0]!;

describe('parseMemberCsv: a good row', () => {
  it.each([
    ['Chinese headers', ZH, '13800001111,张三,女,1990-05-06,880012345678,金卡会员,S01,1200.50,200,300,烫发;VIP'],
    ['English headers', 'Phone,Name,Gender,Birthday,Card No,Tier,Store,Principal (yuan),Bonus,Points,Tags', '13800001111,张三,female,1990/5/6,880012345678,gold,store-1,"1,200.50",200.00,300,烫发|VIP'],
    ['a BOM and spaces', `\uFEFF${ZH}`, ' 138 0000 1111 , 张三 ,F,1990-05-06,880012345678,Gold,旗舰店,¥1200.5,200,300,烫发、VIP'],
  ])('%s', (_n, header, row) => {
    expect(one(row, header)).toMatchObject({
      line: 2, errors: [],
      member: { phone: '13800001111', name: '张三', gender: 'female', birthday: '1990-05-06', cardNo: '880012345678', tierCode: 'gold', storeId: 'store-1', principalFen: 120_050, bonusFen: 20_000, points: 300, tags: ['烫发', 'VIP'] },
    });
  });
  it('blank optional cells take defaults', () => {
    expect(one('13800001111,李四,,,,,,,,,', ZH).member).toEqual({ line: 2, phone: '13800001111', name: '李四', gender: 'unknown', birthday: null, cardNo: null, tierCode: 'normal', storeId: null, principalFen: 0, bonusFen: 0, points: 0, tags: [] });
  });
});

describe('parseMemberCsv: a bad row names the field', () => {
  it.each([
    ['12345', '李四', '', '', 'phone'],
    ['13800001111', '', '', '', 'name'],
    ['13800001111', '李四', '12.345', '', 'principal'],
    ['13800001111', '李四', '-5', '', 'principal'],
    ['13800001111', '李四', 'abc', '', 'principal'],
    ['13800001111', '李四', '', '1.2.3', 'bonus'],
  ])('%s %s principal=%s bonus=%s → %s', (phone, name, principal, bonus, field) => {
    const r = one(`${phone},${name},,,,,,${principal},${bonus},,`);
    expect(r.member).toBeNull();
    expect(r.errors.map((e) => e.field)).toEqual([field]);
  });
  it.each([
    ['gender', '13800001111,王五,x,,,,,,,,'],
    ['birthday', '13800001111,王五,,1990-02-30,,,,,,,'],
    ['cardNo', '13800001111,王五,,,12ab,,,,,,'],
    ['tier', '13800001111,王五,,,,白金,,,,,'],
    ['store', '13800001111,王五,,,,,不存在的店,,,,'],
    ['points', '13800001111,王五,,,,,,,,1.5,'],
  ])('%s', (field, row) => expect(one(row).errors.map((e) => e.field)).toEqual([field]));
});

describe('parseMemberCsv: the file', () => {
  it('a phone or card twice in the file fails every such row; line numbers count the header and blank lines', () => {
    const { rows } = parseMemberCsv(`${ZH}\n13800001111,甲,,,880000000001,,,,,,\n\n13800001111,乙,,,,,,,,,\n13800002222,丙,,,880000000001,,,,,,\n13800003333,丁,,,,,,,,,`, lookup);
    expect(rows.map((r) => [r.line, r.errors.map((e) => e.field)])).toEqual([[2, ['phone', 'cardNo']], [4, ['phone']], [5, ['cardNo']], [6, []]]);
  });
  it.each([
    ['no phone column', '姓名,积分\n张三,1', /missing column phone/],
    ['no rows', `${ZH}\n\n`, /no member rows/],
  ])('%s', (_n, text, msg) => expect(parseMemberCsv(text, lookup).fileErrors.join()).toMatch(msg));
});

describe('toCsv', () => {
  it('starts with a BOM, quotes what needs it, defuses formulas and reads back', () => {
    const csv = toCsv(['手机', '姓名', '积分'], [['13800001111', '=HYPERLINK("x")', -5], ['13800002222', 'a,b', 7]]);
    expect(csv.startsWith('\uFEFF手机,姓名,积分\r\n')).toBe(true);
    expect(Papa.parse<string[]>(csv.slice(1)).data).toEqual([['手机', '姓名', '积分'], ['13800001111', `'=HYPERLINK("x")`, '-5'], ['13800002222', 'a,b', '7']]);
  });
  it.each([[0, '0.00'], [1234, '12.34'], [5, '0.05'], [-150, '-1.50']])('fenToYuan(%i) = %s', (fen, s) => expect(fenToYuan(fen)).toBe(s));
});
