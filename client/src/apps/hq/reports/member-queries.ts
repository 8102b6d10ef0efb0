import { useQuery } from '@tanstack/react-query';
import type { RfmSegment } from '../../../../../shared/domain/rfm';
import type { LiabilityCheck, LiabilityReport } from '../../../../../shared/schemas/report-liability';
import type { CrossStoreReport, MembersReport, RetentionReport, RfmMembersPage, RfmReport } from '../../../../../shared/schemas/report-members';
import type { Api } from '../../../lib/api';
import { useApi } from '../../../lib/app-context';

import type { ReportParams } from './report-tabs';

export type { ReportParams };
const q = (p: ReportParams) => ({ from: p.from, to: p.to, storeId: p.storeId || undefined, compare: p.compare ?? 'none' });

export const useMembersReport = (p: ReportParams) => {
  const api = useApi();
  return useQuery({ queryKey: ['reports', 'members', q(p)], queryFn: () => api.get<MembersReport>('/api/reports/members', q(p)) });
};
export const useCrossStore = (p: ReportParams) => {
  const api = useApi();
  const k = { from: p.from, to: p.to, storeId: p.storeId || undefined };
  return useQuery({ queryKey: ['reports', 'cross-store', k], queryFn: () => api.get<CrossStoreReport>('/api/reports/members/cross-store', k) });
};
export const useRfm = (storeId?: string) => {
  const api = useApi();
  return useQuery({ queryKey: ['reports', 'rfm', storeId ?? ''], queryFn: () => api.get<RfmReport>('/api/reports/rfm', { storeId: storeId || undefined }) });
};
export const useRfmMembers = (segment: RfmSegment | null, storeId?: string) => {
  const api = useApi();
  return useQuery({
    queryKey: ['reports', 'rfm-members', segment, storeId ?? ''], enabled: segment !== null,
    queryFn: () => api.get<RfmMembersPage>('/api/reports/rfm/members', { segment: segment ?? undefined, storeId: storeId || undefined, limit: 200 }),
  });
};
export const useRetention = (storeId?: string) => {
  const api = useApi();
  return useQuery({ queryKey: ['reports', 'retention', storeId ?? ''], queryFn: () => api.get<RetentionReport>('/api/reports/retention', { storeId: storeId || undefined }) });
};
export const useLiability = (p: ReportParams) => {
  const api = useApi();
  return useQuery({ queryKey: ['reports', 'liability', q(p)], queryFn: () => api.get<LiabilityReport>('/api/reports/liability', { from: p.from, to: p.to, storeId: p.storeId || undefined }) });
};
export const useLiabilityCheck = (enabled: boolean) => {
  const api = useApi();
  return useQuery({ queryKey: ['reports', 'liability-check'], enabled, staleTime: 0, queryFn: () => api.get<LiabilityCheck>('/api/reports/liability/check') });
};

/** Every member id of a segment (paged 500 at a time), for 打标签 and 发券 on the whole segment. */
export async function segmentMemberIds(api: Api, segment: RfmSegment, storeId: string | undefined): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 200; i++) {
    const page = await api.get<RfmMembersPage>('/api/reports/rfm/members', { segment, storeId: storeId || undefined, cursor, limit: 500 });
    ids.push(...page.members.map((m) => m.memberId));
    if (!page.next) break;
    cursor = page.next;
  }
  return ids;
}

/** Store id → name from a report's store list. */
export const namesOf = (stores: readonly { id: string; name: string }[]) => new Map(stores.map((s) => [s.id, s.name]));
