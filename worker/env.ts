import type { Actor } from '../shared/domain/authz';
import type { DeviceRef } from './services/devices';

/** Hono environment shared by every router: bindings from `wrangler types`, plus request state. */
export type AppEnv = {
  Bindings: Env;
  Variables: {
    actor: Actor;
    /** The registered tablet the request came from (its credential header checked), or null. */
    device: DeviceRef | null;
  };
};
