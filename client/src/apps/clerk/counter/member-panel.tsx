import { useEffect, useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useOwnAllowance } from '../allowance/use-allowances';
import { formatFen } from '../../../../../shared/domain/money';
import type { AccountView } from '../../../../../shared/schemas/account-api';
import type { Member } from '../../../../../shared/schemas/member';
import type { AppliedCoupon } from '../../../../../shared/schemas/promotions';
import { useApi } from '../../../lib/app-context';
import { maskPhone } from '../../../lib/format';
import { useCloudSync } from '../../../lib/sync/use-cloud-sync';
import { tierClass } from '../../../lib/tier';
import { findMembersLocal } from './counter-data';

type Props = {
  member: Member | null;
  coupons: AppliedCoupon[];
  onPick(member: Member | null): void;
  onToggleCoupon(c: AppliedCoupon): void;
  onOpenDesk(memberId: string): void;
  onRegister(): void;
  onScan(): void;
  /** The member's account as read online (punch cards for the pay sheet), null while unknown. */
  onAccount(account: AccountView | null): void;
  inputRef: RefObject<HTMLInputElement | null>;
};

/** Who is paying: looked up on the tablet first (works offline), then online for members from elsewhere. */
export function MemberPanel({ member, coupons, onPick, onToggleCoupon, onOpenDesk, onRegister, onScan, onAccount, inputRef }: Props) {
  const { t } = useTranslation();
  const rep = useCloudSync()?.rep ?? null;
  const api = useApi();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Member[] | null>(null);
  const [owned, setOwned] = useState<AccountView['coupons'] | null>(null);

  useEffect(() => {
    setOwned(null);
    onAccount(null);
    if (!member || !navigator.onLine) return;
    let live = true;
    // The tablet does not hold members' coupons and punch cards: asked for when the member is at the counter.
    api.get<AccountView>(`/api/members/${member.id}/account`).then((a) => {
      if (!live) return;
      setOwned(a.coupons);
      onAccount(a);
    }, () => {});
    return () => {
      live = false;
    };
  }, [member?.id]);

  async function search(e: FormEvent) {
    e.preventDefault();
    if (!rep || !q.trim()) return;
    let hits = await rep.query((tx) => findMembersLocal(tx, q));
    if (hits.length === 0 && navigator.onLine) hits = (await api.get<{ members: Member[] }>('/api/members', { q: q.trim(), limit: 20 }).catch(() => ({ members: [] }))).members;
    if (hits.length === 1) {
      onPick(hits[0]!);
      setQ('');
      setFound(null);
    } else setFound(hits);
  }

  if (member) {
    const usable = (owned ?? []).filter((c) => c.status === 'issued' && c.expiresAt > Date.now());
    return (
      <section className="member-panel member-panel-on" data-testid="counter-member">
        <div className="member-panel-head">
          <span className={`avatar avatar-lg ${tierClass(member.tierCode)}`} aria-hidden="true">{member.name.slice(0, 1)}</span>
          <div className="member-panel-who">
            <strong data-testid="counter-member-name">{member.name}</strong>
            <span className="muted">{maskPhone(member.phone)} · <span className={`tier-badge ${tierClass(member.tierCode)}`}>{t(`tiers.${member.tierCode}`)}</span></span>
          </div>
          <button type="button" className="link-button" onClick={() => onOpenDesk(member.id)} data-testid="open-desk">{t('counter.desk')}</button>
          <button type="button" className="link-button" onClick={() => onPick(null)} data-testid="clear-member">{t('counter.walkIn')}</button>
        </div>
        {member.status !== 'active' ? <p className="notice-inline notice-danger">{t('counter.cardFrozen')}</p> : null}
        <div className="member-panel-figures">
          <span><span className="label">{t('counter.principal')}</span><span className="money" data-testid="counter-principal">{formatFen(member.principalFen)}</span></span>
          <span><span className="label">{t('counter.bonus')}</span><span className="money">{formatFen(member.bonusFen)}</span></span>
          <span><span className="label">{t('counter.points')}</span><span>{member.points}</span></span>
        </div>
        <AllowanceLine memberId={member.id} reservedFen={member.reservedFen ?? 0} />
        {usable.length > 0 ? (
          <div className="coupon-chips">
            {usable.map((c) => {
              const on = coupons.some((x) => x.couponId === c.id);
              return (
                <button key={c.id} type="button" className={`chip ${on ? 'chip-on' : ''}`} aria-pressed={on} onClick={() => onToggleCoupon({ couponId: c.id, templateId: c.templateId })}>
                  {c.name}
                </button>
              );
            })}
          </div>
        ) : null}
      </section>
    );
  }
  return (
    <section className="member-panel" aria-label={t('counter.identify')}>
      <form className="member-panel-form" onSubmit={search}>
        <input ref={inputRef} className="picker-input" inputMode="numeric" placeholder={t('counter.identifyPlaceholder')} value={q} onChange={(e) => setQ(e.target.value)} data-testid="counter-member-search" aria-label={t('counter.identify')} />
        <kbd className="kbd">F3</kbd>
        <button type="button" className="btn btn-secondary btn-md" onClick={onScan} data-testid="scan-member">{t('counter.scan')}</button>
        <button type="button" className="btn btn-ghost btn-md" onClick={onRegister} data-testid="register-member">{t('counter.newMember')}</button>
      </form>
      {found && found.length === 0 ? <p className="muted">{t('counter.noMember')}</p> : null}
      {found && found.length > 1 ? (
        <ul className="pick-list" data-testid="member-pick-list">
          {found.map((m) => (
            <li key={m.id}>
              <button type="button" onClick={() => { onPick(m); setFound(null); setQ(''); }}>
                <strong>{m.name}</strong> <span className="muted">{maskPhone(m.phone)}</span> <span className="money">{formatFen(m.principalFen + m.bonusFen)}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** What this tablet may take offline for the member, and what other tablets hold (decision 015). */
function AllowanceLine({ memberId, reservedFen }: { memberId: string; reservedFen: number }) {
  const { t } = useTranslation();
  const own = useOwnAllowance(memberId);
  const elsewhere = reservedFen - (own?.heldFen ?? 0);
  if (!own && elsewhere <= 0) return null;
  return (
    <p className="muted allowance-line" data-testid="counter-allowance">
      {own ? t('allowance.memberLine', { amount: formatFen(own.heldFen) }) : null}
      {own && elsewhere > 0 ? ' · ' : null}
      {elsewhere > 0 ? t('allowance.reservedElsewhere', { amount: formatFen(elsewhere) }) : null}
    </p>
  );
}
