import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ulid } from 'ulid';
import { formatFen } from '../../../../shared/domain/money';
import type { MemberImportPreview, MemberImportResult, MemberImportRow } from '../../../../shared/schemas/member-admin';
import type { StoreSummary } from '../../../../shared/schemas/store';
import { useApi } from '../../lib/app-context';
import { readCsvFile } from '../../lib/files';
import { useErrorText } from '../../lib/errors';
import { formatCount, toLang } from '../../lib/format';
import { Button } from '../../lib/ui/button';
import { Notice } from '../../lib/ui/notice';
import { MemberModal } from './member-bulk-dialogs';

/**
 * 导入会员: file → preview (per-row errors, nothing written) → commit → result. The server reads
 * the file both times (decision 022); the import id is made once per file, so a retried commit
 * creates nothing twice, and a phone already a member never gets a second opening balance.
 */
export function MemberImportDialog({ stores, onClose }: { stores: StoreSummary[]; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const [storeId, setStoreId] = useState(stores[0]?.id ?? '');
  const [csv, setCsv] = useState<string | null>(null);
  const [importId, setImportId] = useState(ulid);
  const [onlyErrors, setOnlyErrors] = useState(false);
  const preview = useMutation({ mutationFn: () => api.post<MemberImportPreview>('/api/member-admin/imports/preview', { storeId, csv }) });
  const commit = useMutation({
    mutationFn: () => api.post<MemberImportResult>('/api/member-admin/imports/commit', { storeId, csv, importId }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['members'] }),
  });
  async function pick(file: File | undefined) {
    preview.reset();
    commit.reset();
    setImportId(ulid());
    setCsv(file ? await readCsvFile(file) : null);
  }
  const shown: MemberImportPreview | undefined = commit.data ?? preview.data;
  const busy = preview.isPending || commit.isPending;
  const c = shown?.counts;
  return (
    <MemberModal title={t('hqMembers.importDialog.title')} testId="import-dialog" busy={busy} onClose={onClose} wide>
      <div className="form">
        <p className="muted">{t('hqMembers.importDialog.intro')}</p>
        <div className="member-import-pick">
          <label className="field">
            <span className="field-label">{t('hqMembers.importDialog.store')}</span>
            <select className="select" value={storeId} disabled={busy || commit.isSuccess} onChange={(e) => (setStoreId(e.target.value), preview.reset())} data-testid="import-store">
              {stores.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          </label>
          <label className="field">
            <span className="field-label">{t('hqMembers.importDialog.file')}</span>
            <input type="file" accept=".csv,text/csv" disabled={busy} onChange={(e) => void pick(e.target.files?.[0])} data-testid="import-file" />
          </label>
          <Button variant="secondary" disabled={!csv || busy || commit.isSuccess} loading={preview.isPending} onClick={() => preview.mutate()} data-testid="import-preview">{t('hqMembers.importDialog.preview')}</Button>
        </div>
        {preview.isError ? <Notice kind="error" testId="import-error">{errorText(preview.error)}</Notice> : null}
        {commit.isError ? <Notice kind="error" testId="import-error">{errorText(commit.error)}</Notice> : null}
        {shown?.fileErrors.length ? <Notice kind="error" testId="import-file-errors">{t('hqMembers.importDialog.fileErrors')}: {shown.fileErrors.join('; ')}</Notice> : null}
        {commit.data && c ? <Notice kind="success" testId="import-result">{t('hqMembers.importDialog.result', { created: c.created, opening: commit.data.opening.imported, existing: c.existing, error: c.error })}</Notice> : null}
        {!commit.data && c && !shown?.fileErrors.length ? <Notice kind={c.error ? 'info' : 'success'} testId="import-counts">{t('hqMembers.importDialog.counts', c)}</Notice> : null}
        {shown && shown.rows.length ? (
          <>
            <label className="checkbox"><input type="checkbox" checked={onlyErrors} onChange={(e) => setOnlyErrors(e.target.checked)} data-testid="import-only-errors" />{t('hqMembers.importDialog.onlyErrors')}</label>
            <ImportRows rows={onlyErrors ? shown.rows.filter((r) => r.status === 'error') : errorsFirst(shown.rows)} />
          </>
        ) : null}
        <div className="dialog-foot">
          <Button variant="ghost" onClick={onClose} disabled={busy}>{t('hqMembers.close')}</Button>
          {!commit.isSuccess ? (
            <Button disabled={!preview.data || !c?.new || busy} loading={commit.isPending} onClick={() => commit.mutate()} data-testid="import-commit">
              {t('hqMembers.importDialog.commit', { count: c?.new ?? 0 })}
            </Button>
          ) : null}
        </div>
      </div>
    </MemberModal>
  );
}

/** Rows with errors first: they are what the person has to look at. */
const errorsFirst = (rows: MemberImportRow[]) => [...rows.filter((r) => r.status === 'error'), ...rows.filter((r) => r.status !== 'error')];

function ImportRows({ rows }: { rows: MemberImportRow[] }) {
  const { t, i18n } = useTranslation();
  const lang = toLang(i18n.resolvedLanguage) ?? 'zh-CN';
  const field = (f: string) => t(`hqMembers.importDialog.fields.${f}` as 'hqMembers.importDialog.fields.phone', { defaultValue: f });
  return (
    <div className="member-import-rows">
      <table className="table table-compact" data-testid="import-rows">
        <thead>
          <tr>
            <th className="num">{t('hqMembers.importDialog.col.line')}</th><th>{t('hqMembers.importDialog.col.phone')}</th><th>{t('hqMembers.importDialog.col.name')}</th><th>{t('hqMembers.importDialog.col.status')}</th>
            <th className="num">{t('hqMembers.importDialog.col.principal')}</th><th className="num">{t('hqMembers.importDialog.col.bonus')}</th><th className="num">{t('hqMembers.importDialog.col.points')}</th><th>{t('hqMembers.importDialog.col.errors')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.line} className={r.status === 'error' ? 'row-error' : undefined} data-testid={`import-row-${r.status}`}>
              <td className="num">{r.line}</td><td className="mono nowrap">{r.phone}</td><td>{r.name}</td>
              <td><span className={`import-status import-${r.status}`}>{t(`hqMembers.importDialog.rowStatus.${r.status}`)}</span></td>
              <td className="num money">{formatFen(r.principalFen)}</td><td className="num money">{formatFen(r.bonusFen)}</td><td className="num">{formatCount(r.points, lang)}</td>
              <td className="wrap">{r.errors.map((e) => `${field(e.field)}: ${e.message}`).join('；')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
