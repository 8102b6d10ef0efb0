import { useTranslation } from 'react-i18next';
import type { Tier } from '../../../../shared/schemas/member';
import { toLang } from '../../lib/format';
import { Button } from '../../lib/ui/button';
import { useCategories } from './rules-queries';
import { money, multiplierText, rateText } from './rules-units';

/** The ladder, lowest first: what each tier costs to get and keep, and what it gives. */
export function RulesTierTable({ tiers, onEdit }: { tiers: Tier[]; onEdit: ((t: Tier) => void) | null }) {
  const { t, i18n } = useTranslation();
  const lang = toLang(i18n.resolvedLanguage) ?? 'zh-CN';
  const cats = new Map((useCategories().data ?? []).map((c) => [c.id, lang === 'en' ? c.nameEn : c.name]));
  return (
    <section className="card table-card" aria-labelledby="tiers-title">
      <div className="table-head"><h2 id="tiers-title" className="table-card-title">{t('hqRules.tiers.title')}</h2></div>
      <table className="table" data-testid="tier-table">
        <thead>
          <tr>
            <th>{t('hqRules.tiers.name')}</th><th className="num">{t('hqRules.tiers.upgrade')}</th><th className="num">{t('hqRules.tiers.keep')}</th>
            <th>{t('hqRules.tiers.discount')}</th><th>{t('hqRules.tiers.points')}</th><th>{t('hqRules.tiers.categories')}</th>{onEdit ? <th /> : null}
          </tr>
        </thead>
        <tbody>
          {tiers.map((x) => (
            <tr key={x.code} data-testid={`tier-row-${x.code}`}>
              <td className="strong">{lang === 'en' ? x.nameEn : x.name}</td>
              <td className="num">{money(x.upgradeSpendFen)}</td>
              <td className="num">{money(x.keepSpendFen)}</td>
              <td>{rateText(x.discountBp, lang)}</td>
              <td>{multiplierText(x.pointsMultiplierBp)}</td>
              <td className="wrap">
                {Object.entries(x.categoryDiscounts ?? {}).map(([id, bp]) => <span key={id} className="chip">{cats.get(id) ?? id} {rateText(bp, lang)}</span>)}
              </td>
              {onEdit ? <td><Button variant="secondary" className="btn-sm" onClick={() => onEdit(x)} data-testid={`tier-edit-${x.code}`}>{t('hqRules.edit')}</Button></td> : null}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted table-note">{t('hqRules.tiers.note')}</p>
    </section>
  );
}
