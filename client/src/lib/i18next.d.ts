import 'i18next';
import type { zhCN } from './locales';

// Typed keys: t('clerk.heading') is checked against the Chinese resources (the complete set;
// locales.test.ts checks that English has every key too).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}
