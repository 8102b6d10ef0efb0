import { initI18n } from './i18n-setup';
import { memberEn, memberZhCN } from './locales/member';

/** The member app's i18n: the same setup as the other apps, with the phone's strings only. */
initI18n({ 'zh-CN': memberZhCN, en: memberEn });
