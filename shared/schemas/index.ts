export * from './common';
export * from './auth';
export * from './store';
export * from './member';
export * from './me';
