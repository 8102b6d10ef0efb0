import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../../shared/domain/money';
import type { Shift } from '../../../../../shared/schemas/shift';
import { ApiError } from '../../../lib/api';
import { useErrorText } from '../../../lib/errors';
import { Button } from '../../../lib/ui/button';
import { Notice } from '../../../lib/ui/notice';
import { TextField } from '../../../lib/ui/text-field';
import { ShiftDialog } from './shift-dialog';
import { differenceText } from './shift-labels';
import { cashInputToFen, differenceKind } from './shift-layout';

/** A refusal in the clerk's words: the shift-specific conflicts first, then the general wording. */
function useShiftErrorText() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (e: unknown, action: 'open' | 'close') => {
    const code = e instanceof ApiError ? e.code : null;
    if (code === 'CONFLICT') return t(action === 'open' ? 'shift.errors.alreadyOpen' : 'shift.errors.alreadyClosed');
    if (code === 'IDEMPOTENCY_MISMATCH') return t('shift.errors.idReused');
    return errorText(e);
  };
}

type Submit<T> = { run: (f: () => Promise<T>) => Promise<void>; busy: boolean; error: string | null };
function useSubmit<T>(action: 'open' | 'close', onDone: (v: T) => void): Submit<T> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errorText = useShiftErrorText();
  const run = async (f: () => Promise<T>) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await f());
    } catch (e) {
      setError(errorText(e, action));
    } finally {
      setBusy(false);
    }
  };
  return { run, busy, error };
}

/** Opening a shift: the float in yuan (as the clerk counts it), sent as fen. */
export function OpenShiftDialog({ onOpen, onDismiss, online }: { onOpen: (fen: number) => Promise<Shift>; onDismiss: () => void; online: boolean }) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [checked, setChecked] = useState(false);
  const submit = useSubmit<Shift>('open', onDismiss);
  const fen = cashInputToFen(value);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (fen !== null) void submit.run(() => onOpen(fen));
  };
  return (
    <ShiftDialog title={t('shift.openTitle')} onClose={() => !submit.busy && onDismiss()} testId="shift-open-dialog">
      <form className="form" onSubmit={onSubmit} noValidate>
        {submit.error ? <Notice kind="error">{submit.error}</Notice> : null}
        <TextField label={t('shift.openingCash')} hint={t('shift.openingCashHint')} error={checked && fen === null ? t('shift.errors.amount') : undefined}
          inputMode="decimal" autoComplete="off" autoFocus value={value} onChange={(e) => setValue(e.target.value)} data-testid="shift-opening-cash" />
        <div className="shift-actions">
          <Button variant="ghost" onClick={onDismiss} disabled={submit.busy}>{t('shift.cancel')}</Button>
          <Button type="submit" loading={submit.busy} disabled={!online} data-testid="shift-open-confirm">{t('shift.openConfirm')}</Button>
        </div>
      </form>
    </ShiftDialog>
  );
}

/** Closing: count the drawer; the difference against the expected cash shows as the clerk types. */
export function CloseShiftDialog({ shift, onCloseShift, onDismiss, online }: { shift: Shift; onCloseShift: (fen: number, note: string) => Promise<Shift>; onDismiss: () => void; online: boolean }) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const [checked, setChecked] = useState(false);
  const submit = useSubmit<Shift>('close', onDismiss);
  const fen = cashInputToFen(value);
  const expected = shift.summary?.cashExpectedFen ?? null;
  const diff = fen !== null && expected !== null ? fen - expected : null;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (fen !== null) void submit.run(() => onCloseShift(fen, note.trim()));
  };
  return (
    <ShiftDialog title={t('shift.closeTitle')} onClose={() => !submit.busy && onDismiss()} testId="shift-close-dialog">
      <form className="form" onSubmit={onSubmit} noValidate>
        {submit.error ? <Notice kind="error">{submit.error}</Notice> : null}
        {expected !== null ? (
          <p className="shift-expected">
            <span>{t('shift.expectedCash')}</span>
            <strong className="money" data-testid="shift-close-expected">{formatFen(expected)}</strong>
          </p>
        ) : null}
        <TextField label={t('shift.countedCash')} hint={t('shift.countedCashHint')} error={checked && fen === null ? t('shift.errors.amount') : undefined}
          inputMode="decimal" autoComplete="off" autoFocus value={value} onChange={(e) => setValue(e.target.value)} data-testid="shift-counted-cash" />
        {diff !== null ? (
          <p className={`shift-diff-live shift-diff-${differenceKind(diff)}`} role="status" data-testid="shift-close-difference">
            {t('shift.difference')}: {differenceText(t, diff)}
          </p>
        ) : null}
        <TextField label={t('shift.note')} placeholder={t('shift.notePlaceholder')} maxLength={200} value={note} onChange={(e) => setNote(e.target.value)} data-testid="shift-note" />
        <div className="shift-actions">
          <Button variant="ghost" onClick={onDismiss} disabled={submit.busy}>{t('shift.cancel')}</Button>
          <Button type="submit" loading={submit.busy} disabled={!online} data-testid="shift-close-confirm">{t('shift.closeConfirm')}</Button>
        </div>
      </form>
    </ShiftDialog>
  );
}
