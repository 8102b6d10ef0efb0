import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../shared/domain/money';
import type { AccountView } from '../../../../shared/schemas/account-api';
import { useApi } from '../../lib/app-context';
import { formatCount, toLang } from '../../lib/format';
import { Loading, LoadError } from '../../lib/ui/states';
import { day } from './member-table';

/** What the member has to spend, as their account object holds it (GET /api/members/:id/account). */
export function MemberAccount({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const lang = toLang(i18n.resolvedLanguage) ?? 'zh-CN';
  const api = useApi();
  const q = useQuery({ queryKey: ['member', id, 'account'], queryFn: () => api.get<AccountView>(`/api/members/${encodeURIComponent(id)}/account`) });
  if (q.isPending) return <Loading />;
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const a = q.data;
  const n = (v: number) => formatCount(v, lang);
  // A lot or card that never expires carries the largest date there is.
  const never = (ms: number | null) => ms === null || ms >= Date.UTC(9000, 0, 1);
  const expiry = (ms: number | null) => (never(ms) ? t('hqMembers.detail.noExpiry') : t('hqMembers.detail.expires', { date: day(ms, lang) }));
  return (
    <section className="member-section" data-testid="member-account">
      <h3 className="member-section-title">{t('hqMembers.detail.account')}</h3>
      <div className="member-balances">
        <div><span>{t('hqMembers.detail.principal')}</span><strong className="money" data-testid="account-principal">{formatFen(a.balances.principalFen)}</strong></div>
        <div><span>{t('hqMembers.detail.bonus')}</span><strong className="money" data-testid="account-bonus">{formatFen(a.balances.bonusFen)}</strong></div>
        <div><span>{t('hqMembers.detail.points')}</span><strong data-testid="account-points">{n(a.balances.points)}</strong></div>
        <div><span>{t('hqMembers.detail.locked')}</span><strong>{n(a.balances.lockedPoints)}</strong></div>
      </div>
      {a.balances.reservedFen ? <p className="muted">{t('hqMembers.detail.reserved')}: {formatFen(a.balances.reservedFen)}</p> : null}
      <h4 className="field-label">{t('hqMembers.detail.lots')}</h4>
      {a.lots.length === 0 ? <p className="muted">{t('hqMembers.detail.empty')}</p> : (
        <table className="table table-compact">
          <thead><tr><th>{t('hqMembers.detail.lotEarned')}</th><th>{t('hqMembers.detail.lotExpires')}</th><th className="num">{t('hqMembers.detail.lotLeft')}</th></tr></thead>
          <tbody>{a.lots.map((l) => <tr key={l.id}><td>{day(l.earnedAt, lang)}</td><td>{never(l.expiresAt) ? t('hqMembers.detail.noExpiry') : day(l.expiresAt, lang)}</td><td className="num">{n(l.remaining)}</td></tr>)}</tbody>
        </table>
      )}
      <h4 className="field-label">{t('hqMembers.detail.punchCards')}</h4>
      {a.punchCards.length === 0 ? <p className="muted">{t('hqMembers.detail.empty')}</p> : (
        <ul className="member-list">{a.punchCards.map((p) => <li key={p.id}><strong>{p.name}</strong> · {t('hqMembers.detail.punchLeft', { left: p.usesLeft, total: p.usesTotal })} · <span className="muted">{expiry(p.expiresAt)}</span></li>)}</ul>
      )}
      <h4 className="field-label">{t('hqMembers.detail.coupons')}</h4>
      {a.coupons.length === 0 ? <p className="muted">{t('hqMembers.detail.empty')}</p> : (
        <ul className="member-list">{a.coupons.map((c) => <li key={c.id}><strong>{c.name}</strong> · {t(`hqMembers.detail.couponStatus.${c.status}`)} · <span className="muted">{expiry(c.expiresAt)}</span></li>)}</ul>
      )}
      {a.cardHistory.length > 1 ? <p className="muted">{t('hqMembers.detail.cardHistory')}: {a.cardHistory.map((c) => c.cardNo).join(' → ')}</p> : null}
    </section>
  );
}
