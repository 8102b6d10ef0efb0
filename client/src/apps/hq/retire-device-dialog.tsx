import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../shared/domain/money';
import type { Device } from '../../../../shared/schemas/device';
import { useApi } from '../../lib/app-context';
import { useErrorText } from '../../lib/errors';
import { Button } from '../../lib/ui/button';
import { Notice } from '../../lib/ui/notice';
import { TextField } from '../../lib/ui/text-field';

export type Retired = { name: string; releasedFen: number };

const PRESETS = ['lost', 'broken', 'stolen', 'replaced'] as const;

/** Asks why, says what retiring does to the members' money, and retires (HQ only). */
export function RetireDialog({ device, onClose, onRetired }: { device: Device; onClose: () => void; onRetired: (r: Retired) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const ref = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const why = reason.trim();
    if (why.length < 2) return setInvalid(true);
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<{ device: Device; releasedFen: number }>(`/api/devices/${encodeURIComponent(device.id)}/retire`, { reason: why });
      onRetired({ name: r.device.name, releasedFen: r.releasedFen });
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  const close = () => !busy && onClose();

  return (
    <dialog
      ref={ref}
      className="hq-dialog"
      aria-labelledby="retire-title"
      data-testid="retire-dialog"
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
    >
      <form className="form" onSubmit={submit} noValidate>
        <h2 id="retire-title" className="section-title">
          {t('devices.retire.title', { name: device.name })}
        </h2>
        <p className="muted">{device.storeName}</p>
        <p className="retire-holds">
          {device.outstandingFen > 0
            ? t('devices.retire.holds', { count: device.openAllowances, amount: formatFen(device.outstandingFen) })
            : t('devices.retire.holdsNothing')}
        </p>
        <ul className="retire-explain">
          <li>{t('devices.retire.explainNow')}</li>
          <li>{t('devices.retire.explainLater')}</li>
        </ul>
        <div className="retire-presets" role="group" aria-label={t('devices.retire.reason')}>
          {PRESETS.map((p) => {
            const label = t(`devices.retire.presets.${p}`);
            return (
              <button
                key={p}
                type="button"
                className={`chip${reason === label ? ' chip-on' : ''}`}
                aria-pressed={reason === label}
                disabled={busy}
                onClick={() => {
                  setReason(label);
                  setInvalid(false);
                }}
              >
                {label}
              </button>
            );
          })}
        </div>
        <TextField
          label={t('devices.retire.reason')}
          placeholder={t('devices.retire.reasonPlaceholder')}
          hint={t('devices.retire.reasonHint')}
          error={invalid ? t('devices.retire.reasonTooShort') : undefined}
          value={reason}
          maxLength={200}
          disabled={busy}
          autoFocus
          onChange={(e) => {
            setReason(e.target.value);
            if (invalid && e.target.value.trim().length >= 2) setInvalid(false);
          }}
          data-testid="retire-reason"
        />
        {error ? (
          <Notice kind="error" testId="retire-error">
            {errorText(error)}
          </Notice>
        ) : null}
        <div className="dialog-foot">
          <Button variant="secondary" onClick={close} disabled={busy}>
            {t('devices.retire.cancel')}
          </Button>
          <Button type="submit" className="btn-danger" loading={busy} data-testid="retire-confirm">
            {t('devices.retire.confirm')}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
