import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../shared/domain/money';
import type { LedgerEntry } from '../../../../shared/schemas/account';
import { useApi } from '../../lib/app-context';
import { useErrorText } from '../../lib/errors';
import { formatCount, toLang } from '../../lib/format';
import { Button } from '../../lib/ui/button';
import { Notice } from '../../lib/ui/notice';
import { Loading, LoadError } from '../../lib/ui/states';

type Verify = { ok: boolean; entries?: number; atSeq?: number; reason?: string; projectionMatches: boolean };
const signed = (fen: number) => (fen > 0 ? `+${formatFen(fen)}` : fen < 0 ? formatFen(fen) : '');

/** The ledger, newest first and paged, with 校验: the member's object recomputes the hash chain (decision 006). */
export function MemberLedger({ id, storeName }: { id: string; storeName: Map<string, string> }) {
  const { t, i18n } = useTranslation();
  const lang = toLang(i18n.resolvedLanguage) ?? 'zh-CN';
  const api = useApi();
  const errorText = useErrorText();
  const path = `/api/members/${encodeURIComponent(id)}`;
  const pages = useInfiniteQuery({
    queryKey: ['member', id, 'ledger'],
    queryFn: ({ pageParam }) => api.get<{ entries: LedgerEntry[]; nextBeforeSeq: number | null }>(`${path}/ledger`, { limit: 20, beforeSeq: pageParam ?? undefined }),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextBeforeSeq,
  });
  const verify = useMutation({ mutationFn: () => api.get<Verify>(`${path}/ledger/verify`) });
  const at = (ms: number) => new Date(ms).toLocaleString(lang, { timeZone: 'Asia/Shanghai', year: '2-digit', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
  const entries = pages.data?.pages.flatMap((p) => p.entries) ?? [];
  const v = verify.data;
  return (
    <section className="member-section" data-testid="member-ledger">
      <div className="member-section-head">
        <h3 className="member-section-title">{t('hqMembers.detail.ledger')}</h3>
        <Button variant="secondary" className="btn-sm" loading={verify.isPending} onClick={() => verify.mutate()} data-testid="ledger-verify">{t('hqMembers.detail.verify')}</Button>
      </div>
      {v ? (
        <Notice kind={v.ok ? 'success' : 'error'} testId="ledger-verify-result">
          {v.ok ? t('hqMembers.detail.verifyOk', { entries: v.entries ?? 0 }) : t('hqMembers.detail.verifyBad', { seq: v.atSeq ?? '?', reason: v.reason ?? '' })}
          {v.ok ? ` · ${t(v.projectionMatches ? 'hqMembers.detail.verifyProjection' : 'hqMembers.detail.verifyProjectionOff')}` : null}
        </Notice>
      ) : null}
      {verify.isError ? <Notice kind="error">{errorText(verify.error)}</Notice> : null}
      {pages.isPending ? <Loading /> : pages.isError ? <LoadError error={pages.error} onRetry={() => void pages.refetch()} /> : entries.length === 0 ? <p className="muted">{t('hqMembers.detail.noLedger')}</p> : (
        <div className="member-scroll"><table className="table table-compact" data-testid="ledger-table">
          <thead>
            <tr><th>{t('hqMembers.detail.lcol.seq')}</th><th>{t('hqMembers.detail.lcol.at')}</th><th>{t('hqMembers.detail.lcol.kind')}</th><th className="num">{t('hqMembers.detail.lcol.principal')}</th><th className="num">{t('hqMembers.detail.lcol.bonus')}</th><th className="num">{t('hqMembers.detail.lcol.points')}</th><th>{t('hqMembers.detail.lcol.store')}</th></tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.seq} data-testid="ledger-row">
                <td className="num">{e.seq}</td>
                <td className="nowrap">{at(e.at)}</td>
                <td className="nowrap">{t(`hqMembers.detail.kinds.${e.kind}` as 'hqMembers.detail.kinds.opening', { defaultValue: e.kind })}</td>
                <td className="num money">{signed(e.principalDelta)}</td>
                <td className="num money">{signed(e.bonusDelta)}</td>
                <td className="num">{e.pointsDelta ? (e.pointsDelta > 0 ? '+' : '') + formatCount(e.pointsDelta, lang) : ''}</td>
                <td className="nowrap">{e.storeId ? (storeName.get(e.storeId) ?? e.storeId) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table></div>
      )}
      {pages.hasNextPage ? <Button variant="ghost" className="btn-sm" loading={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()} data-testid="ledger-more">{t('hqMembers.detail.more')}</Button> : null}
    </section>
  );
}
