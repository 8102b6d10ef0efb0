import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { issueMemberCode } from '../../../../shared/domain/member-code';
import { useApp } from '../../lib/app-context';
import { secondsLeft } from '../../lib/countdown';
import { useErrorText } from '../../lib/errors';
import { groupCardNo } from '../../lib/format';
import { Button } from '../../lib/ui/button';
import { ChevronRightIcon } from '../../lib/ui/icons';
import { Notice } from '../../lib/ui/notice';
import { Loading } from '../../lib/ui/states';
import { ensureDeviceKey, needsRegistration, registerDeviceKey, type DeviceKey } from './member-code-keys';
import { QrCodeSvg } from '../../lib/ui/qr-code-svg';
import './member-code.css';

/** A new code every 30 s: a code is good for 60 s, so one read just before the switch still has 30 s. */
export const REFRESH_MS = 30_000;

type Props = {
  memberId: string;
  cardNo: string | null;
  /** The server's key for this member as /api/me last said; undefined when /api/me could not be read (offline). */
  serverKey: string | null | undefined;
  onBack: () => void;
  onRegistered?: () => void;
};

type Status = { kind: 'activating' } | { kind: 'ready' } | { kind: 'offline' } | { kind: 'error'; error: unknown };

/**
 * "会员码": a QR code signed on this phone (docs/decisions/011), renewed every 30 s with a
 * countdown, and the card number beneath it for a clerk to type. Signing is local, so it works
 * offline once this phone's key has been registered; before that it says so.
 */
export function MemberCodeScreen({ memberId, cardNo, serverKey, onBack, onRegistered }: Props) {
  const { t } = useTranslation();
  const { api } = useApp();
  const errorText = useErrorText();
  const [key, setKey] = useState<DeviceKey>(() => ensureDeviceKey(memberId));
  const [status, setStatus] = useState<Status>(() => (needsRegistration(key, serverKey) ? { kind: 'activating' } : { kind: 'ready' }));
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const mine = ensureDeviceKey(memberId);
    setKey(mine);
    if (!needsRegistration(mine, serverKey)) return setStatus({ kind: 'ready' });
    let live = true;
    setStatus({ kind: 'activating' });
    registerDeviceKey(api, memberId, mine).then(
      (saved) => {
        if (!live) return;
        setKey(saved);
        setStatus({ kind: 'ready' });
        onRegistered?.();
      },
      (error: unknown) => live && setStatus((error as { code?: string }).code === 'NETWORK' ? { kind: 'offline' } : { kind: 'error', error }),
    );
    return () => {
      live = false;
    };
    // onRegistered is left out on purpose: a new callback identity must not register again.
  }, [memberId, serverKey, api, attempt]);

  const shownCardNo = cardNo ?? key.cardNo;
  return (
    <div className="member-shell">
      <header className="member-header">
        <button type="button" className="icon-button member-code-back" onClick={onBack} aria-label={t('memberCode.back')} title={t('memberCode.back')} data-testid="member-code-back">
          <ChevronRightIcon size={22} />
        </button>
        <h1 className="page-title member-code-title">{t('memberCode.title')}</h1>
        <span className="member-code-spacer" />
      </header>
      <main className="member-main">
        <section className="card member-code-card" data-testid="member-code">
          {status.kind === 'ready' ? (
            <LiveCode key={`${memberId}.${key.publicKey}`} memberId={memberId} secretKey={key.secretKey} />
          ) : status.kind === 'activating' ? (
            <Loading label={t('memberCode.activating')} />
          ) : (
            <div className="member-code-problem">
              <Notice kind="error" testId="member-code-problem">
                {status.kind === 'offline' ? t('memberCode.offlineNoKey') : t('memberCode.failed', { message: errorText(status.error) })}
              </Notice>
              <Button variant="secondary" onClick={() => setAttempt((n) => n + 1)} data-testid="member-code-retry">
                {t('common.retry')}
              </Button>
            </div>
          )}
          {shownCardNo ? (
            <p className="member-code-cardno">
              <span className="label">{t('memberCode.cardNo')}</span>
              <span className="mono" data-testid="member-code-cardno">{groupCardNo(shownCardNo)}</span>
            </p>
          ) : null}
        </section>
        <p className="muted member-code-tip">{t('memberCode.tip')}</p>
      </main>
    </div>
  );
}

/**
 * The QR code itself: re-signed every REFRESH_MS, and at once when the screen comes back into view
 * (timers sleep in the background). Keyed by member and key, so a new key starts it afresh.
 */
function LiveCode({ memberId, secretKey }: { memberId: string; secretKey: string }) {
  const { t } = useTranslation();
  const issue = useCallback(() => {
    const at = Date.now();
    return { at, text: issueMemberCode(memberId, secretKey, at) };
  }, [memberId, secretKey]);
  const [code, setCode] = useState(issue);
  const [now, setNow] = useState(() => code.at);

  useEffect(() => {
    const tick = () => {
      const t0 = Date.now();
      setNow(t0);
      setCode((c) => (t0 >= c.at + REFRESH_MS || t0 < c.at ? issue() : c));
    };
    const id = window.setInterval(tick, 250);
    document.addEventListener('visibilitychange', tick);
    return () => {
      window.clearInterval(id);
      document.removeEventListener('visibilitychange', tick);
    };
  }, [issue]);

  return (
    <div className="member-code-live">
      <button type="button" className="member-code-qr" onClick={() => setCode(issue())} title={t('memberCode.refreshNow')}>
        <QrCodeSvg text={code.text} label={t('memberCode.qrLabel')} testId="member-code-qr" />
      </button>
      <p className="member-code-countdown" aria-live="off" data-testid="member-code-countdown">
        {t('memberCode.refreshIn', { seconds: secondsLeft(code.at + REFRESH_MS, now) })}
      </p>
      <p className="muted member-code-offline">{t('memberCode.worksOffline')}</p>
    </div>
  );
}
