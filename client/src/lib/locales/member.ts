/**
 * The member app's strings only: the base file plus the features the phone shows (its own, the
 * member code, receipt labels, the offline-allowance note). The tablets' features (counter, desk,
 * shifts…) stay out of the phone's bundle (its 200 KiB budget).
 */
import enBase from './en.json';
import enAllowance from './en/allowance.json';
import enMemberApp from './en/memberApp.json';
import enMemberCode from './en/memberCode.json';
import enReceipt from './en/receipt.json';
import zhBase from './zh-CN.json';
import zhAllowance from './zh-CN/allowance.json';
import zhMemberApp from './zh-CN/memberApp.json';
import zhMemberCode from './zh-CN/memberCode.json';
import zhReceipt from './zh-CN/receipt.json';

export const memberZhCN = { ...zhBase, allowance: zhAllowance, memberApp: zhMemberApp, memberCode: zhMemberCode, receipt: zhReceipt };
export const memberEn = { ...enBase, allowance: enAllowance, memberApp: enMemberApp, memberCode: enMemberCode, receipt: enReceipt };
