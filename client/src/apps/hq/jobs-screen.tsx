import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobName, JobRun } from '../../../../shared/schemas/jobs';
import { jobNameSchemaValues } from './job-names';
import { ReportRollupsPanel } from './report-rollups-panel';
import { useApi } from '../../lib/app-context';
import { useErrorText } from '../../lib/errors';
import { formatCount, toLang } from '../../lib/format';
import { Button } from '../../lib/ui/button';
import { Notice } from '../../lib/ui/notice';
import { Loading, LoadError } from '../../lib/ui/states';

const at = (ms: number | null, lang: string) =>
  ms === null ? '—' : new Date(ms).toLocaleString(lang, { timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

/**
 * 定时任务: the nightly jobs' log (decision 019) — what each run did, what failed and why — and,
 * for HQ, a rerun of a period (a run is idempotent per member, so a rerun changes only what is due).
 */
export function JobsScreen({ canRun }: { canRun: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = toLang(i18n.resolvedLanguage) ?? 'zh-CN';
  const api = useApi();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const [job, setJob] = useState<JobName | ''>('');
  const runs = useQuery({ queryKey: ['jobs', job], queryFn: () => api.get<{ runs: JobRun[] }>('/api/jobs', { limit: 100, job: job || undefined }), refetchInterval: 30_000 });
  const rerun = useMutation({
    mutationFn: (r: JobRun) => api.post<{ run: JobRun; finished: boolean }>(`/api/jobs/${r.job}/run`, { period: r.period }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['jobs'] }),
  });
  const n = (v: number) => formatCount(v, lang);

  return (
    <>
      <div className="page-head">
        <h1 className="page-title" data-testid="jobs-heading">{t('hqJobs.heading')}</h1>
        <p className="muted">{t('hqJobs.subtitle')}</p>
      </div>
      {rerun.isSuccess ? (
        <Notice kind="success" testId="job-rerun-done">{t(rerun.data.finished ? 'hqJobs.rerunDone' : 'hqJobs.rerunGoesOn', { job: t(`hqJobs.names.${rerun.data.run.job as JobName}`), period: rerun.data.run.period })}</Notice>
      ) : null}
      {rerun.isError ? <Notice kind="error" testId="job-rerun-error">{errorText(rerun.error)}</Notice> : null}
      <section className="card table-card">
        <div className="table-card-title">
          <label className="jobs-filter">
            <span className="muted">{t('hqJobs.filter')}</span>
            <select className="select" value={job} onChange={(e) => setJob(e.target.value as JobName | '')} data-testid="jobs-filter">
              <option value="">{t('hqJobs.all')}</option>
              {jobNameSchemaValues.map((j) => <option key={j} value={j}>{t(`hqJobs.names.${j}`)}</option>)}
            </select>
          </label>
        </div>
        {runs.isPending ? <Loading /> : runs.isError ? <LoadError error={runs.error} onRetry={() => void runs.refetch()} /> : (
          <table className="table" data-testid="jobs-table">
            <thead>
              <tr>
                <th>{t('hqJobs.col.job')}</th><th>{t('hqJobs.col.period')}</th><th>{t('hqJobs.col.status')}</th>
                <th className="num">{t('hqJobs.col.processed')}</th><th className="num">{t('hqJobs.col.changed')}</th><th className="num">{t('hqJobs.col.failed')}</th>
                <th>{t('hqJobs.col.started')}</th><th>{t('hqJobs.col.finished')}</th><th>{t('hqJobs.col.by')}</th>{canRun ? <th /> : null}
              </tr>
            </thead>
            <tbody>
              {runs.data.runs.length === 0 ? <tr><td colSpan={10} className="muted">{t('hqJobs.none')}</td></tr> : null}
              {runs.data.runs.map((r) => (
                <tr key={r.id} data-testid={`job-run-${r.id}`}>
                  <td className="strong">{t(`hqJobs.names.${r.job as JobName}`)}</td>
                  <td className="nowrap">{r.period}</td>
                  <td>
                    <span className={`badge ${r.status === 'done' ? 'badge-muted' : r.status === 'failed' ? 'badge-danger' : 'badge-warning'}`}>{t(`hqJobs.status.${r.status}`)}</span>
                    {r.lastError ? <div className="cell-sub wrap" title={r.lastError}>{r.lastError}</div> : null}
                  </td>
                  <td className="num">{n(r.processed)}</td><td className="num">{n(r.changed)}</td><td className="num">{n(r.failed)}</td>
                  <td className="nowrap">{at(r.startedAt, lang)}</td><td className="nowrap">{at(r.finishedAt, lang)}</td>
                  <td>{r.triggeredBy === 'cron' ? t('hqJobs.cron') : r.triggeredBy}</td>
                  {canRun ? (
                    <td><Button variant="secondary" loading={rerun.isPending && rerun.variables?.id === r.id} onClick={() => rerun.mutate(r)} data-testid={`job-rerun-${r.id}`}>{t('hqJobs.rerun')}</Button></td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {canRun ? <ReportRollupsPanel /> : null}
    </>
  );
}
