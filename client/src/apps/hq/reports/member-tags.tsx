import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SUGGESTED_INTERESTS } from '../../../../../shared/domain/interests';
import type { MembersReport } from '../../../../../shared/schemas/report-members';
import { Chart } from './chart';
import { barOption } from './chart-options';
import type { ReportColumn } from './report-columns';
import { ReportTable } from './report-table';

type Row = MembersReport['tags'][number];

/** 兴趣爱好 and staff tags: members (home store in scope) carrying each; the app's suggested interests listed even at 0. */
export function MemberTags({ tags, period }: { tags: MembersReport['tags']; period: { from: string; to: string } }) {
  const { t } = useTranslation();
  const rows = useMemo(() => {
    const interests = new Map(tags.filter((x) => x.source === 'member').map((x) => [x.tag, x.members]));
    return [
      ...[...new Set([...interests.keys(), ...SUGGESTED_INTERESTS])].map((tag): Row => ({ tag, source: 'member', members: interests.get(tag) ?? 0 })),
      ...tags.filter((x) => x.source === 'staff'),
    ].sort((a, b) => b.members - a.members || a.tag.localeCompare(b.tag));
  }, [tags]);
  const columns = useMemo((): ReportColumn<Row>[] => [
    { id: 'tag', header: t('hqReportsMembers.col.tag'), value: (r) => r.tag, kind: 'text' },
    { id: 'source', header: t('hqReportsMembers.col.source'), value: (r) => t(`hqReportsMembers.source.${r.source}`), kind: 'text' },
    { id: 'members', header: t('hqReportsMembers.col.members'), value: (r) => r.members },
  ], [t]);
  const top = rows.slice(0, 12);
  const option = useMemo(() => barOption(top.map((r) => r.tag), [{ name: t('hqReportsMembers.col.members'), values: top.map((r) => r.members), unit: 'count' }], { horizontal: true }), [top, t]);
  return (
    <div className="rep-m-stack">
      {top.some((r) => r.members > 0) ? <div className="card rep-m-chart"><h2 className="section-title">{t('hqReportsMembers.tags')}</h2><Chart option={option} height={300} testId="rm-chart-tags" /></div> : null}
      <ReportTable title={t('hqReportsMembers.tags')} columns={columns} rows={rows} file="member-tags" period={period} rowKey={(r) => `${r.source}:${r.tag}`} testId="rm-tags" />
    </div>
  );
}
