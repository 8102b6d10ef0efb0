import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ulid } from 'ulid';
import { formatFen } from '../../../../../shared/domain/money';
import type { Me } from '../../../../../shared/schemas/me';
import type { Device } from '../../../../../shared/schemas/device';
import { useApi } from '../../../lib/app-context';
import { saveDevice } from '../../../lib/device';
import { useErrorText } from '../../../lib/errors';
import { useCloudSync } from '../../../lib/sync/use-cloud-sync';
import { Button } from '../../../lib/ui/button';
import { Notice } from '../../../lib/ui/notice';
import { TextField } from '../../../lib/ui/text-field';
import { lastRenewAt, useOwnAllowances } from './use-allowances';

/**
 * This tablet's registration for offline stored value (decision 015): a manager or HQ registers it
 * for the store; then what it holds for members is shown and can be renewed at once.
 */
export function DevicePanel({ me, onRenew }: { me: Me; onRenew: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const sync = useCloudSync();
  const device = sync?.device ?? null;
  const held = useOwnAllowances();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [renewed, setRenewed] = useState(false);
  const storeId = me.store?.id ?? '';
  const canRegister = me.user.kind === 'staff' && (me.user.role === 'hq_admin' || me.user.role === 'store_manager') && storeId !== '';

  async function register() {
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<{ device: Device; credential: string }>('/api/devices', { storeId, name: name.trim() });
      saveDevice({ id: r.device.id, storeId: r.device.storeId, name: r.device.name, credential: r.credential });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  /** Gives back what the tablet holds (after its queued sales), then forgets the registration. */
  async function forget() {
    if (!window.confirm(t('allowance.device.forgetConfirm'))) return;
    setBusy(true);
    const ids = held.map((a) => a.leaseId);
    if (sync && ids.length) {
      await sync.rep.mutate.releaseAllowances({ id: ulid(), storeId, leaseIds: ids }).catch(() => {});
      // Offline, the release waits in the queue; what it holds then returns when HQ retires the tablet.
      for (let i = 0; i < 50 && sync.status.get().pending > 0; i++) await new Promise((r) => setTimeout(r, 200));
    }
    setBusy(false);
    saveDevice(null);
  }

  const last = device ? lastRenewAt(device.id) : null;
  const total = held.reduce((n, a) => n + a.heldFen, 0);
  return (
    <section className="card device-panel" data-testid="device-panel">
      <h2>{t('allowance.device.title')}</h2>
      <p className="muted">{t('allowance.device.explain')}</p>
      {device && device.storeId === storeId ? (
        <>
          <Notice kind="success" testId="device-registered">{t('allowance.device.registered', { store: me.store?.name ?? '', name: device.name })}</Notice>
          <p data-testid="device-summary">{t('allowance.device.summary', { count: held.filter((a) => a.heldFen > 0).length, amount: formatFen(total) })}</p>
          <p className="muted">{last ? t('allowance.device.lastRenew', { time: new Date(last).toLocaleString(i18n.resolvedLanguage) }) : t('allowance.device.never')}</p>
          <div className="device-actions">
            <Button onClick={() => { onRenew(); setRenewed(true); }} data-testid="device-renew">{t('allowance.device.renew')}</Button>
            {renewed ? <span className="muted">{t('allowance.device.renewQueued')}</span> : null}
            <Button variant="ghost" disabled={busy} onClick={() => void forget()}>{t('allowance.device.forget')}</Button>
          </div>
        </>
      ) : device ? (
        <Notice kind="info">{t('allowance.device.otherStore', { store: device.storeId })}</Notice>
      ) : (
        <>
          <Notice kind="info" testId="device-unregistered">{t('allowance.device.notRegistered')}</Notice>
          {canRegister ? (
            <form className="device-form" onSubmit={(e) => { e.preventDefault(); void register(); }}>
              <TextField label={t('allowance.device.name')} placeholder={t('allowance.device.namePlaceholder')} value={name} maxLength={40} onChange={(e) => setName(e.target.value)} data-testid="device-name" />
              {error ? <Notice kind="error">{error}</Notice> : null}
              <Button type="submit" disabled={busy || name.trim() === ''} data-testid="device-register">{busy ? t('allowance.device.registering') : t('allowance.device.register')}</Button>
            </form>
          ) : (
            <p className="muted">{t('allowance.device.clerkCannot')}</p>
          )}
        </>
      )}
    </section>
  );
}
