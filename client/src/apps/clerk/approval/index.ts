/** Manager approvals at the counter (decision 013): the PIN dialog, and a manager's own PIN form. */
export { ApprovalProvider, useApproval, type GivenApproval, type RequestApproval } from './approval-context';
export { ApprovalPinForm } from './approval-pin-form';
export { selfApproves } from './approvers';
