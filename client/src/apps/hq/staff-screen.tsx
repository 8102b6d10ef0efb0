import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../shared/schemas/me';
import type { StaffAccount } from '../../../../shared/schemas/staff';
import type { StoreSummary } from '../../../../shared/schemas/store';
import { useApi } from '../../lib/app-context';
import { useErrorText } from '../../lib/errors';
import { toLang } from '../../lib/format';
import { Button } from '../../lib/ui/button';
import { Notice } from '../../lib/ui/notice';
import { Loading, LoadError } from '../../lib/ui/states';
import { ResetPasswordDialog } from './reset-password-dialog';
import { StaffDialog } from './staff-dialog';

/** 员工: HQ manages every account; a store manager their own store's clerks (the server decides, decision 023). */
export function StaffScreen({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const lang = toLang(i18n.resolvedLanguage) ?? 'zh-CN';
  const api = useApi();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const user = me.user.kind === 'staff' ? me.user : null;
  const isHq = user?.role === 'hq_admin';
  const [filter, setFilter] = useState({ storeId: '', status: '', q: '' });
  const [editing, setEditing] = useState<StaffAccount | 'new' | null>(null);
  const [resetting, setResetting] = useState<StaffAccount | null>(null);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const list = useQuery({ queryKey: ['staff', filter], queryFn: () => api.get<{ staff: StaffAccount[] }>('/api/staff', filter) });
  const stores = useQuery({ queryKey: ['stores'], queryFn: () => api.get<{ stores: StoreSummary[] }>('/api/stores') });
  const refresh = () => qc.invalidateQueries({ queryKey: ['staff'] });
  const toggle = useMutation({
    mutationFn: (a: StaffAccount) => api.post<StaffAccount>(`/api/staff/${encodeURIComponent(a.id)}/${a.status === 'active' ? 'disable' : 'enable'}`),
    onSuccess: (a) => (setNotice({ kind: 'success', text: t(a.status === 'active' ? 'hqStaff.staff.enabledDone' : 'hqStaff.staff.disabledDone', { name: a.name }) }), refresh()),
    onError: (e) => setNotice({ kind: 'error', text: errorText(e) }),
  });
  const manages = (a: StaffAccount) => a.id !== user?.id && (isHq || (a.role === 'clerk' && a.storeId === user?.storeId));
  const when = (ms: number) => new Date(ms).toLocaleString(lang, { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  const set = (k: keyof typeof filter) => (e: { target: { value: string } }) => setFilter((f) => ({ ...f, [k]: e.target.value }));

  return (
    <>
      <div className="page-head page-head-actions">
        <div>
          <h1 className="page-title" data-testid="staff-heading">{t('hqStaff.staff.heading')}</h1>
          <p className="muted">{t('hqStaff.staff.subtitle')}</p>
        </div>
        <Button onClick={() => (setNotice(null), setEditing('new'))} data-testid="staff-new">{t('hqStaff.staff.new')}</Button>
      </div>
      {notice ? <Notice kind={notice.kind} testId="staff-notice">{notice.text}</Notice> : null}
      <div className="filter-bar">
        <input className="select filter-search" placeholder={t('hqStaff.staff.search')} value={filter.q} onChange={set('q')} data-testid="staff-search" />
        {isHq ? (
          <select className="select" value={filter.storeId} onChange={set('storeId')} aria-label={t('hqStaff.staff.cols.store')} data-testid="staff-filter-store">
            <option value="">{t('hqStaff.staff.allStores')}</option>
            {(stores.data?.stores ?? []).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        ) : null}
        <select className="select" value={filter.status} onChange={set('status')} aria-label={t('hqStaff.staff.cols.status')} data-testid="staff-filter-status">
          <option value="">{t('hqStaff.staff.allStatus')}</option>
          <option value="active">{t('hqStaff.staff.status.active')}</option>
          <option value="disabled">{t('hqStaff.staff.status.disabled')}</option>
        </select>
      </div>
      {list.error && !list.data ? <LoadError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.isPending ? <Loading /> : null}
      <div className="card table-card">
        <table className="table" data-testid="staff-table">
          <thead>
            <tr>
              {(['name', 'username', 'role', 'store', 'phone', 'status', 'updated', 'actions'] as const).map((c) => <th key={c}>{t(`hqStaff.staff.cols.${c}`)}</th>)}
            </tr>
          </thead>
          <tbody>
            {list.data?.staff.length === 0 ? <tr><td colSpan={8} className="empty">{t('hqStaff.staff.none')}</td></tr> : null}
            {(list.data?.staff ?? []).map((a) => (
              <tr key={a.id} data-testid="staff-row" className={a.status === 'disabled' ? 'row-retired' : undefined}>
                <td className="strong">{a.name}{a.id === user?.id ? t('hqStaff.staff.you') : ''}</td>
                <td className="mono">{a.username}</td>
                <td className="nowrap">{t(`roles.${a.role}`)}</td>
                <td className="nowrap">{a.storeName ?? t('common.hq')}</td>
                <td className="nowrap">{a.phone}</td>
                <td>
                  <span className={`status status-${a.status === 'active' ? 'open' : 'closed'}`}>{t(`hqStaff.staff.status.${a.status}`)}</span>
                  {a.mustChangePassword ? <span className="cell-sub" title={t('hqStaff.staff.mustChangeHint')}>{t('hqStaff.staff.mustChange')}</span> : null}
                </td>
                <td className="nowrap">{when(a.updatedAt)}</td>
                <td className="row-actions">
                  {manages(a) ? (
                    <>
                      <Button variant="secondary" className="btn-sm" onClick={() => (setNotice(null), setEditing(a))} data-testid="staff-edit">{t('hqStaff.staff.edit')}</Button>
                      <Button variant="secondary" className="btn-sm" onClick={() => (setNotice(null), setResetting(a))} data-testid="staff-reset">{t('hqStaff.staff.reset')}</Button>
                      <Button
                        variant="secondary" className={`btn-sm${a.status === 'active' ? ' btn-danger-outline' : ''}`} loading={toggle.isPending && toggle.variables?.id === a.id}
                        onClick={() => (a.status !== 'active' || confirm(t('hqStaff.staff.confirmDisable', { name: a.name }))) && toggle.mutate(a)} data-testid="staff-toggle"
                      >
                        {a.status === 'active' ? t('hqStaff.staff.disable') : t('hqStaff.staff.enable')}
                      </Button>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editing ? (
        <StaffDialog
          account={editing === 'new' ? null : editing} stores={stores.data?.stores ?? []} isHq={isHq} ownStoreId={user?.storeId ?? null}
          onClose={() => setEditing(null)}
          onSaved={(a, created) => (setEditing(null), setNotice({ kind: 'success', text: t(created ? 'hqStaff.staff.created' : 'hqStaff.staff.saved', { name: a.name }) }), refresh())}
        />
      ) : null}
      {resetting ? <ResetPasswordDialog account={resetting} onClose={(changed) => (setResetting(null), changed && refresh())} /> : null}
    </>
  );
}
