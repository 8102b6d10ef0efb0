import { useQuery } from '@tanstack/react-query';
import type { CommissionPlan, CommissionReport } from '../../../../../shared/schemas/commission';
import type { CampaignReport, MarginReport, SalesReport } from '../../../../../shared/schemas/reports-sales';
import type { StaffReport } from '../../../../../shared/schemas/reports-staff';
import type { ReportToday } from '../../../../../shared/schemas/reports-today';
import { useApi } from '../../../lib/app-context';
import type { ReportParams } from './report-tabs';

// One cache entry per report and period: switching tabs or back to a period answers at once.
function useReport<T>(path: string, p: ReportParams) {
  const api = useApi();
  const q = { from: p.from, to: p.to, storeId: p.storeId, compare: p.compare };
  return useQuery({ queryKey: ['reports', path, q], queryFn: () => api.get<T>(`/api/reports/${path}`, q), placeholderData: (prev) => prev });
}
export const useSales = (p: ReportParams) => useReport<SalesReport>('sales', p);
export const useMargin = (p: ReportParams) => useReport<MarginReport>('margin', p);
export const useStaffReport = (p: ReportParams) => useReport<StaffReport>('staff', p);
export const useCommission = (p: ReportParams) => useReport<CommissionReport>('commission', p);
export const useCampaignReport = (p: ReportParams) => useReport<CampaignReport>('campaigns', p);

export function usePlans(enabled: boolean) {
  const api = useApi();
  return useQuery({ queryKey: ['reports', 'commission-plans'], enabled, queryFn: async () => (await api.get<{ plans: CommissionPlan[] }>('/api/reports/commission-plans')).plans });
}

/**
 * 首页: the figures every 5 s (a sale shows seconds later), the warnings every minute, the trend
 * once: three parts of one route, so the cheap one can be polled alone.
 */
export function useToday(part: 'figures' | 'warnings' | 'trend', storeId: string | undefined) {
  const api = useApi();
  const every = { figures: 5_000, warnings: 60_000, trend: false as const }[part];
  return useQuery({
    queryKey: ['reports', 'today', part, storeId ?? ''],
    queryFn: () => api.get<ReportToday>('/api/reports/today', { parts: part, storeId }),
    refetchInterval: every, staleTime: part === 'figures' ? 0 : 60_000, placeholderData: (prev) => prev,
  });
}
