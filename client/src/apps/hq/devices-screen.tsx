import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../shared/domain/money';
import type { Device } from '../../../../shared/schemas/device';
import { useApi } from '../../lib/app-context';
import { toLang } from '../../lib/format';
import { useResource } from '../../lib/use-resource';
import { Notice } from '../../lib/ui/notice';
import { Loading, LoadError } from '../../lib/ui/states';
import { RetireDialog, type Retired } from './retire-device-dialog';
import { DevicesView } from './devices-view';


/**
 * 收银设备: the tablets of every store (HQ) or one's own store (manager), with the members' money
 * each holds for offline sales (decision 015). HQ retires a lost or broken one here.
 */
export function DevicesScreen({ canRetire }: { canRetire: boolean }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const lang = toLang(i18n.resolvedLanguage) ?? 'zh-CN';
  const res = useResource(() => api.get<{ devices: Device[] }>('/api/devices'), []);
  const [retiring, setRetiring] = useState<Device | null>(null);
  const [retired, setRetired] = useState<Retired | null>(null);

  return (
    <>
      <div className="page-head">
        <h1 className="page-title" data-testid="devices-heading">
          {t('devices.title')}
        </h1>
        <p className="muted">{t('devices.subtitle')}</p>
      </div>
      {retired ? (
        <Notice kind="success" testId="device-retired">
          {retired.releasedFen > 0
            ? t('devices.retire.done', { name: retired.name, amount: formatFen(retired.releasedFen) })
            : t('devices.retire.doneNothing', { name: retired.name })}
        </Notice>
      ) : null}
      {res.status === 'error' && !res.data ? <LoadError error={res.error} onRetry={res.reload} /> : null}
      {res.status === 'loading' && !res.data ? <Loading /> : null}
      {res.data ? (
        <DevicesView
          devices={res.data.devices}
          lang={lang}
          onRetire={
            canRetire
              ? (d) => {
                  setRetired(null);
                  setRetiring(d);
                }
              : undefined
          }
        />
      ) : null}
      {retiring ? (
        <RetireDialog
          device={retiring}
          onClose={() => setRetiring(null)}
          onRetired={(r) => {
            setRetiring(null);
            setRetired(r);
            res.reload();
          }}
        />
      ) : null}
    </>
  );
}
