import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import Papa from 'papaparse';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, AuditPage } from '../../../../shared/schemas/audit';
import type { StoreSummary } from '../../../../shared/schemas/store';
import { useApi } from '../../lib/app-context';
import { saveCsv } from '../../lib/files';
import { toLang } from '../../lib/format';
import { Button } from '../../lib/ui/button';
import { Loading, LoadError } from '../../lib/ui/states';
import zhAudit from '../../lib/locales/zh-CN/hqAudit.json';
import { detailLines, summaryOf } from './audit-detail';

const EMPTY = { actor: '', storeId: '', action: '', entityId: '', from: '', to: '', q: '' };
// A day picked in the filter is a China business day (UTC+8), whatever the browser's zone.
const dayStart = (d: string) => (d ? Date.parse(`${d}T00:00:00+08:00`) : undefined);
const dayEnd = (d: string) => (d ? Date.parse(`${d}T23:59:59.999+08:00`) : undefined);

/** 审计日志: filters, newest first, a row expands to its before/after; the loaded rows export as CSV. */
export function AuditScreen({ isHq }: { isHq: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = toLang(i18n.resolvedLanguage) ?? 'zh-CN';
  const api = useApi();
  const [draft, setDraft] = useState(EMPTY);
  const [filter, setFilter] = useState(EMPTY);
  const [open, setOpen] = useState<string | null>(null);
  const stores = useQuery({ queryKey: ['stores'], queryFn: () => api.get<{ stores: StoreSummary[] }>('/api/stores'), enabled: isHq });
  const pages = useInfiniteQuery({
    queryKey: ['audit', filter],
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      api.get<AuditPage>('/api/audit', { actor: filter.actor, storeId: filter.storeId, action: filter.action, entityId: filter.entityId, q: filter.q, from: dayStart(filter.from), to: dayEnd(filter.to), cursor: pageParam || undefined, limit: 50 }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = pages.data?.pages.flatMap((p) => p.entries) ?? [];
  const when = (ms: number) => new Date(ms).toLocaleString(lang, { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const actionName = (a: string) => (i18n.exists(`hqAudit.actions.${a.replace(/\./g, '_')}`) ? t(`hqAudit.actions.${a.replace(/\./g, '_')}` as never) : a);
  const who = (e: AuditEntry) => (e.actorKind === 'system' ? `${t('hqAudit.system')} · ${e.actorId}` : (e.actorName ?? e.actorId));
  const summary = (e: AuditEntry) => {
    const s = summaryOf(e.detail);
    return 'changed' in s ? t('hqAudit.changed', { fields: s.changed.join('、') }) : s.text;
  };
  const set = (k: keyof typeof EMPTY) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value }));

  function exportCsv() {
    const csv = Papa.unparse(rows.map((e) => ({ time: when(e.at), who: who(e), username: e.actorUsername ?? '', store: e.storeName ?? '', action: e.action, entity: e.entity, entityId: e.entityId, detail: JSON.stringify(e.detail) })));
    saveCsv(`audit-${new Date().toISOString().slice(0, 10)}.csv`, csv);
  }

  return (
    <>
      <div className="page-head page-head-actions">
        <div>
          <h1 className="page-title" data-testid="audit-heading">{t('hqAudit.heading')}</h1>
          <p className="muted">{t('hqAudit.subtitle')}</p>
        </div>
        <Button variant="secondary" disabled={rows.length === 0} onClick={exportCsv} data-testid="audit-export">{t('hqAudit.export')}</Button>
      </div>
      <form className="filter-bar" onSubmit={(e) => (e.preventDefault(), setFilter(draft))} data-testid="audit-filters">
        <input className="select" placeholder={t('hqAudit.filters.actor')} aria-label={t('hqAudit.filters.actor')} value={draft.actor} onChange={set('actor')} data-testid="audit-actor" />
        {isHq ? (
          <select className="select" value={draft.storeId} onChange={set('storeId')} aria-label={t('hqAudit.filters.store')} data-testid="audit-store">
            <option value="">{t('hqAudit.filters.allStores')}</option>
            {(stores.data?.stores ?? []).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        ) : null}
        <select className="select" value={draft.action} onChange={set('action')} aria-label={t('hqAudit.filters.kind')} data-testid="audit-kind">
          <option value="">{t('hqAudit.filters.allKinds')}</option>
          {(Object.keys(zhAudit.kinds) as (keyof typeof zhAudit.kinds)[]).map((k) => <option key={k} value={`${k}.`}>{t(`hqAudit.kinds.${k}`)}</option>)}
        </select>
        <input className="select" placeholder={t('hqAudit.filters.entityId')} aria-label={t('hqAudit.filters.entityId')} value={draft.entityId} onChange={set('entityId')} data-testid="audit-entity" />
        <input className="select" type="date" aria-label={t('hqAudit.filters.from')} value={draft.from} onChange={set('from')} data-testid="audit-from" />
        <input className="select" type="date" aria-label={t('hqAudit.filters.to')} value={draft.to} onChange={set('to')} data-testid="audit-to" />
        <input className="select" placeholder={t('hqAudit.filters.q')} aria-label={t('hqAudit.filters.q')} value={draft.q} onChange={set('q')} data-testid="audit-q" />
        <Button type="submit" className="btn-sm" data-testid="audit-apply">{t('hqAudit.filters.apply')}</Button>
        <Button variant="ghost" className="btn-sm" onClick={() => (setDraft(EMPTY), setFilter(EMPTY))}>{t('hqAudit.filters.clear')}</Button>
      </form>
      {pages.error && !pages.data ? <LoadError error={pages.error} onRetry={() => void pages.refetch()} /> : null}
      {pages.isPending ? <Loading /> : null}
      <div className="card table-card">
        <table className="table audit-table" data-testid="audit-table">
          <thead>
            <tr>{(['at', 'who', 'store', 'action', 'entity', 'summary'] as const).map((c) => <th key={c}>{t(`hqAudit.cols.${c}`)}</th>)}</tr>
          </thead>
          <tbody>
            {pages.data && rows.length === 0 ? <tr><td colSpan={6} className="empty">{t('hqAudit.none')}</td></tr> : null}
            {rows.map((e) => (
              <Fragment key={e.id}>
                <tr data-testid="audit-row" className="audit-row" aria-expanded={open === e.id} onClick={() => setOpen(open === e.id ? null : e.id)}>
                  <td className="nowrap">{when(e.at)}</td>
                  <td className="nowrap">{who(e)}{e.actorUsername ? <span className="cell-sub">{e.actorUsername}</span> : null}</td>
                  <td className="nowrap">{e.storeName ?? (e.storeId ? e.storeId : t('hqAudit.chain'))}</td>
                  <td className="nowrap">{actionName(e.action)}</td>
                  <td className="nowrap mono">{e.entity}<span className="cell-sub">{e.entityId}</span></td>
                  <td className="wrap">{summary(e)}</td>
                </tr>
                {open === e.id ? (
                  <tr className="audit-detail-row" data-testid="audit-detail">
                    <td colSpan={6}>
                      <dl className="audit-detail">
                        {detailLines(e.detail).map((l) => (
                          <Fragment key={l.field}>
                            <dt>{l.field}</dt>
                            <dd>
                              {l.before !== undefined ? <><span className="audit-before">{l.before || t('hqAudit.empty')}</span> → </> : null}
                              <span className="audit-after">{l.after || t('hqAudit.empty')}</span>
                            </dd>
                          </Fragment>
                        ))}
                      </dl>
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
      <div className="audit-foot">
        <span className="muted">{t('hqAudit.count', { count: rows.length })}</span>
        {pages.hasNextPage ? <Button variant="secondary" loading={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()} data-testid="audit-more">{t('hqAudit.more')}</Button> : null}
      </div>
    </>
  );
}
