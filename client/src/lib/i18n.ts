import i18n, { initI18n } from './i18n-setup';
import { en, zhCN } from './locales';

/** Every app's strings (clerk, HQ; tests). The member app loads only its own: i18n-member.ts. */
initI18n({ 'zh-CN': zhCN, en });

export { currentLang, LANG_STORAGE_KEY, LANGS } from './i18n-setup';
export default i18n;
