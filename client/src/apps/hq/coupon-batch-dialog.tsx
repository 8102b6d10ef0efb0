import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ulid } from 'ulid';
import type { TierCode } from '../../../../shared/schemas/member';
import type { CouponBatch, CouponBatchTarget, CouponTemplate } from '../../../../shared/schemas/promotions';
import { useApi } from '../../lib/app-context';
import { readCsvFile } from '../../lib/files';
import { useErrorText } from '../../lib/errors';
import { toLang } from '../../lib/format';
import { Button } from '../../lib/ui/button';
import { Notice } from '../../lib/ui/notice';
import { TextField } from '../../lib/ui/text-field';
import { listFromCsv } from './coupon-csv';
import { useStoreList, useTiers } from './rules-queries';

type Kind = CouponBatchTarget['kind'];

/** 批量发券: a template to one member, a tag, a tier, a home store or a CSV list; continues a large batch until done. */
export function CouponBatchDialog({ templates, onClose, onDone }: { templates: CouponTemplate[]; onClose: () => void; onDone: (b: CouponBatch) => void }) {
  const { t, i18n } = useTranslation();
  const lang = toLang(i18n.resolvedLanguage) ?? 'zh-CN';
  const api = useApi();
  const errorText = useErrorText();
  const ref = useRef<HTMLDialogElement>(null);
  const stores = useStoreList().data ?? [];
  const tiers = useTiers().data ?? [];
  // One id per dialog: pressing 发放 again after a network error continues the same batch.
  const [id] = useState(() => ulid());
  const [templateId, setTemplateId] = useState(templates[0]?.id ?? '');
  const [kind, setKind] = useState<Kind>('tier');
  const [v, setV] = useState({ memberId: '', tag: '', tierCode: 'gold' as TierCode, storeId: '', list: { phones: [] as string[], memberIds: [] as string[] } });
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<CouponBatch | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  const target = (): CouponBatchTarget => {
    switch (kind) {
      case 'member': return { kind, memberId: v.memberId.trim() };
      case 'tag': return { kind, tag: v.tag.trim() };
      case 'tier': return { kind, tierCode: v.tierCode };
      case 'store': return { kind, storeId: v.storeId || stores[0]?.id || '' };
      case 'list': return { kind, ...v.list };
    }
  };
  async function issue() {
    setBusy(true);
    setError(null);
    try {
      let b = await api.post<CouponBatch>('/api/promotions/coupon-batches', { id, templateId, target: target() });
      setProgress(b);
      for (let n = 0; b.status === 'running' && n < 200; n++) setProgress((b = await api.post<CouponBatch>(`/api/promotions/coupon-batches/${id}/run`)));
      onDone(b);
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  }
  async function onFile(file: File | undefined) {
    if (!file) return;
    const list = listFromCsv(await readCsvFile(file));
    setV((x) => ({ ...x, list }));
  }

  return (
    <dialog ref={ref} className="hq-dialog" aria-labelledby="batch-title" data-testid="batch-dialog" onCancel={(e) => (e.preventDefault(), !busy && onClose())}>
      <h2 id="batch-title" className="section-title">{t('hqCampaigns.coupons.issue')}</h2>
      <div className="form">
        <label className="field"><span className="field-label">{t('hqCampaigns.coupons.template')}</span>
          <select className="select" value={templateId} onChange={(e) => setTemplateId(e.target.value)} data-testid="batch-template">
            {templates.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
          </select>
        </label>
        <label className="field"><span className="field-label">{t('hqCampaigns.coupons.target')}</span>
          <select className="select" value={kind} onChange={(e) => setKind(e.target.value as Kind)} data-testid="batch-kind">
            {(['member', 'tag', 'tier', 'store', 'list'] as const).map((k) => <option key={k} value={k}>{t(`hqCampaigns.batch.target.${k}`)}</option>)}
          </select>
        </label>
        {kind === 'member' ? <TextField label={t('hqCampaigns.batch.memberId')} value={v.memberId} onChange={(e) => setV({ ...v, memberId: e.target.value })} data-testid="batch-member" /> : null}
        {kind === 'tag' ? <TextField label={t('hqCampaigns.batch.target.tag')} value={v.tag} onChange={(e) => setV({ ...v, tag: e.target.value })} data-testid="batch-tag" /> : null}
        {kind === 'tier' ? (
          <select className="select" value={v.tierCode} onChange={(e) => setV({ ...v, tierCode: e.target.value as TierCode })} data-testid="batch-tier" aria-label={t('hqCampaigns.batch.target.tier')}>
            {tiers.map((x) => <option key={x.code} value={x.code}>{lang === 'en' ? x.nameEn : x.name}</option>)}
          </select>
        ) : null}
        {kind === 'store' ? (
          <select className="select" value={v.storeId || stores[0]?.id || ''} onChange={(e) => setV({ ...v, storeId: e.target.value })} data-testid="batch-store" aria-label={t('hqCampaigns.batch.target.store')}>
            {stores.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        ) : null}
        {kind === 'list' ? (
          <label className="field"><span className="field-label">{t('hqCampaigns.batch.csv')}</span>
            <input type="file" accept=".csv,text/csv,text/plain" onChange={(e) => void onFile(e.target.files?.[0])} data-testid="batch-csv" />
            <span className="muted" data-testid="batch-csv-count">{t('hqCampaigns.batch.csvCount', { phones: v.list.phones.length, ids: v.list.memberIds.length })}</span>
          </label>
        ) : null}
        <p className="muted">{t('hqCampaigns.batch.once')}</p>
        {progress ? <Notice kind="info" testId="batch-progress">{t('hqCampaigns.batch.progress', { issued: progress.issued, skipped: progress.skipped, failed: progress.failed, total: progress.total })}</Notice> : null}
        {error ? <Notice kind="error" testId="batch-error">{error}</Notice> : null}
        <div className="dialog-foot">
          <Button variant="secondary" disabled={busy} onClick={onClose}>{t('hqCampaigns.cancel')}</Button>
          <Button loading={busy} disabled={!templateId} onClick={() => void issue()} data-testid="batch-issue">{t('hqCampaigns.batch.issue')}</Button>
        </div>
      </div>
    </dialog>
  );
}
