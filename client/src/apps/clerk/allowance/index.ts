export { DevicePanel } from './device-panel';
export { RENEW_EVERY_MS, useAllowanceKeeper, useOwnAllowance, useOwnAllowances } from './use-allowances';
