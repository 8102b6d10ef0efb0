export * from './org';
export * from './members';
export * from './catalog';
export * from './sales';
export * from './system';
export * from './accounts';
export * from './promotions';
export * from './jobs';
