import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../../shared/domain/money';
import { formatCount, toLang } from '../../../lib/format';
import { Button } from '../../../lib/ui/button';
import { Notice } from '../../../lib/ui/notice';
import { LoadError } from '../../../lib/ui/states';
import { useLiabilityCheck } from './member-queries';

/** 对账 (HQ): the ledgers' sums, the members' balances and value_daily — three numbers each that must agree. */
export function LiabilityCheckPanel() {
  const { t, i18n } = useTranslation();
  const lang = toLang(i18n.resolvedLanguage) ?? 'zh-CN';
  const [asked, setAsked] = useState(false);
  const c = useLiabilityCheck(asked);
  const rows = c.data ? ([['principal', c.data.principal, true], ['bonus', c.data.bonus, true], ['points', c.data.points, false]] as const) : [];
  const show = (v: number, money: boolean) => (money ? formatFen(v) : formatCount(v, lang));
  return (
    <div className="card table-card" data-testid="rl-check">
      <div className="table-head">
        <h2 className="table-card-title">{t('hqReportsMembers.liab.check.title')}</h2>
        <Button variant="secondary" className="btn-sm" loading={c.isFetching} onClick={() => (asked ? void c.refetch() : setAsked(true))} data-testid="rl-check-run">{t('hqReportsMembers.liab.check.run')}</Button>
      </div>
      <p className="muted table-note">{t('hqReportsMembers.liab.check.intro')}</p>
      {c.isError ? <LoadError error={c.error} onRetry={() => void c.refetch()} /> : null}
      {c.data ? (
        <>
          <Notice kind={c.data.matches ? 'success' : 'error'} testId="rl-check-result">{c.data.matches ? t('hqReportsMembers.liab.check.ok') : t('hqReportsMembers.liab.check.bad', { count: c.data.mismatchedMembers.length })}</Notice>
          <table className="table">
            <thead><tr><th /><th className="num">{t('hqReportsMembers.liab.check.ledger')}</th><th className="num">{t('hqReportsMembers.liab.check.balances')}</th><th className="num">{t('hqReportsMembers.liab.check.rollup')}</th><th>{t('hqReportsMembers.liab.check.verdict')}</th></tr></thead>
            <tbody>
              {rows.map(([k, x, money]) => (
                <tr key={k} data-testid={`rl-check-${k}`}><th scope="row">{t(`hqReportsMembers.liab.check.${k}`)}</th><td className="num">{show(x.ledger, money)}</td><td className="num">{show(x.balances, money)}</td><td className="num">{show(x.rollup, money)}</td>
                  <td><span className={`status ${x.matches ? 'status-open' : 'status-closed'}`}>{x.matches ? t('hqReportsMembers.liab.check.match') : t('hqReportsMembers.liab.check.differ')}</span></td></tr>
              ))}
            </tbody>
          </table>
          {c.data.mismatchedMembers.length ? <p className="muted table-note">{t('hqReportsMembers.liab.check.members', { ids: c.data.mismatchedMembers.map((m) => m.memberId).join(', ') })}</p> : null}
        </>
      ) : null}
    </div>
  );
}
