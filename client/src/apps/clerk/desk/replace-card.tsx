import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ulid } from 'ulid';
import { replaceCardRequestSchema } from '../../../../../shared/schemas/account-api';
import type { Member } from '../../../../../shared/schemas/member';
import { useApi, useSession } from '../../../lib/app-context';
import { groupCardNo } from '../../../lib/format';
import { Button } from '../../../lib/ui/button';
import { Notice } from '../../../lib/ui/notice';
import { TextField } from '../../../lib/ui/text-field';
import { useOnline } from '../../../lib/use-online';
import { useDeskError } from './desk-errors';
import type { DeskDone } from './desk-types';

/**
 * A replacement card (POST /api/members/:id/replace-card): the account stays, the number changes.
 * Online only — the number must be checked against every member of the chain. Replacing does not
 * unfreeze: a manager or HQ does that (POST …/unfreeze); a clerk is told to ask one.
 */
export function ReplaceCard({ member, onDone }: { member: Member; onDone: DeskDone }) {
  const { t } = useTranslation();
  const api = useApi();
  const online = useOnline();
  const user = useSession()?.user;
  const deskError = useDeskError();
  const [cardNo, setCardNo] = useState('');
  // One operation id per card number typed: a second tap (or a retry after a timeout) is the same replacement.
  const [op, setOp] = useState({ cardNo: '', opId: ulid() });
  const [busy, setBusy] = useState<'replace' | 'unfreeze' | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [badNo, setBadNo] = useState(false);
  const canUnfreeze = user?.kind === 'staff' && user.role !== 'clerk';

  async function run(kind: 'replace' | 'unfreeze', call: () => Promise<unknown>, message: string, opId: string) {
    setFailure(null);
    setBusy(kind);
    try {
      await call();
      onDone(message, opId);
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(null);
    }
  }

  function replace(e: FormEvent) {
    e.preventDefault();
    const newCardNo = cardNo.replace(/\s/g, '');
    const opId = op.cardNo === newCardNo ? op.opId : ulid();
    setOp({ cardNo: newCardNo, opId });
    const body = replaceCardRequestSchema.safeParse({ opId, newCardNo });
    setBadNo(!body.success);
    if (!body.success) setFailure(null);
    else void run('replace', () => api.post(`/api/members/${encodeURIComponent(member.id)}/replace-card`, body.data), t('desk.replace.done', { cardNo: groupCardNo(newCardNo) }), opId);
  }

  function unfreeze() {
    const opId = ulid();
    void run('unfreeze', () => api.post(`/api/members/${encodeURIComponent(member.id)}/unfreeze`, { opId }), t('desk.replace.unfrozen'), opId);
  }

  return (
    <section className="desk-subsection" data-testid="replace-card">
      <h3 className="desk-subtitle">{t('desk.replace.title')}</h3>
      <p className="muted">{t('desk.replace.current', { cardNo: member.cardNo ? groupCardNo(member.cardNo) : t('desk.cardNoPending') })}</p>
      {!online ? <Notice kind="info" testId="replace-offline">{t('desk.replace.offline')}</Notice> : null}
      <form className="desk-inline-form" onSubmit={replace} noValidate>
        <TextField className="desk-grow" label={t('desk.replace.newCardNo')} inputMode="numeric" autoComplete="off" maxLength={15} value={cardNo}
          onChange={(e) => setCardNo(e.target.value)} error={badNo ? t('desk.fields.fix.cardNo') : undefined} data-testid="replace-card-no" />
        <Button type="submit" size="lg" loading={busy === 'replace'} disabled={!online || busy !== null} data-testid="replace-submit">{t('desk.replace.submit')}</Button>
      </form>
      {member.status === 'frozen' ? (
        canUnfreeze ? (
          <Button variant="secondary" size="lg" loading={busy === 'unfreeze'} disabled={!online || busy !== null} onClick={unfreeze} data-testid="unfreeze-submit">
            {t('desk.replace.unfreeze')}
          </Button>
        ) : (
          <p className="muted" data-testid="unfreeze-manager-only">{t('desk.replace.unfreezeManagerOnly')}</p>
        )
      ) : null}
      {failure ? <Notice kind="error" testId="replace-error">{deskError(failure)}</Notice> : null}
    </section>
  );
}
