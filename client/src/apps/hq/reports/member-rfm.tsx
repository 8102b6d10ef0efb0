import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../../shared/domain/money';
import type { RfmSegment } from '../../../../../shared/domain/rfm';
import type { RfmMembersPage } from '../../../../../shared/schemas/report-members';
import { formatCount, toLang } from '../../../lib/format';
import { Button } from '../../../lib/ui/button';
import { Notice } from '../../../lib/ui/notice';
import { Loading, LoadError } from '../../../lib/ui/states';
import { Chart } from './chart';
import { barOption } from './chart-options';
import { useRfm, useRfmMembers } from './member-queries';
import { SegmentCouponDialog, SegmentTagDialog } from './member-segment-actions';
import { TableNote } from './member-table-note';
import type { ReportColumn } from './report-columns';
import { ReportTable } from './report-table';

type Member = RfmMembersPage['members'][number];
type Period = { from: string; to: string };

/** RFM (nightly): the eight segments with counts; a segment's members, to tag (HQ, managers for their members) or send coupons to (HQ). */
export function MemberRfm({ storeId, isHq, period }: { storeId?: string; isHq: boolean; period: Period }) {
  const { t, i18n } = useTranslation();
  const lang = toLang(i18n.resolvedLanguage) ?? 'zh-CN';
  const n = (v: number) => formatCount(v, lang);
  const rfm = useRfm(storeId);
  const [segment, setSegment] = useState<RfmSegment | null>(null);
  const [action, setAction] = useState<'tag' | 'coupon' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const segments = rfm.data?.segments;
  const option = useMemo(() => barOption((segments ?? []).map((s) => t(`hqReportsMembers.seg.${s.segment}`)), [{ name: t('hqReportsMembers.col.members'), values: (segments ?? []).map((s) => s.members), unit: 'count' }]), [segments, t]);
  if (rfm.isPending) return <Loading />;
  if (rfm.isError) return <LoadError error={rfm.error} onRetry={() => void rfm.refetch()} />;
  const r = rfm.data;
  const total = r.segments.reduce((a, s) => a + s.members, 0);
  const seg = r.segments.find((s) => s.segment === segment);
  const pick = (s: RfmSegment) => (setDone(null), setSegment(segment === s ? null : s));
  return (
    <section className="card rep-m-rfm" data-testid="rm-rfm">
      <div className="report-table-head">
        <h2 className="section-title">{t('hqReportsMembers.rfm.title')}</h2>
        <span className="muted">{r.computedAt ? t('hqReportsMembers.computedAt', { at: new Date(r.computedAt).toLocaleString(lang, { timeZone: 'Asia/Shanghai', hour12: false }) }) : t('hqReportsMembers.notComputed')}</span>
      </div>
      <div className="rep-m-rfm-body">
        <div className="rep-m-segments">
          {r.segments.map((s) => (
            <button key={s.segment} type="button" className={`rep-m-seg rep-m-seg-${s.segment}${segment === s.segment ? ' is-on' : ''}`} onClick={() => pick(s.segment)} data-testid={`rfm-seg-${s.segment}`} aria-pressed={segment === s.segment}>
              <span className="rep-m-seg-name">{t(`hqReportsMembers.seg.${s.segment}`)}</span>
              <span className="rep-m-seg-count">{n(s.members)}</span>
              <span className="muted">{total ? `${((s.members / total) * 100).toFixed(1)}%` : '—'} · {formatFen(s.netFen)}</span>
            </button>
          ))}
        </div>
        <Chart option={option} height={220} onPick={(i) => { const s = r.segments[i]; if (s) pick(s.segment); }} testId="rm-chart-rfm" />
      </div>
      <p className="muted rep-m-rule">{t('hqReportsMembers.rfm.rule', { days: r.windowDays, r: r.thresholds.recencyDays.join(' / '), f: r.thresholds.frequency.join(' / '), m: r.thresholds.monetaryFen.map((x) => formatFen(x)).join(' / '), high: r.thresholds.high })}</p>
      {done ? <Notice kind="success" testId="rfm-action-done">{done}</Notice> : null}
      {segment && seg ? <SegmentMembers segment={segment} storeId={storeId} count={seg.members} canCoupon={isHq} onAction={setAction} period={period} /> : null}
      {segment && action === 'tag' ? <SegmentTagDialog segment={segment} storeId={storeId} count={seg?.members ?? 0} onClose={() => setAction(null)} onDone={(m) => (setAction(null), setDone(m))} /> : null}
      {segment && action === 'coupon' ? <SegmentCouponDialog segment={segment} storeId={storeId} count={seg?.members ?? 0} onClose={() => setAction(null)} onDone={(m) => (setAction(null), setDone(m))} /> : null}
    </section>
  );
}

function SegmentMembers({ segment, storeId, count, canCoupon, onAction, period }: { segment: RfmSegment; storeId?: string; count: number; canCoupon: boolean; onAction: (a: 'tag' | 'coupon') => void; period: Period }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatCount(v, toLang(i18n.resolvedLanguage) ?? 'zh-CN');
  const list = useRfmMembers(segment, storeId);
  const columns = useMemo((): ReportColumn<Member>[] => [
    { id: 'name', header: t('hqReportsMembers.col.name'), value: (m) => m.name, kind: 'text' },
    { id: 'phone', header: t('hqReportsMembers.col.phone'), value: (m) => m.phone, kind: 'text' },
    { id: 'last', header: t('hqReportsMembers.col.lastVisit'), value: (m) => m.lastVisitDay ?? '—', kind: 'text' },
    { id: 'orders', header: t('hqReportsMembers.col.orders'), value: (m) => m.orders },
    { id: 'spend', header: t('hqReportsMembers.col.spend365'), value: (m) => m.netFen, kind: 'fen' },
    { id: 'r', header: 'R', value: (m) => m.r }, { id: 'f', header: 'F', value: (m) => m.f }, { id: 'm', header: 'M', value: (m) => m.m },
  ], [t]);
  if (list.isPending) return <Loading />;
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  const actions = (
    <>
      <Button variant="secondary" className="btn-sm" disabled={count === 0} onClick={() => onAction('tag')} data-testid="rfm-tag">{t('hqReportsMembers.rfm.tag')}</Button>
      {canCoupon ? <Button className="btn-sm" disabled={count === 0} onClick={() => onAction('coupon')} data-testid="rfm-coupon">{t('hqReportsMembers.rfm.coupon')}</Button> : null}
    </>
  );
  return (
    <div className="rep-m-seglist">
      <ReportTable title={t('hqReportsMembers.rfm.members', { segment: t(`hqReportsMembers.seg.${segment}`), count, n: n(count) })} columns={columns} rows={list.data.members} file={`rfm-${segment}`} period={period}
        rowKey={(m) => m.memberId} actions={actions} testId="rfm-members"
        footer={list.data.next ? <TableNote>{t('hqReportsMembers.rfm.more', { shown: list.data.members.length })}</TableNote> : undefined} />
    </div>
  );
}
