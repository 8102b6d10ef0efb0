/**
 * The UI strings: a base file per language plus one file per feature (so features are written
 * side by side without touching one file), merged under the feature's name: `counter.pay`.
 */
import enBase from './en.json';
import enHqJobs from './en/hqJobs.json';
import enHqRollups from './en/hqRollups.json';
import zhHqRollups from './zh-CN/hqRollups.json';
import enHqMembers from './en/hqMembers.json';
import zhHqMembers from './zh-CN/hqMembers.json';
import enApproval from './en/approval.json';
import enCounter from './en/counter.json';
import enDesk from './en/desk.json';
import enDevices from './en/devices.json';
import enAllowance from './en/allowance.json';
import enMemberApp from './en/memberApp.json';
import enMemberCode from './en/memberCode.json';
import enOrders from './en/orders.json';
import enReceipt from './en/receipt.json';
import enScan from './en/scan.json';
import enShift from './en/shift.json';
import enHqStaff from './en/hqStaff.json';
import enHqAudit from './en/hqAudit.json';
import zhHqStaff from './zh-CN/hqStaff.json';
import zhHqAudit from './zh-CN/hqAudit.json';
import enHqRules from './en/hqRules.json';
import zhHqRules from './zh-CN/hqRules.json';
import enHqCampaigns from './en/hqCampaigns.json';
import zhHqCampaigns from './zh-CN/hqCampaigns.json';
import zhBase from './zh-CN.json';
import zhHqJobs from './zh-CN/hqJobs.json';
import zhApproval from './zh-CN/approval.json';
import zhCounter from './zh-CN/counter.json';
import zhDesk from './zh-CN/desk.json';
import zhDevices from './zh-CN/devices.json';
import zhAllowance from './zh-CN/allowance.json';
import zhMemberApp from './zh-CN/memberApp.json';
import zhMemberCode from './zh-CN/memberCode.json';
import zhOrders from './zh-CN/orders.json';
import zhReceipt from './zh-CN/receipt.json';
import zhScan from './zh-CN/scan.json';
import zhShift from './zh-CN/shift.json';
import zhHqCatalog from './zh-CN/hqCatalog.json';
import enHqCatalog from './en/hqCatalog.json';
import zhHqInventory from './zh-CN/hqInventory.json';
import enHqInventory from './en/hqInventory.json';
import zhHqReportsMembers from './zh-CN/hqReportsMembers.json';
import enHqReportsMembers from './en/hqReportsMembers.json';
import zhHqReports from './zh-CN/hqReports.json';
import enHqReports from './en/hqReports.json';

export const zhCN = { ...zhBase, hqMembers: zhHqMembers, hqJobs: zhHqJobs, hqRollups: zhHqRollups, approval: zhApproval, counter: zhCounter, desk: zhDesk, devices: zhDevices, allowance: zhAllowance, memberApp: zhMemberApp, memberCode: zhMemberCode, orders: zhOrders, receipt: zhReceipt, scan: zhScan, shift: zhShift, hqCatalog: zhHqCatalog, hqStaff: zhHqStaff, hqAudit: zhHqAudit, hqRules: zhHqRules, hqCampaigns: zhHqCampaigns, hqInventory: zhHqInventory, hqReportsMembers: zhHqReportsMembers, hqReports: zhHqReports };
export const en = { ...enBase, hqMembers: enHqMembers, hqJobs: enHqJobs, hqRollups: enHqRollups, approval: enApproval, counter: enCounter, desk: enDesk, devices: enDevices, allowance: enAllowance, memberApp: enMemberApp, memberCode: enMemberCode, orders: enOrders, receipt: enReceipt, scan: enScan, shift: enShift, hqCatalog: enHqCatalog, hqStaff: enHqStaff, hqAudit: enHqAudit, hqRules: enHqRules, hqCampaigns: enHqCampaigns, hqInventory: enHqInventory, hqReportsMembers: enHqReportsMembers, hqReports: enHqReports };
