import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { DrillFilter } from './drill-filter';

/** The period bar's choice, as every report route takes it (shared/schemas/report-query.ts). */
export type ReportParams = { from: string; to: string; storeId?: string; compare: 'none' | 'previous' | 'last_year' };

/**
 * What each tab gets: the period, whether the reader is HQ (a manager sees their store only), and
 * `drill` to open the drawer of the orders behind a figure (drill-filter.ts).
 */
export type ReportTabProps = { params: ReportParams; isHq: boolean; drill: (f: DrillFilter) => void };

export type ReportTab = { key: string; /** i18n key of the tab's label */ label: string; Component: LazyExoticComponent<ComponentType<ReportTabProps>>; /** false: the tab compares nothing, so the period bar hides 对比 */ compares?: false };

/**
 * The reports screen's tabs, in order; each tab's code loads when it is first opened. To add a
 * tab, add one entry (its component takes ReportTabProps).
 */
export const REPORT_TABS: readonly ReportTab[] = [
  { key: 'sales', label: 'hqReports.tabs.sales', Component: lazy(() => import('./sales-tab').then((m) => ({ default: m.SalesTab }))) },
  { key: 'margin', label: 'hqReports.tabs.margin', Component: lazy(() => import('./margin-tab').then((m) => ({ default: m.MarginTab }))) },
  { key: 'staff', label: 'hqReports.tabs.staff', compares: false, Component: lazy(() => import('./staff-tab').then((m) => ({ default: m.StaffTab }))) },
  { key: 'campaigns', label: 'hqReports.tabs.campaigns', compares: false, Component: lazy(() => import('./campaigns-tab').then((m) => ({ default: m.CampaignsTab }))) },
  { key: 'members', label: 'hqReportsMembers.tab', Component: lazy(() => import('./member-analysis').then((m) => ({ default: m.MemberAnalysisTab }))) },
  { key: 'liability', label: 'hqReportsMembers.tabLiability', Component: lazy(() => import('./liability-report').then((m) => ({ default: m.LiabilityTab }))) },
  // R2 adds 会员分析 (reports/member-*.tsx) and 储值与积分 (reports/liability-*.tsx) here, one entry each.
];
