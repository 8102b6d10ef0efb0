/**
 * The UI strings: a base file per language plus one file per feature (so features are written
 * side by side without touching one file), merged under the feature's name: `counter.pay`.
 */
import enBase from './en.json';
import enHqJobs from './en/hqJobs.json';
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

export const zhCN = { ...zhBase, hqJobs: zhHqJobs, approval: zhApproval, counter: zhCounter, desk: zhDesk, devices: zhDevices, allowance: zhAllowance, memberApp: zhMemberApp, memberCode: zhMemberCode, orders: zhOrders, receipt: zhReceipt, scan: zhScan, shift: zhShift };
export const en = { ...enBase, hqJobs: enHqJobs, approval: enApproval, counter: enCounter, desk: enDesk, devices: enDevices, allowance: enAllowance, memberApp: enMemberApp, memberCode: enMemberCode, orders: enOrders, receipt: enReceipt, scan: enScan, shift: enShift };
