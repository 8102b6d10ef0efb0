// Wire constants the apps need without the zod schemas around them (the member app bundles no zod).

/** Replicache schemaVersion of the sync protocol (shared/sync/protocol.ts). */
export const SYNC_SCHEMA_VERSION = '1';
/** The header a registered tablet sends with every request: `<deviceId>.<secret>` (decision 015). */
export const DEVICE_HEADER = 'x-device';
