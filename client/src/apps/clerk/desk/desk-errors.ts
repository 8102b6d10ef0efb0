import { useTranslation } from 'react-i18next';
import { isDomainError } from '../../../../../shared/errors';
import { ApiError } from '../../../lib/api';
import { describeError } from '../../../lib/errors';

/** Codes the desk words itself: each says what to do at the counter. */
const DESK_CODES = ['FORBIDDEN', 'CONFLICT', 'PHONE_TAKEN', 'CARD_FROZEN', 'CARD_CLOSED', 'MEMBER_NOT_FOUND', 'NETWORK', 'VALIDATION_FAILED', 'NOT_READY'] as const;
export type DeskCode = (typeof DESK_CODES)[number];
const deskCodes: ReadonlySet<string> = new Set(DESK_CODES);

/** The code of a failure: the API's, or a mutator's own refusal on the tablet (the same DomainError codes). */
export function codeOf(err: unknown): string | null {
  if (err instanceof ApiError) return err.code;
  if (isDomainError(err)) return err.code;
  return null;
}

/** A refusal the tablet itself raised before anything was queued (shared permission or argument checks). */
export class NotReady extends Error {
  readonly code = 'NOT_READY';
}

/**
 * What to tell the clerk: the desk's wording for its codes (with the server's message, which
 * names the field or the card), else the app-wide translation, else the message as it came.
 */
export function useDeskError(): (err: unknown) => string {
  const { t, i18n } = useTranslation();
  return (err) => {
    const code = err instanceof NotReady ? 'NOT_READY' : codeOf(err);
    const message = err instanceof Error ? err.message : String(err);
    if (code && deskCodes.has(code)) return t(`desk.errors.${code as DeskCode}`, { message });
    if (isDomainError(err)) return t('desk.errors.refused', { message });
    return describeError(err, i18n);
  };
}
