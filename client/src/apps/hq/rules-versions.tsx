import { useTranslation } from 'react-i18next';
import type { RuleVersion } from '../../../../shared/schemas/rules';
import { toLang } from '../../lib/format';
import { useRuleVersions } from './rules-queries';

/** 版本历史: every save of the rules and of the tiers, newest first, with who saved it. */
export function RulesVersions() {
  const { t, i18n } = useTranslation();
  const lang = toLang(i18n.resolvedLanguage) ?? 'zh-CN';
  const rules = useRuleVersions('rules').data?.versions ?? [];
  const tiers = useRuleVersions('tiers').data?.versions ?? [];
  const all: RuleVersion[] = [...rules, ...tiers].sort((a, b) => b.savedAt - a.savedAt).slice(0, 30);
  return (
    <section className="card table-card" aria-labelledby="versions-title" data-testid="rule-versions">
      <div className="table-head"><h2 id="versions-title" className="table-card-title">{t('hqRules.versions.title')}</h2></div>
      <table className="table">
        <thead><tr><th>{t('hqRules.versions.at')}</th><th>{t('hqRules.versions.what')}</th><th className="num">{t('hqRules.versions.version')}</th><th>{t('hqRules.versions.by')}</th></tr></thead>
        <tbody>
          {all.length === 0 ? <tr><td colSpan={4} className="empty">{t('hqRules.versions.none')}</td></tr> : null}
          {all.map((v) => (
            <tr key={`${v.key}-${v.version}`} data-testid="rule-version-row">
              <td className="nowrap">{new Date(v.savedAt).toLocaleString(lang, { timeZone: 'Asia/Shanghai' })}</td>
              <td>{t(v.key === 'rules' ? 'hqRules.versions.rules' : 'hqRules.versions.tiers')}</td>
              <td className="num">v{v.version}</td>
              <td>{v.savedByName ?? v.savedBy}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
