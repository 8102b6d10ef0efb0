import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { toLang, type Lang } from './format';

export const LANGS: readonly Lang[] = ['zh-CN', 'en'];
export const LANG_STORAGE_KEY = 'cloudcard.lang';

/**
 * Simplified Chinese unless the person chose otherwise: the choice (the 中文/EN switch, or
 * ?lang=en in a link) is kept in localStorage and shared by the three apps on this origin. The
 * browser's own language is deliberately not consulted: the chain's tablets are often set up in
 * English by the vendor while the staff read Chinese.
 */
const syncDocument = (lng: string) => {
  if (typeof document !== 'undefined') document.documentElement.lang = toLang(lng) ?? 'zh-CN';
};

export function initI18n(resources: { 'zh-CN': object; en: object }): void {
  void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources: { 'zh-CN': { translation: resources['zh-CN'] }, en: { translation: resources.en } },
    supportedLngs: [...LANGS],
    fallbackLng: 'zh-CN',
    load: 'currentOnly',
    interpolation: { escapeValue: false },
    detection: {
      order: ['querystring', 'localStorage'],
      lookupQuerystring: 'lang',
      lookupLocalStorage: LANG_STORAGE_KEY,
      caches: ['localStorage'],
      convertDetectedLanguage: (l: string) => toLang(l) ?? l,
    },
    react: { useSuspense: false },
  });
  syncDocument(i18n.resolvedLanguage ?? 'zh-CN');
  i18n.on('languageChanged', syncDocument);
}

/** The current UI language, always one of LANGS. */
export const currentLang = (): Lang => toLang(i18n.resolvedLanguage) ?? 'zh-CN';

export default i18n;
