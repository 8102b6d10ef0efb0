import { useTranslation } from 'react-i18next';
import { useOnline } from '../use-online';

export function OnlineStatus() {
  const online = useOnline();
  const { t } = useTranslation();
  return (
    <span className={`online-status ${online ? 'is-online' : 'is-offline'}`} data-testid="online-status" title={online ? undefined : t('common.offlineHint')}>
      <span className="dot" aria-hidden="true" />
      {online ? t('common.online') : t('common.offline')}
    </span>
  );
}
