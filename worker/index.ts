import { app } from './app';
import { runScheduled } from './scheduled';

export { MemberAccount } from './durable/member-account';
export { SyncHub } from './durable/sync-hub';
export { BenchBaseline } from './durable/bench-baseline';
export { Projector } from './durable/projector';
export { ClientGroup } from './durable/client-group';

export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(runScheduled(env, controller.scheduledTime));
  },
} satisfies ExportedHandler<Env>;
