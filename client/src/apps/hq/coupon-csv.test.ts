import { describe, expect, it } from 'vitest';
import { listFromCsv } from './coupon-csv';

describe('listFromCsv', () => {
  it('takes phones and member ids from any column, skipping the header, blanks and repeats', () => {
    const csv = 'phone,name,memberId\n13800000001,张三,\n"13800000002",李四,01J9Z3V5X8K2M4N6P8Q0R2S4T6\n13800000001,张三,\n\nnot-a-phone,王五,\n';
    expect(listFromCsv(csv)).toEqual({ phones: ['13800000001', '13800000002'], memberIds: ['01J9Z3V5X8K2M4N6P8Q0R2S4T6'] });
  });
  it('a one-column list without a header', () => {
    expect(listFromCsv('13900000009\r\n13900000010\r\n')).toEqual({ phones: ['13900000009', '13900000010'], memberIds: [] });
  });
});
