import { z } from 'zod';
import { fenSchema, idSchema, timestampSchema } from './common';

export { DEVICE_HEADER } from '../sync/constants';

export const registerDeviceSchema = z.object({
  storeId: idSchema,
  name: z.string().trim().min(1, 'name the tablet (e.g. 前台1号机)').max(40),
});
export type RegisterDevice = z.infer<typeof registerDeviceSchema>;

export const deviceIdParamSchema = z.object({ id: idSchema });
export const retireDeviceSchema = z.object({ reason: z.string().trim().min(2, 'say why (lost, broken…)').max(200) });

/** A tablet, with what members' money it holds for offline use right now. */
export const deviceSchema = z
  .object({
    id: idSchema,
    storeId: idSchema,
    storeName: z.string(),
    name: z.string(),
    status: z.enum(['active', 'retired']),
    createdAt: timestampSchema,
    lastSeenAt: timestampSchema.nullable(),
    retiredAt: timestampSchema.nullable(),
    /** Open allowances: how many members, and how much of their money. */
    openAllowances: z.number().int().nonnegative(),
    outstandingFen: fenSchema,
    /** Brought in past an allowance or after retirement: the chain's loss, flagged. */
    writtenOffFen: fenSchema,
  })
  .meta({ id: 'Device' });
export type Device = z.infer<typeof deviceSchema>;

/** Registration answers the credential once; the tablet keeps it, the server only its hash. */
export const registeredDeviceSchema = z.object({ device: deviceSchema, credential: z.string() }).meta({ id: 'RegisteredDevice' });
export const deviceListSchema = z.object({ devices: z.array(deviceSchema) }).meta({ id: 'DeviceList' });

/** `allowance/<leaseId>` on a store's tablets: what a lease holds for one device and member. */
export const syncedAllowanceSchema = z.object({
  leaseId: z.string(),
  memberId: idSchema,
  deviceId: idSchema,
  heldFen: fenSchema,
  expiresAt: timestampSchema,
  /** Another branch asked for the money: the device stops spending under it and gives it back. */
  releaseRequestedAt: timestampSchema.nullable(),
});
export type SyncedAllowance = z.infer<typeof syncedAllowanceSchema>;
