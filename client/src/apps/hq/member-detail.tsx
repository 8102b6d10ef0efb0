import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ulid } from 'ulid';
import { formatFen } from '../../../../shared/domain/money';
import type { MemberAdminDetail } from '../../../../shared/schemas/member-admin';
import type { MemberPhoto } from '../../../../shared/schemas/member-photo';
import { useApi } from '../../lib/app-context';
import { useErrorText } from '../../lib/errors';
import { groupCardNo, toLang } from '../../lib/format';
import { Button } from '../../lib/ui/button';
import { Notice } from '../../lib/ui/notice';
import { Loading, LoadError } from '../../lib/ui/states';
import { MemberAccount } from './member-account';
import { MemberActions } from './member-actions';
import { MemberLedger } from './member-ledger';
import { day } from './member-table';

/** The member's side panel: profile with photo and tags, account, ledger with verification, card actions. */
export function MemberDetail({ id, isHq, storeName, onClose }: { id: string; isHq: boolean; storeName: Map<string, string>; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const detail = useQuery({ queryKey: ['member', id], queryFn: () => api.get<MemberAdminDetail>(`/api/member-admin/members/${encodeURIComponent(id)}`) });
  return (
    <aside className="member-panel" aria-label={t('hqMembers.detail.title')} data-testid="member-detail">
      <div className="member-panel-head">
        <h2 className="section-title">{detail.data?.name ?? t('hqMembers.detail.title')}</h2>
        <Button variant="ghost" className="btn-sm" onClick={onClose} data-testid="member-close">{t('hqMembers.close')}</Button>
      </div>
      {detail.isPending ? <Loading /> : detail.isError ? <LoadError error={detail.error} onRetry={() => void detail.refetch()} /> : (
        <>
          <Profile m={detail.data} />
          <MemberAccount id={id} />
          <MemberActions m={detail.data} isHq={isHq} />
          <MemberLedger id={id} storeName={storeName} />
        </>
      )}
    </aside>
  );
}

function Profile({ m }: { m: MemberAdminDetail }) {
  const { t, i18n } = useTranslation();
  const lang = toLang(i18n.resolvedLanguage) ?? 'zh-CN';
  const api = useApi();
  const photo = useQuery({ queryKey: ['member', m.id, 'photo'], queryFn: () => api.get<MemberPhoto>(`/api/members/${encodeURIComponent(m.id)}/photo`) });
  const row = (label: string, value: string, testId?: string) => <div><dt>{label}</dt><dd data-testid={testId}>{value}</dd></div>;
  return (
    <section className="member-section" data-testid="member-profile">
      <div className="member-profile">
        {photo.data?.dataUrl ? <img className="member-photo" src={photo.data.dataUrl} alt={m.name} /> : <div className="member-photo member-photo-none">{t('hqMembers.detail.noPhoto')}</div>}
        <div>
          <p className="member-phone mono" data-testid="detail-phone">{m.phone}</p>
          <p className="mono muted">{groupCardNo(m.cardNo)}</p>
          <p>
            <span className={`tier-badge tier-${m.tierCode}`}>{t(`hqMembers.tiers.${m.tierCode}`)}</span>{' '}
            <span className={`status status-${m.status === 'active' ? 'open' : 'closed'}`} data-testid="detail-status">{t(`hqMembers.status.${m.status}`)}</span>
          </p>
        </div>
      </div>
      <dl className="member-facts">
        {row(t('hqMembers.detail.homeStore'), m.homeStoreName, 'detail-home-store')}
        {row(t('hqMembers.detail.gender'), t(`hqMembers.gender.${m.gender}`))}
        {row(t('hqMembers.detail.birthday'), m.birthday ?? '—')}
        {row(t('hqMembers.detail.joined'), day(m.joinedAt, lang))}
        {row(t('hqMembers.detail.lastVisit'), m.lastVisitAt ? `${day(m.lastVisitAt, lang)} · ${m.lastVisitStoreName ?? ''}` : '—')}
        {row(t('hqMembers.detail.spend'), formatFen(m.lifetimeSpendFen))}
      </dl>
      <Tags m={m} />
    </section>
  );
}

function Tags({ m }: { m: MemberAdminDetail }) {
  const { t } = useTranslation();
  const api = useApi();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const [tag, setTag] = useState('');
  const change = useMutation({
    mutationFn: (b: { add?: string[]; remove?: string[] }) => api.post('/api/member-admin/tags', { opId: ulid(), memberIds: [m.id], ...b }),
    onSuccess: () => (setTag(''), void qc.invalidateQueries({ queryKey: ['member', m.id] }), void qc.invalidateQueries({ queryKey: ['members'] })),
  });
  const add = (e: FormEvent) => (e.preventDefault(), tag.trim() && change.mutate({ add: [tag.trim()] }));
  return (
    <div className="member-tags" data-testid="member-tags">
      <span className="field-label">{t('hqMembers.detail.staffTags')}</span>
      <div className="member-tag-list">
        {m.staffTags.length === 0 ? <span className="muted">{t('hqMembers.detail.noTags')}</span> : null}
        {m.staffTags.map((x) => (
          <span key={x} className="member-tag">{x}<button type="button" aria-label={t('hqMembers.detail.removeTag', { tag: x })} onClick={() => change.mutate({ remove: [x] })} data-testid="tag-x">×</button></span>
        ))}
      </div>
      <form className="member-tag-form" onSubmit={add}>
        <input className="field-input" value={tag} maxLength={12} onChange={(e) => setTag(e.target.value)} placeholder={t('hqMembers.detail.addTag')} aria-label={t('hqMembers.detail.addTag')} data-testid="detail-tag-input" />
        <Button type="submit" variant="secondary" className="btn-sm" loading={change.isPending} data-testid="detail-tag-add">{t('hqMembers.detail.add')}</Button>
      </form>
      {change.isError ? <Notice kind="error">{errorText(change.error)}</Notice> : null}
      {m.interests.length ? <p className="muted">{t('hqMembers.detail.interests')}: {m.interests.join('、')}</p> : null}
    </div>
  );
}
