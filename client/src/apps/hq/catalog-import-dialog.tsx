import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ulid } from 'ulid';
import type { ImportCommit, ImportIssue, ImportPreview } from '../../../../shared/schemas/catalog';
import { useApi } from '../../lib/app-context';
import { useErrorText } from '../../lib/errors';
import { Button } from '../../lib/ui/button';
import { Notice } from '../../lib/ui/notice';
import { readCsvFile } from '../../lib/files';

const SHOWN = 500;
/** A changed product field → its CSV column's label. */
const COLUMN: Record<string, string> = { name: 'name', kind: 'kind', categoryId: 'category', unit: 'unit', barcode: 'barcode', costPriceFen: 'cost', listPriceFen: 'price', pointsEligible: 'points', punchEligible: 'punch', status: 'status' };
type Loaded = { name: string; csv: string; importId: string };

/** 导入CSV: choose a file → the server's row-by-row preview → 确认导入 writes only the good rows → the result. */
export function CatalogImportDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const ref = useRef<HTMLDialogElement>(null);
  const [file, setFile] = useState<Loaded | null>(null);
  const [onlyErrors, setOnlyErrors] = useState(false);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  const preview = useMutation({ mutationFn: (csv: string) => api.post<ImportPreview>('/api/catalog/import/preview', { csv }) });
  // One importId per chosen file: a retried 确认导入 (a lost response) answers the first result.
  const commit = useMutation({
    mutationFn: (f: Loaded) => api.post<ImportCommit>('/api/catalog/import/commit', { importId: f.importId, csv: f.csv }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['catalog'] }),
  });
  async function choose(f: File | undefined) {
    if (!f) return;
    const loaded = { name: f.name, csv: await readCsvFile(f), importId: ulid() };
    setFile(loaded);
    commit.reset();
    preview.mutate(loaded.csv);
  }
  const issueText = (i: ImportIssue) => {
    const extra = /\(([^)]*)\)$/.exec(i.message)?.[0] ?? '';
    return `${i18n.exists(`hqCatalog.csvField.${i.field}`) ? t(`hqCatalog.csvField.${i.field}` as never) : i.field}${i18n.resolvedLanguage === 'en' ? ': ' : '：'}${i18n.exists(`hqCatalog.csvErr.${i.code}`) ? t(`hqCatalog.csvErr.${i.code}` as never) : i.message} ${extra}`.trim();
  };
  const p = preview.data;
  const rows = (p?.rows ?? []).filter((r) => !onlyErrors || r.action === 'error');
  const writable = p ? p.counts.create + p.counts.update : 0;
  const done = commit.data;

  return (
    <dialog ref={ref} className="hq-dialog catalog-dialog-import" aria-labelledby="import-title" data-testid="import-dialog" onCancel={(e) => (e.preventDefault(), !commit.isPending && onClose())}>
      <div className="form">
        <h2 id="import-title" className="section-title">{t('hqCatalog.import.title')}</h2>
        <p className="muted">{t('hqCatalog.import.hint')}</p>
        {!done ? (
          <label className="btn btn-secondary btn-md catalog-file">
            {t('hqCatalog.import.choose')}
            <input type="file" accept=".csv,text/csv" onChange={(e) => void choose(e.target.files?.[0])} data-testid="import-file" />
          </label>
        ) : null}
        {file ? <p className="muted">{t('hqCatalog.import.file', { name: file.name })}</p> : null}
        {preview.isPending ? <p className="muted" role="status">{t('hqCatalog.import.previewing')}</p> : null}
        {preview.isError ? <Notice kind="error" testId="import-error">{errorText(preview.error)}</Notice> : null}
        {commit.isError ? <Notice kind="error" testId="import-error">{errorText(commit.error)}</Notice> : null}
        {done ? <Notice kind="success" testId="import-done">{t('hqCatalog.import.done', done.counts)}</Notice> : null}
        {p && !done ? (
          <>
            <div className="catalog-import-summary">
              <strong data-testid="import-counts">{t('hqCatalog.import.counts', p.counts)}</strong>
              <label className="checkbox"><input type="checkbox" checked={onlyErrors} onChange={(e) => setOnlyErrors(e.target.checked)} data-testid="import-only-errors" /> {t('hqCatalog.import.onlyErrors')}</label>
            </div>
            <div className="catalog-import-rows">
              <table className="table" data-testid="import-preview">
                <thead><tr><th className="num">{t('hqCatalog.import.line')}</th><th>{t('hqCatalog.cols.sku')}</th><th>{t('hqCatalog.cols.name')}</th><th>{t('hqCatalog.import.action')}</th><th>{t('hqCatalog.import.issues')}</th></tr></thead>
                <tbody>
                  {rows.slice(0, SHOWN).map((r) => (
                    <tr key={r.line} className={r.action === 'error' ? 'catalog-row-error' : undefined} data-testid={`import-row-${r.action}`}>
                      <td className="num">{r.line}</td><td className="mono">{r.sku ?? ''}</td><td>{r.name ?? ''}</td>
                      <td><span className={`catalog-action catalog-action-${r.action}`}>{t(`hqCatalog.import.actions.${r.action}`)}</span></td>
                      <td className="wrap">{r.action === 'error' ? r.issues.map(issueText).join('；') : r.changes.length ? t('hqCatalog.import.changes', { fields: r.changes.map((c) => (COLUMN[c] ? t(`hqCatalog.csvField.${COLUMN[c]}` as never) : c)).join('、') }) : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {rows.length > SHOWN ? <p className="muted">{t('hqCatalog.import.shown', { n: SHOWN })}</p> : null}
          </>
        ) : null}
        <div className="dialog-foot">
          <Button variant="secondary" disabled={commit.isPending} onClick={onClose} data-testid="import-close">{t('hqCatalog.import.close')}</Button>
          {done ? <Button variant="secondary" onClick={() => (setFile(null), commit.reset(), preview.reset())}>{t('hqCatalog.import.again')}</Button> : null}
          {p && file && !done ? (
            <Button disabled={writable === 0} loading={commit.isPending} onClick={() => commit.mutate(file)} data-testid="import-commit">
              {writable === 0 ? t('hqCatalog.import.nothingToWrite') : t('hqCatalog.import.commit', { n: writable })}
            </Button>
          ) : null}
        </div>
      </div>
    </dialog>
  );
}
