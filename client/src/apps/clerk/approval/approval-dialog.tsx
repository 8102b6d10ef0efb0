import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { approve } from '../../../../../shared/domain/manager-pin';
import type { Approver } from '../../../../../shared/schemas/approval';
import { prefixes } from '../../../../../shared/sync/keys';
import { useSubscribe } from '../../../lib/sync/use-cloud-sync';
import { Button } from '../../../lib/ui/button';
import { useCountdown } from '../../../lib/use-countdown';
import type { GivenApproval } from './approval-context';
import { afterFailure, isLocked, loadLock, saveLock, triesLeft, UNLOCKED } from './approval-lock';
import { initialApprover, toApprovers } from './approvers';
import { PinPad } from './pin-pad';
import './approval.css';

const LAST_KEY = 'cloudcard.clerk.lastApprover';
const lastApprover = () => { try { return sessionStorage.getItem(LAST_KEY); } catch { return null; } };
const rememberApprover = (id: string) => { try { sessionStorage.setItem(LAST_KEY, id); } catch { /* memory only */ } };

type Props = { message: string; what: string; onDone(a: GivenApproval | null): void };

/**
 * The manager picks their name and types their PIN; the tablet checks it against the synced
 * verifier and signs `message` (shared/domain/manager-pin.ts), so no network is needed.
 */
export function ApprovalDialog({ message, what, onDone }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const approvers = useSubscribe(async (tx) => toApprovers(await tx.scan({ prefix: prefixes.approver }).values().toArray()), null as Approver[] | null, []);
  const [chosen, setChosen] = useState<string | null>(null);
  const picked = chosen ?? (approvers ? initialApprover(approvers, lastApprover()) : null);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [lock, setLock] = useState(loadLock);
  const secs = useCountdown(isLocked(lock, Date.now()) ? lock.lockedUntil : null);
  const locked = secs > 0;

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    input.current?.focus();
    return () => d?.close();
  }, []);

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    const a = approvers?.find((x) => x.id === picked);
    if (busy || locked) return;
    if (!a) return setError(t('approval.pickFirst'));
    if (!/^\d{6}$/.test(pin)) return setError(t('approval.sixDigits'));
    setBusy(true);
    setError(null);
    let result: GivenApproval | null;
    try {
      result = await approve(a, pin, message);
    } catch {
      // No WebCrypto (an http:// page on a LAN address): not the manager's fault, not a failed try.
      setBusy(false);
      return setError(t('approval.noCrypto'));
    }
    setBusy(false);
    if (result) {
      saveLock(UNLOCKED);
      rememberApprover(a.id);
      return onDone(result);
    }
    const next = afterFailure(loadLock(), Date.now());
    saveLock(next);
    setLock(next);
    setPin('');
    setError(isLocked(next, Date.now()) ? null : t('approval.wrong', { count: triesLeft(next, Date.now()) }));
    input.current?.focus();
  }

  const cancel = () => !busy && onDone(null);
  const latestCancel = useRef(cancel);
  latestCancel.current = cancel;
  // While the dialog is up every key is its own, wherever the focus is (the PIN field is disabled
  // while locked): the counter's shortcuts (F9 pay, Esc back) and the barcode wedge must not see
  // them. Caught on the way down; typing and Enter still do what they do in the form.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      e.stopPropagation();
      if (e.key === 'Escape') {
        e.preventDefault();
        latestCancel.current();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
  const none = approvers !== null && approvers.length === 0;
  return (
    <dialog ref={ref} className="approval" aria-labelledby="approval-title" data-testid="approval-dialog" onCancel={(e) => { e.preventDefault(); cancel(); }}>
      <form className="approval-form" onSubmit={(e) => void submit(e)}>
        <header className="approval-head">
          <h2 id="approval-title">{t('approval.title')}</h2>
          {what ? <p className="approval-what" data-testid="approval-what">{what}</p> : null}
        </header>
        {none ? (
          <p className="notice-inline notice-danger" data-testid="approval-none">{t('approval.none')}</p>
        ) : (
          <>
            <div className="approval-approvers" role="radiogroup" aria-label={t('approval.who')}>
              {(approvers ?? []).map((a) => (
                <button key={a.id} type="button" role="radio" aria-checked={picked === a.id} className={`chip ${picked === a.id ? 'chip-on' : ''}`} onClick={() => { setChosen(a.id); setError(null); input.current?.focus(); }} data-testid="approval-approver" data-approver-id={a.id}>
                  {a.name} <span className="approval-role">{t(`approval.role.${a.role}`)}</span>
                </button>
              ))}
            </div>
            <label className="approval-pin-label">
              <span>{t('approval.pin')}</span>
              {/* inputMode none: the pad below is the touch keyboard; a hardware keyboard still types here. */}
              <input ref={input} className="approval-pin" type="password" inputMode="none" autoComplete="off" maxLength={6} value={pin} disabled={locked} onChange={(e) => { setPin(e.target.value.replace(/\D/g, '').slice(0, 6)); setError(null); }} data-testid="approval-pin" />
            </label>
            <p className={`approval-error ${locked || error ? 'notice-inline notice-danger' : ''}`} role="alert" data-testid={locked || error ? 'approval-error' : undefined}>
              {locked ? t('approval.locked', { seconds: secs }) : error ?? '\u00a0'}
            </p>
            <PinPad value={pin} max={6} disabled={locked || busy} onChange={(v) => { setPin(v); setError(null); }} />
          </>
        )}
        <footer className="approval-foot">
          <Button variant="ghost" size="lg" onClick={cancel} disabled={busy} data-testid="approval-cancel">{t('approval.cancel')}</Button>
          {none ? null : (
            <Button type="submit" size="lg" loading={busy} disabled={locked} data-testid="approval-submit">
              {busy ? t('approval.checking') : t('approval.submit')}
            </Button>
          )}
        </footer>
      </form>
    </dialog>
  );
}
