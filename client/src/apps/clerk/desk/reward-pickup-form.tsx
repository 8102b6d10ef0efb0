import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../../../shared/schemas/member';
import type { Redemption } from '../../../../../shared/schemas/rewards';
import { useApi } from '../../../lib/app-context';
import { useOnline } from '../../../lib/use-online';
import { Button } from '../../../lib/ui/button';
import { Notice } from '../../../lib/ui/notice';
import { TextField } from '../../../lib/ui/text-field';
import { useDeskError } from './desk-errors';
import type { DeskDone } from './desk-types';

/** 兑换领取: the member shows the pickup code from their phone; the clerk hands the reward over (online, audited). */
export function RewardPickupForm({ member, storeId, onDone, onCancel }: { member: Member; storeId: string; onDone: DeskDone; onCancel(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const online = useOnline();
  const deskError = useDeskError();
  const [code, setCode] = useState('');
  const [found, setFound] = useState<Redemption | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function find(e: FormEvent) {
    e.preventDefault();
    setFound(null);
    setProblem(null);
    setFailure(null);
    if (!/^\d{8}$/.test(code.trim())) return setProblem(t('desk.gift.notFound'));
    try {
      const { redemptions } = await api.get<{ redemptions: Redemption[] }>('/api/redemptions', { pickupCode: code.trim() });
      const mine = redemptions.find((r) => r.memberId === member.id);
      if (mine) setFound(mine);
      else setProblem(t(redemptions.length ? 'desk.gift.notMine' : 'desk.gift.notFound'));
    } catch (err) {
      setFailure(err);
    }
  }

  async function collect() {
    if (!found) return;
    setBusy(true);
    setFailure(null);
    try {
      const r = await api.post<Redemption>(`/api/redemptions/${found.id}/collect`, { storeId });
      onDone(t('desk.gift.done', { name: r.rewardName }), r.id);
    } catch (err) {
      setFailure(err);
      setBusy(false);
    }
  }

  return (
    <div className="desk-form" data-testid="reward-pickup">
      <h3 className="desk-subtitle">{t('desk.gift.title')}</h3>
      <p className="muted">{t('desk.gift.explain')}</p>
      {!online ? <Notice kind="info">{t('desk.gift.online')}</Notice> : null}
      <form className="desk-form" onSubmit={find} noValidate>
        <TextField label={t('desk.gift.code')} inputMode="numeric" maxLength={8} value={code} onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))} error={problem ?? undefined} data-testid="pickup-code" />
        <div className="desk-form-foot">
          <Button variant="secondary" size="lg" onClick={onCancel}>{t('desk.cancel')}</Button>
          <Button type="submit" size="lg" variant="secondary" disabled={!online} data-testid="pickup-find">{t('desk.gift.find')}</Button>
        </div>
      </form>
      {found ? (
        <section className="desk-subsection" data-testid="pickup-found">
          <p className="strong">{found.rewardName} · {t(`desk.gift.status.${found.status}`)}</p>
          <p className="muted">{t('desk.gift.points', { points: found.points })}</p>
          <Button size="lg" disabled={found.status !== 'issued'} loading={busy} onClick={() => void collect()} data-testid="pickup-collect">{t('desk.gift.collect')}</Button>
        </section>
      ) : null}
      {failure ? <Notice kind="error">{deskError(failure)}</Notice> : null}
    </div>
  );
}
