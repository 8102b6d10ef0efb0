import { DurableObject } from 'cloudflare:workers';
import type { Actor } from '../../shared/domain/authz';
import { DomainError } from '../../shared/errors';
import type { PullRequest, PullResponse, PushRequest, PushResponse } from '../../shared/sync/protocol';
import { openDb } from '../db/client';
import { loadMeta, migrate, saveMeta, type Meta } from '../sync/cvr-store';
import { channels, poke } from '../sync/poke';
import { processPull } from '../sync/pull';
import { processPush, TransientPushError } from '../sync/push';
import type { DeviceRef } from '../services/devices';
import { channelFor, retentionFor, viewFor } from '../sync/views';

const ownerOf = (a: Actor) => `${a.kind}:${a.id}`;
// What the view is built from: if a clerk moves store or changes role, the record no longer
// describes what they may hold, and the group starts over. Bump the suffix when a view's shape changes.
const viewOf = (a: Actor) => (a.kind === 'staff' ? `staff:${a.role}:${a.storeId ?? ''}` : 'member') + ':v3';

/** What crosses back from the object: errors as values (a thrown error loses its class over RPC). */
export type GroupAnswer<T> = { ok: T } | { refused: { code: 'FORBIDDEN'; message: string } } | { retry: string };

/**
 * One per Replicache client group (idFromName(clientGroupID)). It serializes the group's pushes
 * and pulls, and keeps its clients' last mutation ids and its view record (docs/decisions/009).
 */
/**
 * A group nobody has pushed to or pulled for this long (a replaced tablet, a cleared browser) is
 * deleted. Long, because a tablet's queued sales belong to its group: 90 days is far past any
 * offline stretch a store would allow.
 */
const IDLE_MS = 90 * 86_400_000;

export class ClientGroup extends DurableObject<Env> {
  private queue: Promise<unknown> = Promise.resolve();
  // When the idle alarm is set for (undefined: not read yet), so most requests write nothing for it.
  private alarmAt: number | null | undefined = undefined;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    ctx.blockConcurrencyWhile(async () => migrate(ctx.storage.sql));
  }

  /** One at a time: awaiting D1 or another object opens the input gate, so order is kept here. */
  private serially<T>(f: () => Promise<T>): Promise<T> {
    const run = this.queue.then(f, f);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The group's record, created for `actor` on first use; another user's request is refused. */
  private own(actor: Actor, create: boolean): Meta | null {
    const sql = this.ctx.storage.sql;
    const meta = loadMeta(sql);
    if (meta && meta.owner !== ownerOf(actor)) throw new DomainError('FORBIDDEN', 'This client group belongs to another user');
    if (meta || !create) return meta;
    const fresh: Meta = { owner: ownerOf(actor), view: viewOf(actor), expiredAt: Date.now(), version: 0, scannedAt: null, initSource: 0, initAfter: '', initFrom: 0, scan: null };
    saveMeta(sql, fresh);
    return fresh;
  }

  /** `retry`: a mutation failed for a passing reason; what came before it is kept, and the client pushes again. */
  push(actor: Actor, req: PushRequest, device: DeviceRef | null = null): Promise<GroupAnswer<PushResponse>> {
    return this.answer(async () => {
      const meta = this.own(actor, true)!;
      const { response, touched } = await processPush(this.ctx.storage.sql, this.env, actor, meta, req, device);
      if (req.mutations.length > 0) void poke(this.env, [channelFor(actor), ...[...touched].map(channels.store)]);
      return response;
    });
  }

  private answer<T>(f: () => Promise<T>): Promise<GroupAnswer<T>> {
    return this.serially(async () => {
      try {
        await this.stillInUse();
        return { ok: await f() };
      } catch (e) {
        if (e instanceof TransientPushError) return { retry: e.message };
        if (e instanceof DomainError && e.code === 'FORBIDDEN') return { refused: { code: 'FORBIDDEN' as const, message: e.message } };
        throw e;
      }
    });
  }

  private async stillInUse(): Promise<void> {
    const want = Date.now() + IDLE_MS;
    if (this.alarmAt === undefined) this.alarmAt = await this.ctx.storage.getAlarm();
    if (this.alarmAt !== null && this.alarmAt > want - 86_400_000) return;
    await this.ctx.storage.setAlarm(want);
    this.alarmAt = want;
  }

  override async alarm(): Promise<void> {
    await this.serially(async () => {
      this.alarmAt = null;
      await this.ctx.storage.deleteAll();
      migrate(this.ctx.storage.sql);
    });
  }

  /** Drops everything this group knew (local dev and tests: a server that lost a client's state). */
  forget(): Promise<void> {
    return this.serially(async () => {
      this.alarmAt = undefined;
      await this.ctx.storage.deleteAll();
      migrate(this.ctx.storage.sql);
    });
  }

  pull(actor: Actor, req: PullRequest): Promise<GroupAnswer<PullResponse>> {
    return this.answer(async () => {
      const base = typeof req.cookie === 'object' && req.cookie !== null ? req.cookie.order : 0;
      const known = req.cookie !== null;
      const meta = this.own(actor, !known);
      // The client remembers a state this group no longer has (forgotten, or restored from backup),
      // or the user's store or role changed: the client starts a new group and a fresh view.
      if (meta && meta.view !== viewOf(actor)) {
        this.alarmAt = undefined;
        await this.ctx.storage.deleteAll();
        migrate(this.ctx.storage.sql);
        return { error: 'ClientStateNotFound' as const };
      }
      if (!meta || base > meta.version) return { error: 'ClientStateNotFound' as const };
      const sql = this.ctx.storage.sql;
      const db = openDb(this.env.DB);
      const { meta: after, response } = await processPull(db, sql, meta, viewFor(this.env, db, actor), base, Number(this.env.SYNC_PAGE_ROWS) || undefined, retentionFor(actor));
      saveMeta(sql, after);
      return response;
    });
  }
}
