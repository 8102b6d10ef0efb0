export * from './common';
export * from './auth';
export * from './store';
export * from './member';
export * from './me';
export * from './account';
export * from './order';
export * from './rules';
