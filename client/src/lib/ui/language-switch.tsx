import { useTranslation } from 'react-i18next';
import { toLang, type Lang } from '../format';
import { LANGS } from '../i18n-setup';

const LABEL: Record<Lang, string> = { 'zh-CN': '中文', en: 'EN' };

/** 中文 | EN. The choice is stored (localStorage) and shared by the three apps. */
export function LanguageSwitch({ tone = 'light' }: { tone?: 'light' | 'dark' }) {
  const { i18n, t } = useTranslation();
  const current = toLang(i18n.resolvedLanguage) ?? 'zh-CN';
  return (
    <div className={`lang-switch lang-switch-${tone}`} role="group" aria-label={t('common.language')} data-testid="lang-switch">
      {LANGS.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          className={lng === current ? 'active' : ''}
          aria-pressed={lng === current}
          data-testid={`lang-${lng}`}
          onClick={() => void i18n.changeLanguage(lng)}
        >
          {LABEL[lng]}
        </button>
      ))}
    </div>
  );
}
