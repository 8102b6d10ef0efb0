import type { AccountView } from '../../shared/schemas/account-api';
import type { SyncedAllowance } from '../../shared/schemas/device';
import type { Member } from '../../shared/schemas/member';
import { createMutators } from '../../shared/sync/mutators';
import { isMutatorName, refIdOf, type MutatorInput, type MutatorName } from '../../shared/sync/mutator-args';
import { keys, prefixes } from '../../shared/sync/keys';
import type { Actor } from '../../shared/domain/authz';
import type { Book } from './book';
import { rowsUnder } from './mem-tx';
import { ModelRep } from './model-rep';
import type { Conn, Network } from './network';

export type DeviceSpec = { name: string; actor: Actor; token: string; storeId: string | null; device: { id: string; credential: string } | null; skewMs: number; ip: string };

/**
 * A tablet at a counter (or a member's phone, with no store): the apps' shared mutators on a
 * Replicache-like client, its own clock, a network switch, and what its desk last read online
 * (punch cards and coupons are read from GET /api/members/:id/account, as the clerk app does).
 * Online, a mutation goes out at once (the app pushes with no delay); offline, it queues.
 */
export class Tablet {
  readonly rep: ModelRep;
  readonly conn: Conn;
  online = true;
  readonly desk = new Map<string, AccountView>();
  /** Members of other stores the clerk found online by their full phone number (the counter keeps them on screen). */
  readonly found = new Map<string, Member>();
  // Leases this tablet already gave back when asked (the app's allowance keeper remembers them too).
  private acked = new Set<string>();

  constructor(readonly spec: DeviceSpec, groupID: string, clientID: string, private net: Network, private book: Book, complain: (what: string) => void, private poked: () => boolean = () => true) {
    this.conn = { token: spec.token, device: spec.device?.credential ?? null, ip: spec.ip, online: () => this.online };
    this.rep = new ModelRep(groupID, clientID, createMutators({ actor: spec.actor, deviceId: spec.device?.id ?? null }), net.sender(this.conn), (w) => complain(`${spec.name}: ${w}`));
  }

  get storeId(): string {
    if (!this.spec.storeId) throw new Error(`${this.spec.name} has no store`);
    return this.spec.storeId;
  }

  /** The tablet's own clock (decision 015: it may be wrong). */
  now(): number {
    return Date.now() + this.spec.skewMs;
  }

  members(): Member[] {
    return rowsUnder<Member>(this.rep.view, prefixes.member);
  }

  allowance(memberId: string): SyncedAllowance | undefined {
    return this.spec.device ? (this.rep.view.get(keys.allowance(this.spec.device.id, memberId)) as SyncedAllowance | undefined) : undefined;
  }

  /** Runs a mutator as the screen would; a refusal on the tablet is returned (the clerk sees it), nothing queued. */
  async mutate<K extends MutatorName>(name: K, args: MutatorInput<K>, leased = false): Promise<{ refused: unknown } | { ok: true }> {
    try {
      const m = await this.rep.mutate(name, args);
      const a = m.args as Record<string, unknown>;
      const memberId = typeof a.memberId === 'string' ? a.memberId : name === 'registerMember' ? String(a.id) : null;
      if (memberId) this.book.touched.add(memberId);
      this.book.sent.push({ device: this.spec.name, clientID: m.clientID, id: m.id, name, refId: isMutatorName(name) ? refIdOf(name, a) : null, memberId, storeId: String(a.storeId ?? a.homeStoreId ?? ''), args: a, leased });
    } catch (e) {
      this.book.refusedOnTablet++;
      return { refused: e };
    }
    // The push pokes the tablet's own store: the app pulls at once (unless the poke is lost; it is a hint).
    if (this.online && (await this.rep.push()) === 'ok' && this.poked()) await this.rep.pullAll();
    return { ok: true };
  }

  /** Push, pull until complete, then give back what another branch asked for (behind the queue). */
  async sync(): Promise<boolean> {
    if ((await this.rep.push()) === 'failed') return false;
    if (!(await this.rep.pullAll())) return false;
    await this.answerAsks();
    return true;
  }

  async answerAsks(): Promise<void> {
    const dev = this.spec.device;
    if (!dev || !this.spec.storeId) return;
    const asked = rowsUnder<SyncedAllowance>(this.rep.view, `${prefixes.allowance}${dev.id}/`).filter((a) => a.releaseRequestedAt !== null && !this.acked.has(a.leaseId));
    if (asked.length === 0) return;
    for (const a of asked) this.acked.add(a.leaseId);
    await this.mutate('releaseAllowances', { id: this.book.nextId(), storeId: this.spec.storeId, leaseIds: asked.map((a) => a.leaseId) });
  }

  /** The counter's lookup by full phone: anyone in the chain, online only (decision 002). */
  async lookUp(phone: string): Promise<Member | undefined> {
    const a = await this.net.rest(this.conn, `/api/members?q=${phone}&limit=1`);
    const m = a?.status === 200 ? (a.json.members as Member[])[0] : undefined;
    if (m) this.found.set(m.id, m);
    return m;
  }

  /** The desk's online read of a member's account (punch cards, coupons); kept for when the network goes. */
  async readDesk(memberId: string): Promise<AccountView | undefined> {
    const a = await this.net.rest(this.conn, `/api/members/${memberId}/account`);
    if (a?.status === 200) this.desk.set(memberId, a.json as AccountView);
    return this.desk.get(memberId);
  }
}
