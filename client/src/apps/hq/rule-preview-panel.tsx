import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tier, TierCode } from '../../../../shared/schemas/member';
import type { ChainRules, PreviewOutcome, RulePreview, RulePreviewRequest } from '../../../../shared/schemas/rules';
import { useApi } from '../../lib/app-context';
import { useErrorText } from '../../lib/errors';
import { toLang } from '../../lib/format';
import { Button } from '../../lib/ui/button';
import { Notice } from '../../lib/ui/notice';
import { TextField } from '../../lib/ui/text-field';
import { useProducts, useStoreList } from './rules-queries';
import { money, parseFen } from './rules-units';

/** 预览: one example sale priced under the rules in force and under the form's draft, side by side. */
export function RulePreviewPanel({ candidate, tiers }: { candidate: ChainRules; tiers: Tier[] }) {
  const { t, i18n } = useTranslation();
  const lang = toLang(i18n.resolvedLanguage) ?? 'zh-CN';
  const api = useApi();
  const errorText = useErrorText();
  const stores = useStoreList().data ?? [];
  const products = useProducts().data ?? [];
  const [s, setS] = useState({ storeId: '', productId: '', quantity: '1', tierCode: 'gold' as TierCode | '', birthday: false, recharge: '1000' });
  const storeId = s.storeId || stores[0]?.id || '';
  const productId = s.productId || products[0]?.id || '';
  const run = useMutation({
    mutationFn: () => api.post<RulePreview>('/api/rules/preview', {
      rules: candidate, tiers,
      sale: { storeId, lines: [{ productId, quantity: Number(s.quantity) || 1 }], tierCode: s.tierCode || null, birthday: s.birthday, rechargeFen: parseFen(s.recharge) ?? 0 },
    } satisfies Omit<RulePreviewRequest, 'sale'> & { sale: Partial<RulePreviewRequest['sale']> }),
  });
  const r = run.data;
  const row = (label: string, f: (o: PreviewOutcome) => string, testId: string) => (
    <tr data-testid={testId}><th scope="row">{label}</th><td className="num">{r ? f(r.current) : '—'}</td><td className="num strong">{r ? f(r.candidate) : '—'}</td></tr>
  );
  return (
    <section className="card rule-preview" aria-labelledby="preview-title" data-testid="rule-preview">
      <h2 id="preview-title" className="table-card-title">{t('hqRules.preview.title')}</h2>
      <p className="muted">{t('hqRules.preview.hint')}</p>
      <label className="field"><span className="field-label">{t('hqRules.preview.store')}</span>
        <select className="select" value={storeId} onChange={(e) => setS({ ...s, storeId: e.target.value })} data-testid="preview-store">
          {stores.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
        </select>
      </label>
      <label className="field"><span className="field-label">{t('hqRules.preview.product')}</span>
        <select className="select" value={productId} onChange={(e) => setS({ ...s, productId: e.target.value })} data-testid="preview-product">
          {products.map((p) => <option key={p.id} value={p.id}>{p.name} {money(p.listPriceFen)}</option>)}
        </select>
      </label>
      <div className="form-row">
        <TextField label={t('hqRules.preview.quantity')} inputMode="numeric" value={s.quantity} onChange={(e) => setS({ ...s, quantity: e.target.value })} data-testid="preview-quantity" />
        <label className="field"><span className="field-label">{t('hqRules.preview.tier')}</span>
          <select className="select" value={s.tierCode} onChange={(e) => setS({ ...s, tierCode: e.target.value as TierCode | '' })} data-testid="preview-tier">
            <option value="">{t('hqRules.preview.walkIn')}</option>
            {tiers.map((x) => <option key={x.code} value={x.code}>{lang === 'en' ? x.nameEn : x.name}</option>)}
          </select>
        </label>
      </div>
      <div className="form-row">
        <TextField label={t('hqRules.preview.recharge')} inputMode="decimal" value={s.recharge} onChange={(e) => setS({ ...s, recharge: e.target.value })} data-testid="preview-recharge" />
        <label className="checkbox"><input type="checkbox" checked={s.birthday} onChange={(e) => setS({ ...s, birthday: e.target.checked })} data-testid="preview-birthday" /> {t('hqRules.preview.birthday')}</label>
      </div>
      <Button onClick={() => run.mutate()} loading={run.isPending} disabled={!storeId || !productId} data-testid="preview-run">{t('hqRules.preview.run')}</Button>
      {run.error ? <Notice kind="error" testId="preview-error">{errorText(run.error)}</Notice> : null}
      <table className="table preview-table" data-testid="preview-result">
        <thead><tr><th /><th className="num">{t('hqRules.preview.current')}</th><th className="num">{t('hqRules.preview.candidate')}</th></tr></thead>
        <tbody>
          {row(t('hqRules.preview.subtotal'), (o) => money(o.subtotalFen), 'preview-subtotal')}
          {row(t('hqRules.preview.discount'), (o) => money(o.discountFen), 'preview-discount')}
          {row(t('hqRules.preview.total'), (o) => money(o.totalFen), 'preview-total')}
          {row(t('hqRules.preview.points'), (o) => String(o.points), 'preview-points')}
          {row(t('hqRules.preview.bonus'), (o) => money(o.rechargeBonusFen), 'preview-bonus')}
        </tbody>
      </table>
      {r ? <p className="muted" data-testid="preview-explain">{r.candidate.lines.flatMap((l) => l.explanation).join(' · ') || t('hqRules.preview.noDiscount')}</p> : null}
    </section>
  );
}
