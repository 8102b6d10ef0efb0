import type { MutatorInput, MutatorName } from '../../shared/sync/mutator-args';
import type { Mutators } from '../../shared/sync/mutators';
import type { Cookie, PatchOp } from '../../shared/sync/protocol';
import { SYNC_SCHEMA_VERSION } from '../../shared/sync/protocol';
import { keys } from '../../shared/sync/keys';
import { memTx, type View } from './mem-tx';

export type Answer = { status: number; json: any };
/** One request over the (faulty) network: null when the client saw it fail; `late` hears a held copy's answer. */
export type Send = (path: 'push' | 'pull', body: unknown, late?: (a: Answer) => Promise<unknown>) => Promise<Answer | null>;
export type Pending = { clientID: string; id: number; name: MutatorName; args: unknown; timestamp: number };
export type PullResult = 'applied' | 'more' | 'stale' | 'failed' | 'reset';

/** Mutations per push request, as the apps' pusher slices a long queue (client/src/lib/sync/cloud-sync.ts). */
const PUSH_SLICE = 100;
const order = (c: Cookie) => (c && typeof c === 'object' ? c.order : 0);

/**
 * Replicache 15 as the tablets run it, reduced to what the protocol shows (the real client needs
 * a browser-like runtime that this workerd pool does not give, and its timers would make runs
 * unrepeatable). Mutations are numbered per client from 1; a push carries every pending
 * mutation of the group, whichever client made it; a pull applies only if it was asked from the
 * state the client still has, drops the mutations the server confirmed and replays the rest on
 * the new snapshot. A reload keeps the group, its snapshot and its pending mutations (IndexedDB)
 * and starts a new client, as Replicache does. What Replicache would complain about (a patch
 * with an unchanged cookie, ids or cookies going backwards) is reported to `complain`.
 */
export class ModelRep {
  clientID: string;
  cookie: Cookie = null;
  pending: Pending[] = [];
  view: View = new Map();
  lmids: Record<string, number> = {};
  reset = false;
  private base: View = new Map();
  private made: Record<string, number> = {};

  constructor(readonly groupID: string, clientID: string, private mutators: Mutators, private send: Send, private complain: (what: string) => void) {
    this.clientID = clientID;
  }

  /** Runs the shared mutator on the local view; a refusal throws and queues nothing. */
  async mutate<K extends MutatorName>(name: K, args: MutatorInput<K>): Promise<Pending> {
    const id = (this.made[this.clientID] ?? 0) + 1;
    const work = new Map(this.view);
    await (this.mutators[name] as (tx: unknown, a: unknown) => Promise<void>)(memTx(work, this.clientID, id), args);
    this.made[this.clientID] = id;
    const m: Pending = { clientID: this.clientID, id, name, args: JSON.parse(JSON.stringify(args)), timestamp: id };
    this.pending.push(m);
    this.view = work;
    return m;
  }

  async push(): Promise<'ok' | 'none' | 'failed' | 'reset'> {
    if (this.pending.length === 0) return 'none';
    for (let i = 0; i < this.pending.length; i += PUSH_SLICE) {
      const body = { pushVersion: 1, clientGroupID: this.groupID, profileID: 'sim', schemaVersion: SYNC_SCHEMA_VERSION, mutations: this.pending.slice(i, i + PUSH_SLICE) };
      const a = await this.send('push', body);
      if (!a || a.status !== 200) return 'failed';
      if (a.json?.error === 'ClientStateNotFound') return this.forgotten('push');
    }
    return 'ok';
  }

  async pull(): Promise<PullResult> {
    const asked = this.cookie;
    const body = { pullVersion: 1, clientGroupID: this.groupID, cookie: asked, profileID: 'sim', schemaVersion: SYNC_SCHEMA_VERSION };
    const a = await this.send('pull', body, (late) => this.receive(asked, late));
    return a ? this.receive(asked, a) : 'failed';
  }

  /** Pulls while the server says more is coming (the app does the same); false if one failed. */
  async pullAll(max = 20): Promise<boolean> {
    for (let i = 0; i < max; i++) {
      const r = await this.pull();
      if (r === 'failed' || r === 'reset') return false;
      if (r !== 'more') return true;
    }
    this.complain('the view was still paging in after 20 pulls');
    return false;
  }

  /** The app reloaded: a new client in the same group, its queue recovered from storage. */
  reload(clientID: string): void {
    this.clientID = clientID;
  }

  private forgotten(where: string): 'reset' {
    // The app would reload into a new client group and lose this queue: the server must never forget a group in use.
    this.complain(`ClientStateNotFound on ${where} for group ${this.groupID} with ${this.pending.length} pending`);
    this.reset = true;
    return 'reset';
  }

  private async receive(asked: Cookie, a: Answer): Promise<PullResult> {
    if (a.status !== 200) return 'failed';
    if (a.json?.error === 'ClientStateNotFound') return this.forgotten('pull');
    // Replicache drops an answer to a pull made from a snapshot the client has since left.
    if (JSON.stringify(asked) !== JSON.stringify(this.cookie)) return 'stale';
    const r = a.json as { cookie: Cookie; lastMutationIDChanges: Record<string, number>; patch: PatchOp[] };
    if (order(r.cookie) < order(asked)) this.complain(`pull cookie went back from ${order(asked)} to ${order(r.cookie)}`);
    if (order(r.cookie) === order(asked) && r.patch.length > 0) this.complain(`a patch of ${r.patch.length} with an unchanged cookie ${order(asked)}`);
    else for (const op of r.patch) {
      if (op.op === 'clear') this.base.clear();
      else if (op.op === 'put') this.base.set(op.key, op.value);
      else this.base.delete(op.key);
    }
    for (const [c, id] of Object.entries(r.lastMutationIDChanges)) {
      if (id < (this.lmids[c] ?? 0)) this.complain(`lastMutationID of ${c} went back from ${this.lmids[c]} to ${id}`);
      if (id > (this.made[c] ?? 0)) this.complain(`the server confirmed ${c}/${id}, which this group never made`);
      this.lmids[c] = Math.max(id, this.lmids[c] ?? 0);
    }
    this.pending = this.pending.filter((m) => m.id > (this.lmids[m.clientID] ?? 0));
    this.cookie = r.cookie;
    await this.rebase();
    return (this.base.get(keys.meta()) as { more?: boolean } | undefined)?.more ? 'more' : 'applied';
  }

  /** The server's snapshot with the unconfirmed mutations replayed on it, as Replicache rebases. */
  private async rebase(): Promise<void> {
    let view = new Map(this.base);
    for (const m of this.pending) {
      const work = new Map(view);
      // A mutator that refuses on replay writes nothing and stays queued: the server decides it.
      const ok = await (this.mutators[m.name] as (tx: unknown, a: unknown) => Promise<void>)(memTx(work, m.clientID, m.id), m.args).then(() => true, () => false);
      if (ok) view = work;
    }
    this.view = view;
  }
}
