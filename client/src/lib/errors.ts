import type { i18n as I18n } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api';
import { formatWait, toLang } from './format';

export type ErrorContext = 'otp' | 'memberSearch';

/** Message keys for an error code: the context's own wording first (errors.otp.RATE_LIMITED), then the general one. */
export function errorKeys(code: string, context?: ErrorContext): string[] {
  return [...(context ? [`errors.${context}.${code}`] : []), `errors.${code}`];
}

/**
 * What to tell a person about a failure, in their language. Known API codes are translated (with
 * the wait for RATE_LIMITED); anything else shows the server's own message, so nothing is hidden.
 */
export function describeError(err: unknown, i18n: Pick<I18n, 't' | 'exists' | 'resolvedLanguage'>, context?: ErrorContext): string {
  const api = err instanceof ApiError ? err : null;
  const message = api?.message ?? (err instanceof Error ? err.message : String(err));
  const wait = formatWait(api?.retryAfter ?? 60, toLang(i18n.resolvedLanguage) ?? 'zh-CN');
  const key = api ? errorKeys(api.code, context).find((k) => i18n.exists(k)) : undefined;
  return key ? i18n.t(key as never, { wait, message }) : i18n.t('errors.unknown', { message });
}

/** `const errorText = useErrorText(); errorText(err, 'otp')` — re-renders with the language. */
export function useErrorText() {
  const { i18n } = useTranslation();
  return (err: unknown, context?: ErrorContext) => describeError(err, i18n, context);
}
