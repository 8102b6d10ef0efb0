import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberAdminFilter, MemberAdminPage } from '../../../../shared/schemas/member-admin';
import type { StoreSummary } from '../../../../shared/schemas/store';
import { useApi } from '../../lib/app-context';
import { useErrorText } from '../../lib/errors';
import { formatCount, toLang } from '../../lib/format';
import { Button } from '../../lib/ui/button';
import { Notice } from '../../lib/ui/notice';
import { Loading, LoadError } from '../../lib/ui/states';
import { MemberAssignDialog, MemberTagDialog } from './member-bulk-dialogs';
import { MemberDetail } from './member-detail';
import { useMemberExport } from './member-export';
import { MemberImportDialog } from './member-import-dialog';
import { MemberTable } from './member-table';

const TIERS = ['normal', 'silver', 'gold', 'diamond'] as const;
const STATUSES = ['active', 'frozen', 'closed'] as const;
const EMPTY: MemberAdminFilter = { q: '' };
type Dialog = 'assign' | 'tags' | 'import' | null;

/** 会员: HQ's chain-wide member list (a manager's: their store's), with bulk actions and a detail panel. */
export function MembersScreen({ isHq }: { isHq: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = toLang(i18n.resolvedLanguage) ?? 'zh-CN';
  const api = useApi();
  const errorText = useErrorText();
  const [draft, setDraft] = useState<MemberAdminFilter>(EMPTY);
  const [filter, setFilter] = useState<MemberAdminFilter>(EMPTY);
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [open, setOpen] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [done, setDone] = useState<string | null>(null);
  const stores = useQuery({ queryKey: ['stores'], queryFn: () => api.get<{ stores: StoreSummary[] }>('/api/stores') });
  const list = useQuery({ queryKey: ['members', filter, page], queryFn: () => api.get<MemberAdminPage>('/api/member-admin/members', { ...filter, page, pageSize: 50 }), placeholderData: keepPreviousData });
  const exporter = useMemberExport();
  const storeName = new Map((stores.data?.stores ?? []).map((s) => [s.id, s.name]));
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / 50));
  const set = (k: keyof MemberAdminFilter) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value || undefined }));

  function search(e: FormEvent) {
    e.preventDefault();
    setFilter({ ...draft, q: draft.q ?? '' });
    setPage(1);
    setSelected(new Set());
  }
  const finish = (message: string) => (setDialog(null), setDone(message), setSelected(new Set()));

  return (
    <>
      <div className="page-head members-head">
        <div>
          <h1 className="page-title" data-testid="members-heading">{t('hqMembers.heading')}</h1>
          <p className="muted">{t(isHq ? 'hqMembers.subtitle' : 'hqMembers.subtitleStore')}</p>
        </div>
        {isHq ? <Button onClick={() => (setDone(null), setDialog('import'))} data-testid="members-import">{t('hqMembers.import')}</Button> : null}
      </div>
      {done ? <Notice kind="success" testId="members-done">{done}</Notice> : null}
      {exporter.error ? <Notice kind="error" testId="members-export-error">{errorText(exporter.error)}</Notice> : null}

      <form className="card members-filters" onSubmit={search} role="search">
        <input className="field-input members-q" value={draft.q} onChange={set('q')} placeholder={t('hqMembers.search')} aria-label={t('hqMembers.search')} data-testid="members-q" />
        <input className="field-input members-tag" value={draft.tag ?? ''} onChange={set('tag')} placeholder={t('hqMembers.tag')} aria-label={t('hqMembers.tag')} data-testid="members-tag" />
        <select className="select" value={draft.tier ?? ''} onChange={set('tier')} aria-label={t('hqMembers.col.tier')} data-testid="members-tier">
          <option value="">{t('hqMembers.allTiers')}</option>
          {TIERS.map((x) => <option key={x} value={x}>{t(`hqMembers.tiers.${x}`)}</option>)}
        </select>
        <select className="select" value={draft.storeId ?? ''} onChange={set('storeId')} aria-label={t('hqMembers.col.store')} data-testid="members-store">
          <option value="">{t('hqMembers.allStores')}</option>
          {(stores.data?.stores ?? []).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
        <select className="select" value={draft.status ?? ''} onChange={set('status')} aria-label={t('hqMembers.col.status')} data-testid="members-status">
          <option value="">{t('hqMembers.allStatus')}</option>
          {STATUSES.map((x) => <option key={x} value={x}>{t(`hqMembers.status.${x}`)}</option>)}
        </select>
        <Button type="submit" data-testid="members-search">{t('hqMembers.find')}</Button>
        <Button variant="ghost" onClick={() => (setDraft(EMPTY), setFilter(EMPTY), setPage(1))}>{t('hqMembers.reset')}</Button>
      </form>

      <section className="card table-card">
        <div className="table-head members-bar">
          <span className="table-card-title" data-testid="members-total">
            {t('hqMembers.total', { count: list.data?.total ?? 0 })}
            {selected.size ? <span className="muted"> · {t('hqMembers.selected', { count: selected.size })}</span> : null}
          </span>
          {isHq ? <Button variant="secondary" className="btn-sm" disabled={!selected.size} onClick={() => (setDone(null), setDialog('assign'))} data-testid="members-assign">{t('hqMembers.assign')}</Button> : null}
          <Button variant="secondary" className="btn-sm" disabled={!selected.size} onClick={() => (setDone(null), setDialog('tags'))} data-testid="members-tags">{t('hqMembers.addTags')}</Button>
          <Button variant="secondary" className="btn-sm" loading={exporter.busy} onClick={() => void exporter.run(filter)} data-testid="members-export">{t('hqMembers.export')}</Button>
        </div>
        {list.isPending ? <Loading /> : list.isError && !list.data ? <LoadError error={list.error} onRetry={() => void list.refetch()} /> : (
          <MemberTable rows={list.data?.members ?? []} lang={lang} selected={selected} onSelect={setSelected} onOpen={setOpen} />
        )}
        {pages > 1 ? (
          <div className="members-pager">
            <Button variant="ghost" className="btn-sm" disabled={page <= 1} onClick={() => setPage((p) => p - 1)} data-testid="members-prev">{t('hqMembers.prev')}</Button>
            <span className="muted">{t('hqMembers.page', { page: formatCount(page, lang), pages: formatCount(pages, lang) })}</span>
            <Button variant="ghost" className="btn-sm" disabled={page >= pages} onClick={() => setPage((p) => p + 1)} data-testid="members-next">{t('hqMembers.next')}</Button>
          </div>
        ) : null}
      </section>

      {open ? <MemberDetail id={open} isHq={isHq} storeName={storeName} onClose={() => setOpen(null)} /> : null}
      {dialog === 'assign' ? <MemberAssignDialog ids={[...selected]} stores={stores.data?.stores ?? []} onClose={() => setDialog(null)} onDone={(r) => finish(t('hqMembers.assignDialog.done', r))} /> : null}
      {dialog === 'tags' ? <MemberTagDialog ids={[...selected]} onClose={() => setDialog(null)} onDone={(r) => finish(t('hqMembers.tagDialog.done', r))} /> : null}
      {dialog === 'import' ? <MemberImportDialog stores={stores.data?.stores ?? []} onClose={() => setDialog(null)} /> : null}
    </>
  );
}
