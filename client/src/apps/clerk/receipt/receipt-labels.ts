import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { tenderKindSchema, type TenderKind } from '../../../../../shared/schemas/order';
import type { ReceiptDiscountSource, ReceiptStatus } from './receipt-data';
import type { ReceiptLabels } from './receipt-layout';

const STATUSES: readonly ReceiptStatus[] = ['pending', 'completed', 'rejected', 'refunded', 'partially_refunded'];
const SOURCES: readonly ReceiptDiscountSource[] = ['tier', 'birthday', 'campaign_percent', 'campaign_threshold', 'coupon', 'manual', 'other'];

const record = <K extends string>(keys: readonly K[], label: (k: K) => string) => Object.fromEntries(keys.map((k) => [k, label(k)])) as Record<K, string>;

/** The words on a receipt in the current language. */
export function receiptLabels(t: TFunction): ReceiptLabels {
  return {
    phone: t('receipt.phone'),
    order: t('receipt.order'),
    time: t('receipt.time'),
    clerk: t('receipt.clerk'),
    member: t('receipt.member'),
    card: t('receipt.card'),
    lineDiscount: t('receipt.lineDiscount'),
    lineTotal: t('receipt.lineTotal'),
    subtotal: t('receipt.subtotal'),
    total: t('receipt.total'),
    tendered: t('receipt.tendered'),
    change: t('receipt.change'),
    reference: t('receipt.reference'),
    pointsUnit: t('receipt.pointsUnit'),
    pointsEarned: t('receipt.pointsEarned'),
    principal: t('receipt.principal'),
    bonus: t('receipt.bonus'),
    points: t('receipt.points'),
    rejectReason: t('receipt.rejectReason'),
    refunded: t('receipt.refunded'),
    pendingHint: t('receipt.pendingHint'),
    footer: t('receipt.footer'),
    status: record(STATUSES, (s) => t(`receipt.status.${s}`)),
    tender: record<TenderKind>(tenderKindSchema.options, (k) => t(`receipt.tender.${k}`)),
    discount: record(SOURCES, (s) => t(`receipt.discount.${s}`)),
  };
}

export function useReceiptLabels(): ReceiptLabels {
  const { t, i18n } = useTranslation();
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => receiptLabels(t), [t, i18n.resolvedLanguage]);
}
