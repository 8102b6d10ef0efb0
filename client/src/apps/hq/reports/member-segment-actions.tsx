import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ulid } from 'ulid';
import type { RfmSegment } from '../../../../../shared/domain/rfm';
import type { CouponBatch, CouponTemplate } from '../../../../../shared/schemas/promotions';
import { useApi } from '../../../lib/app-context';
import { useErrorText } from '../../../lib/errors';
import { Button } from '../../../lib/ui/button';
import { Notice } from '../../../lib/ui/notice';
import { TextField } from '../../../lib/ui/text-field';
import { MemberModal } from '../member-bulk-dialogs';
import { segmentMemberIds } from './member-queries';

type Props = { segment: RfmSegment; storeId?: string; count: number; onClose: () => void; onDone: (message: string) => void };
const TAG_CHUNK = 500; // POST /api/member-admin/tags takes 500 members at a time
const LIST_CHUNK = 5_000; // a coupon batch's list target takes 5,000

/** 打标签: a staff tag on every member of the segment, through the member tag bulk action (one opId: a retry tags nobody twice). */
export function SegmentTagDialog({ segment, storeId, count, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const [opId] = useState(ulid);
  const [tag, setTag] = useState(() => t(`hqReportsMembers.seg.${segment}`).slice(0, 12));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const ids = await segmentMemberIds(api, segment, storeId);
      let changed = 0;
      for (let i = 0; i < ids.length; i += TAG_CHUNK) changed += (await api.post<{ changed: number }>('/api/member-admin/tags', { opId, memberIds: ids.slice(i, i + TAG_CHUNK), add: [tag.trim()] })).changed;
      void qc.invalidateQueries({ queryKey: ['members'] });
      void qc.invalidateQueries({ queryKey: ['reports', 'members'] });
      onDone(t('hqReportsMembers.rfm.tagged', { tag: tag.trim(), changed, total: ids.length }));
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  }
  return (
    <MemberModal title={t('hqReportsMembers.rfm.tagTitle')} testId="rfm-tag-dialog" busy={busy} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <p className="muted">{t('hqReportsMembers.rfm.tagIntro', { segment: t(`hqReportsMembers.seg.${segment}`), count })}</p>
        <TextField label={t('hqReportsMembers.rfm.tagLabel')} value={tag} onChange={(e) => setTag(e.target.value)} maxLength={12} data-testid="rfm-tag-input" />
        {error ? <Notice kind="error" testId="rfm-tag-error">{error}</Notice> : null}
        <div className="dialog-foot">
          <Button variant="ghost" onClick={onClose} disabled={busy}>{t('hqReportsMembers.cancel')}</Button>
          <Button type="submit" loading={busy} disabled={!tag.trim()} data-testid="rfm-tag-confirm">{t('hqReportsMembers.rfm.tag')}</Button>
        </div>
      </form>
    </MemberModal>
  );
}

/** 发券 (HQ): a coupon to every member of the segment, as coupon batches with a member-id list (5,000 a batch), each run to the end. */
export function SegmentCouponDialog({ segment, storeId, count, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const templates = useQuery({ queryKey: ['coupon-templates'], queryFn: async () => (await api.get<{ couponTemplates: CouponTemplate[] }>('/api/promotions/coupon-templates')).couponTemplates });
  const active = (templates.data ?? []).filter((x) => x.active);
  const [templateId, setTemplateId] = useState('');
  // Batch ids made once per dialog: pressing 发券 again after an error continues the same batches.
  const batchIds = useRef<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const ids = await segmentMemberIds(api, segment, storeId);
      const template = templateId || active[0]?.id || '';
      let issued = 0;
      for (let i = 0, k = 0; i < ids.length; i += LIST_CHUNK, k++) {
        const id = (batchIds.current[k] ??= ulid());
        let b = await api.post<CouponBatch>('/api/promotions/coupon-batches', { id, templateId: template, target: { kind: 'list', memberIds: ids.slice(i, i + LIST_CHUNK), phones: [] } });
        for (let n = 0; b.status === 'running' && n < 200; n++) b = await api.post<CouponBatch>(`/api/promotions/coupon-batches/${id}/run`);
        issued += b.issued;
      }
      void qc.invalidateQueries({ queryKey: ['coupon-batches'] });
      onDone(t('hqReportsMembers.rfm.couponed', { issued, total: ids.length }));
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  }
  return (
    <MemberModal title={t('hqReportsMembers.rfm.couponTitle')} testId="rfm-coupon-dialog" busy={busy} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <p className="muted">{t('hqReportsMembers.rfm.couponIntro', { segment: t(`hqReportsMembers.seg.${segment}`), count })}</p>
        <label className="field">
          <span className="field-label">{t('hqReportsMembers.rfm.template')}</span>
          <select className="select" value={templateId || active[0]?.id || ''} onChange={(e) => setTemplateId(e.target.value)} data-testid="rfm-coupon-template">
            {active.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
          </select>
        </label>
        {templates.isSuccess && active.length === 0 ? <Notice kind="info">{t('hqReportsMembers.rfm.noTemplates')}</Notice> : null}
        {error ? <Notice kind="error" testId="rfm-coupon-error">{error}</Notice> : null}
        <div className="dialog-foot">
          <Button variant="ghost" onClick={onClose} disabled={busy}>{t('hqReportsMembers.cancel')}</Button>
          <Button type="submit" loading={busy} disabled={active.length === 0} data-testid="rfm-coupon-confirm">{t('hqReportsMembers.rfm.coupon')}</Button>
        </div>
      </form>
    </MemberModal>
  );
}
