import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ulid } from 'ulid';
import type { Member, Tier } from '../../../../shared/schemas/member';
import { useApi, useSignOut } from '../../lib/app-context';
import { useErrorText } from '../../lib/errors';
import { groupCardNo, maskPhone } from '../../lib/format';
import { navigate } from '../../lib/router';
import { tierName } from '../../lib/tier';
import { Button } from '../../lib/ui/button';
import { BellIcon, ChevronRightIcon, LockIcon, LogOutIcon, MapPinIcon, PhoneIcon, StoreIcon, UserIcon } from '../../lib/ui/icons';
import { LanguageSwitch } from '../../lib/ui/language-switch';
import { Notice } from '../../lib/ui/notice';
import { useStores } from './member-data';
import { ScreenHeader } from './member-ui';

/** 我的: who I am, language, notification settings, the store directory, report the card lost, sign out. */
export function MeScreen({ member, tier }: { member: Member; tier: Tier | null }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const signOut = useSignOut();
  const errorText = useErrorText();
  const { stores, failed } = useStores(api);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reported, setReported] = useState(false);
  const frozen = member.status === 'frozen' || reported;
  const open = stores.filter((s) => s.status === 'open');

  const reportLost = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/members/${member.id}/freeze`, { opId: ulid(), reason: 'reported lost in the member app' });
      setReported(true);
      setConfirming(false);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="member-shell with-tabs">
      <ScreenHeader title={t('memberApp.me.title')} testId="me-heading" />
      <main className="member-main">
        <section className="card profile-card" data-testid="profile">
          <span className="profile-avatar" aria-hidden="true">{member.name.slice(0, 1)}</span>
          <span className="profile-main">
            <span className="profile-name">{member.name}</span>
            <span className="muted">{maskPhone(member.phone)} · {tier ? tierName(tier, i18n.resolvedLanguage ?? 'zh-CN') : t(`tiers.${member.tierCode}`)}</span>
            <span className="muted mono">{groupCardNo(member.cardNo)}</span>
          </span>
        </section>

        <ul className="card list-card">
          <li>
            <button type="button" className="list-row" onClick={() => navigate('me/profile')} data-testid="me-profile">
              <span className="row-icon row-icon-brand"><UserIcon size={20} /></span>
              <span className="row-main"><span className="row-title">{t('memberApp.profile.edit')}</span></span>
              <ChevronRightIcon size={18} />
            </button>
          </li>
          <li className="list-row static">
            <span className="row-main"><span className="row-title">{t('common.language')}</span></span>
            <LanguageSwitch />
          </li>
          <li>
            <button type="button" className="list-row" onClick={() => navigate('messages/settings')} data-testid="me-preferences">
              <span className="row-icon row-icon-brand"><BellIcon size={20} /></span>
              <span className="row-main"><span className="row-title">{t('memberApp.prefs.title')}</span></span>
              <ChevronRightIcon size={18} />
            </button>
          </li>
        </ul>

        <section className="card lost-card" data-testid="card-lost">
          <div className="lost-head">
            <span className={`row-icon ${frozen ? 'row-icon-danger' : 'row-icon-amber'}`}><LockIcon size={20} /></span>
            <span className="row-main">
              <span className="row-title">{t('memberApp.me.lostTitle')}</span>
              <span className="muted">{frozen ? t('memberApp.me.frozenBanner') : t('memberApp.me.lostHint')}</span>
            </span>
          </div>
          {frozen ? (
            <Notice kind="info" testId="card-frozen">{t('memberApp.me.frozenHelp')}</Notice>
          ) : (
            <Button variant="secondary" block onClick={() => setConfirming(true)} data-testid="report-lost">
              {t('memberApp.me.report')}
            </Button>
          )}
        </section>

        <section className="stores" aria-labelledby="stores-title" data-testid="stores">
          <h2 id="stores-title" className="section-title">{t('memberApp.stores.title', { count: open.length })}</h2>
          {open.length === 0 && failed ? <p className="muted">{t('memberApp.stores.offline')}</p> : null}
          <ul className="store-list">
            {open.map((s) => (
              <li key={s.id} className="card store-item" data-testid="store-item">
                <span className="row-icon row-icon-brand"><StoreIcon size={20} /></span>
                <span className="row-main">
                  <span className="row-title">{s.name}{s.id === member.homeStoreId ? <span className="pill pill-brand">{t('memberApp.stores.home')}</span> : null}</span>
                  {s.address ? <span className="store-line"><MapPinIcon size={14} />{s.address}</span> : null}
                  <span className="store-line muted">{t('memberApp.stores.hours')}</span>
                </span>
                {s.phone ? (
                  <a className="icon-button store-call" href={`tel:${s.phone}`} aria-label={t('memberApp.stores.call', { phone: s.phone })} title={s.phone}>
                    <PhoneIcon size={20} />
                  </a>
                ) : null}
              </li>
            ))}
          </ul>
        </section>

        <Button variant="secondary" block onClick={() => void signOut()} data-testid="sign-out-me">
          <LogOutIcon size={18} /> {t('common.signOut')}
        </Button>
      </main>

      {confirming ? (
        <div className="sheet-backdrop" role="presentation" onClick={() => !busy && setConfirming(false)}>
          <div className="sheet" role="alertdialog" aria-modal="true" aria-labelledby="lost-confirm-title" onClick={(e) => e.stopPropagation()} data-testid="lost-confirm">
            <h2 id="lost-confirm-title" className="sheet-title">{t('memberApp.me.confirmTitle')}</h2>
            <p>{t('memberApp.me.confirmBody')}</p>
            {error ? <Notice kind="error" testId="lost-error">{error}</Notice> : null}
            <Button size="lg" className="btn-danger" block loading={busy} onClick={() => void reportLost()} data-testid="lost-confirm-yes">
              {t('memberApp.me.confirmYes')}
            </Button>
            <Button variant="secondary" size="lg" block disabled={busy} onClick={() => setConfirming(false)} data-testid="lost-confirm-no">
              {t('memberApp.me.confirmNo')}
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
