import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../../shared/domain/money';
import { tenderKindSchema, type TenderKind } from '../../../../../shared/schemas/order';
import { differenceKind, type ShiftPrintLabels } from './shift-layout';

/** Counted − expected in words: 账实相符 / 短款 ¥3.00 / 长款 ¥5.00. */
export function differenceText(t: TFunction, fen: number): string {
  const kind = differenceKind(fen);
  return kind === 'balanced' ? t('shift.balanced') : t(kind === 'short' ? 'shift.short' : 'shift.over', { amount: formatFen(Math.abs(fen)) });
}

/** Tender names are the receipt's (one wording for the counter). */
export const tenderLabel = (t: TFunction, k: TenderKind): string => t(`receipt.tender.${k}`);

export function shiftPrintLabels(t: TFunction): ShiftPrintLabels {
  return {
    title: t('shift.summaryTitle'),
    staff: t('shift.staff'),
    openedAt: t('shift.openedAt'),
    closedAt: t('shift.closedAtLabel'),
    orders: t('shift.orders'),
    sales: t('shift.sales'),
    recharges: t('shift.recharges'),
    punchCardSales: t('shift.punchCardSales'),
    refunds: t('shift.refunds'),
    untendered: t('shift.untendered'),
    openingCash: t('shift.openingCashLabel'),
    expectedCash: t('shift.expectedCash'),
    countedCash: t('shift.countedCashLabel'),
    difference: t('shift.difference'),
    note: t('shift.note'),
    printedAt: t('shift.printedAt'),
    signature: t('shift.signature'),
    count: (count) => t('shift.count', { count }),
    differenceText: (fen) => differenceText(t, fen),
    tender: Object.fromEntries(tenderKindSchema.options.map((k) => [k, tenderLabel(t, k)])) as Record<TenderKind, string>,
  };
}

export function useShiftPrintLabels(): ShiftPrintLabels {
  const { t, i18n } = useTranslation();
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => shiftPrintLabels(t), [t, i18n.resolvedLanguage]);
}
