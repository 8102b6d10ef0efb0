import { useTranslation } from 'react-i18next';
import type { Compared } from '../../../../../shared/schemas/report-query';
import { formatChange } from './report-format';

/** A headline figure; with a comparison, the base and the change (green up, red down). */
export function StatCard({ label, value, cmp, show, note, accent, testId, onClick }: { label: string; value: string; cmp?: Compared | null; show?: (n: number) => string; note?: string; accent?: boolean; testId?: string; /** Opens the orders behind the figure. */ onClick?: () => void }) {
  const { t } = useTranslation();
  const dir = cmp?.changeBp ? (cmp.changeBp > 0 ? 'up' : 'down') : 'flat';
  return (
    <div className={`stat${accent ? ' stat-accent' : ''}${onClick ? ' report-click' : ''}`} data-testid={testId} onClick={onClick} role={onClick ? 'button' : undefined} tabIndex={onClick ? 0 : undefined}
      onKeyDown={onClick ? (e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), onClick()) : undefined}>
      <span className="stat-label">{label}</span>
      <span className="stat-value money">{value}</span>
      {cmp && cmp.base !== null && show ? (
        <span className={`stat-note report-change report-change-${dir}`}>{t('hqReports.vs', { base: show(cmp.base), change: formatChange(cmp.changeBp) })}</span>
      ) : note ? <span className="stat-note">{note}</span> : null}
    </div>
  );
}
