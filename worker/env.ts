import type { Actor } from '../shared/domain/authz';

/** Hono environment shared by every router: bindings from `wrangler types`, plus request state. */
export type AppEnv = {
  Bindings: Env;
  Variables: {
    actor: Actor;
  };
};
