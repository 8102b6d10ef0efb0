import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../shared/domain/money';
import type { MemberAdminRow } from '../../../../shared/schemas/member-admin';
import { formatCount, groupCardNo, type Lang } from '../../lib/format';

export const day = (ms: number | null, lang: Lang) => (ms === null ? '—' : new Date(ms).toLocaleDateString(lang, { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }));

type Props = {
  rows: MemberAdminRow[];
  lang: Lang;
  selected: Set<string>;
  onSelect: (s: Set<string>) => void;
  onOpen: (id: string) => void;
};

/** One page of members; a row's checkbox selects it for the bulk actions, its name opens the detail. */
export function MemberTable({ rows, lang, selected, onSelect, onOpen }: Props) {
  const { t } = useTranslation();
  const all = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelect(next);
  };
  const toggleAll = () => onSelect(all ? new Set([...selected].filter((id) => !rows.some((r) => r.id === id))) : new Set([...selected, ...rows.map((r) => r.id)]));
  return (
    <table className="table members-table" data-testid="members-table">
      <thead>
        <tr>
          <th className="check"><input type="checkbox" checked={all} onChange={toggleAll} aria-label={t('hqMembers.selectAll')} data-testid="members-select-all" /></th>
          <th>{t('hqMembers.col.name')}</th><th>{t('hqMembers.col.phone')}</th><th>{t('hqMembers.col.card')}</th><th>{t('hqMembers.col.tier')}</th>
          <th>{t('hqMembers.col.store')}</th><th className="num">{t('hqMembers.col.balance')}</th><th className="num">{t('hqMembers.col.points')}</th>
          <th>{t('hqMembers.col.lastVisit')}</th><th>{t('hqMembers.col.status')}</th><th>{t('hqMembers.col.tags')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? <tr><td colSpan={11} className="empty">{t('hqMembers.none')}</td></tr> : null}
        {rows.map((m) => (
          <tr key={m.id} data-testid="member-row" className={selected.has(m.id) ? 'row-selected' : undefined}>
            <td className="check"><input type="checkbox" checked={selected.has(m.id)} onChange={() => toggle(m.id)} aria-label={t('hqMembers.selectRow', { name: m.name })} data-testid="member-select" /></td>
            <td className="strong"><button type="button" className="link-button" onClick={() => onOpen(m.id)} data-testid="member-open">{m.name}</button></td>
            <td className="nowrap mono" title={m.phoneMasked ? t('hqMembers.masked') : undefined} data-testid="member-phone">{m.phone}</td>
            <td className="nowrap mono">{groupCardNo(m.cardNo)}</td>
            <td><span className={`tier-badge tier-${m.tierCode}`}>{t(`hqMembers.tiers.${m.tierCode}`)}</span></td>
            <td className="nowrap">{m.homeStoreName}</td>
            <td className="num money">{formatFen(m.principalFen + m.bonusFen)}</td>
            <td className="num">{formatCount(m.points, lang)}</td>
            <td className="nowrap">{day(m.lastVisitAt, lang)}</td>
            <td><span className={`status status-${m.status === 'active' ? 'open' : 'closed'}`}>{t(`hqMembers.status.${m.status}`)}</span></td>
            <td className="wrap">{m.staffTags.map((x) => <span key={x} className="member-tag">{x}</span>)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
