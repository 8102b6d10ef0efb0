import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { summarizeShift } from '../../../../../shared/domain/shift-summary';
import type { Shift } from '../../../../../shared/schemas/shift';
import '../../../lib/i18n';
import { ShiftSummaryView } from './shift-summary-view';

const shift = (countedCashFen: number | null): Shift => ({
  id: 'S1', storeId: 'store-1', staffId: 'staff-clerk1', staffName: '王小芳', status: countedCashFen === null ? 'open' : 'closed',
  openedAt: 0, openingCashFen: 50_000, closedAt: countedCashFen === null ? null : 1, countedCashFen, expectedCashFen: 58_900, note: '',
  summary: summarizeShift({ openingCashFen: 50_000, countedCashFen, asOf: 1, movements: [{ kind: 'sale', ref: 'A', tender: 'cash', amountFen: 8_900 }, { kind: 'refund', ref: 'F', tender: null, amountFen: 100 }] }),
});

describe('<ShiftSummaryView>', () => {
  it.each([
    [58_600, 'shift-diff-short', '短款 ¥3.00'],
    [59_000, 'shift-diff-over', '长款 ¥1.00'],
    [58_900, 'shift-diff-balanced', '账实相符'],
  ])('counted %i fen: %s', (counted, cls, words) => {
    const html = renderToStaticMarkup(createElement(ShiftSummaryView, { shift: shift(counted), printable: true, storeName: '天河1店' }));
    expect(html).toContain(cls);
    expect(html).toContain(words);
    expect(html).toContain('data-tender="cash"');
    expect(html).toContain('data-testid="shift-print"');
    expect(html).toContain('未记录退款方式'); // hint and the printable copy
  });

  it('an open shift shows the expected cash, no difference and no print button unless asked', () => {
    const html = renderToStaticMarkup(createElement(ShiftSummaryView, { shift: shift(null) }));
    expect(html).toContain('¥589.00');
    expect(html).not.toContain('shift-difference');
    expect(html).not.toContain('shift-print');
  });
});
