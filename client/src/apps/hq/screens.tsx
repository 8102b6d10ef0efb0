import { lazy } from 'react';

/*
 * The back office's screens, each fetched when first opened (React.lazy): a sign-in downloads the
 * shell and the stores screen only, and the budget for that first load is kept apart from the
 * whole app's (scripts/bundle-budget.mjs).
 */
export const StaffScreen = lazy(() => import('./staff-screen').then((m) => ({ default: m.StaffScreen })));
export const AuditScreen = lazy(() => import('./audit-screen').then((m) => ({ default: m.AuditScreen })));
export const InventoryScreen = lazy(() => import('./inventory-screen').then((m) => ({ default: m.InventoryScreen })));
export const ProductsScreen = lazy(() => import('./products-screen').then((m) => ({ default: m.ProductsScreen })));
export const LoyaltyScreen = lazy(() => import('./loyalty-screen').then((m) => ({ default: m.LoyaltyScreen })));
export const MembersScreen = lazy(() => import('./members-screen').then((m) => ({ default: m.MembersScreen })));
export const TiersScreen = lazy(() => import('./tiers-screen').then((m) => ({ default: m.TiersScreen })));
export const CampaignsScreen = lazy(() => import('./campaigns-screen').then((m) => ({ default: m.CampaignsScreen })));
export const CouponsScreen = lazy(() => import('./coupons-screen').then((m) => ({ default: m.CouponsScreen })));
export const JobsScreen = lazy(() => import('./jobs-screen').then((m) => ({ default: m.JobsScreen })));
export const DevicesScreen = lazy(() => import('./devices-screen').then((m) => ({ default: m.DevicesScreen })));
export const ReportsScreen = lazy(() => import('./reports/reports-screen').then((m) => ({ default: m.ReportsScreen })));
export const HomeScreen = lazy(() => import('./reports/home-screen').then((m) => ({ default: m.HomeScreen })));
