import { useQuery } from '@tanstack/react-query';
import type { Category } from '../../../../shared/schemas/catalog';
import type { Tier } from '../../../../shared/schemas/member';
import type { ChainRules, RuleVersions } from '../../../../shared/schemas/rules';
import type { StoreSummary } from '../../../../shared/schemas/store';
import { useApi } from '../../lib/app-context';

/** The reads the rules, campaign and coupon screens share (one cache entry each). */
export function useRuleVersions(key: 'rules' | 'tiers', enabled = true) {
  const api = useApi();
  return useQuery({ queryKey: ['rule-versions', key], enabled, queryFn: () => api.get<RuleVersions>('/api/rules/versions', { key }) });
}
/** HQ edits from the versioned read; a store manager (read-only) gets the plain rules doc, version unknown (0). */
export function useRulesDoc(isHq: boolean) {
  const api = useApi();
  const v = useRuleVersions('rules', isHq);
  const plain = useQuery({ queryKey: ['rules'], enabled: !isHq, queryFn: () => api.get<ChainRules>('/api/rules') });
  if (isHq) return { error: v.error, refetch: v.refetch, rules: v.data?.current as ChainRules | undefined, version: v.data?.version };
  return { error: plain.error, refetch: plain.refetch, rules: plain.data, version: plain.data ? 0 : undefined };
}
export function useTiers() {
  const api = useApi();
  return useQuery({ queryKey: ['tiers'], queryFn: async () => (await api.get<{ tiers: Tier[] }>('/api/tiers')).tiers });
}
export function useCategories() {
  const api = useApi();
  return useQuery({ queryKey: ['categories'], queryFn: async () => (await api.get<{ categories: Category[] }>('/api/catalog/categories')).categories });
}
export function useStoreList() {
  const api = useApi();
  // The other screens cache GET /api/stores whole under this key: the same shape, selected here.
  return useQuery({ queryKey: ['stores'], queryFn: () => api.get<{ stores: StoreSummary[] }>('/api/stores'), select: (d) => d.stores });
}
export type ProductPick = { id: string; name: string; categoryId: string; listPriceFen: number };
export function useProducts() {
  const api = useApi();
  return useQuery({ queryKey: ['products', 'active'], queryFn: async () => (await api.get<{ products: ProductPick[] }>('/api/catalog/products', { status: 'active', limit: 200 })).products });
}
