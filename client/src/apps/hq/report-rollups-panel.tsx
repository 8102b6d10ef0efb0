import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RollupCheck } from '../../../../shared/schemas/report-rollups';
import { businessDay } from '../../../../shared/domain/business-day';
import { useApi } from '../../lib/app-context';
import { useErrorText } from '../../lib/errors';
import { Button } from '../../lib/ui/button';
import { Notice } from '../../lib/ui/notice';

type Step = { windows: number; next: number | null; through: number | null; ms: number };

/**
 * 报表汇总 (decision 028): HQ checks the report rollups against the orders and ledgers, and
 * rebuilds them from the orders a few weeks per call, showing how far it has come.
 */
export function ReportRollupsPanel() {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const [through, setThrough] = useState<number | null>(null);
  const check = useMutation({ mutationFn: () => api.get<RollupCheck>('/api/reports/rollups/check', { days: 30 }) });
  const rebuild = useMutation({
    mutationFn: async () => {
      let step = await api.post<Step>('/api/reports/rollups/rebuild', {});
      setThrough(step.through);
      while (step.next !== null) {
        step = await api.post<Step>('/api/reports/rollups/rebuild', { from: step.next });
        setThrough(step.through);
      }
      return step;
    },
  });
  return (
    <section className="card" data-testid="rollups-panel">
      <h2 className="card-title">{t('hqRollups.title')}</h2>
      <p className="muted">{t('hqRollups.explain')}</p>
      <div className="row-actions">
        <Button variant="secondary" disabled={check.isPending} onClick={() => check.mutate()} data-testid="rollups-check">{t('hqRollups.check')}</Button>
        <Button variant="secondary" disabled={rebuild.isPending} onClick={() => window.confirm(t('hqRollups.confirm')) && rebuild.mutate()} data-testid="rollups-rebuild">
          {rebuild.isPending ? t('hqRollups.rebuilding', { day: through ? businessDay(through) : '…' }) : t('hqRollups.rebuild')}
        </Button>
      </div>
      {check.data?.ok ? <Notice kind="success" testId="rollups-ok">{t('hqRollups.ok', { days: check.data.days })}</Notice> : null}
      {check.data && !check.data.ok ? (
        <Notice kind="error" testId="rollups-diffs">
          {t('hqRollups.diffs', { n: check.data.diffs.length + check.data.moreDiffs })}
          <ul>{check.data.diffs.slice(0, 5).map((d) => <li key={`${d.table}|${d.key}`}><code>{d.table} {d.key}</code>: {t('hqRollups.diff', { expected: d.expected.join(' / '), actual: d.actual.join(' / ') })}</li>)}</ul>
        </Notice>
      ) : null}
      {rebuild.isSuccess ? <Notice kind="success" testId="rollups-rebuilt">{t('hqRollups.rebuilt')}</Notice> : null}
      {check.isError || rebuild.isError ? <Notice kind="error">{errorText(check.error ?? rebuild.error)}</Notice> : null}
    </section>
  );
}
