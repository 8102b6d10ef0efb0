import type { Rng } from '../../scripts/seed/rng';
import { DEVICE_HEADER } from '../../shared/schemas/device';
import type { Answer, Send } from './model-rep';
import { callWorker } from './call-worker';

export type Tally = Record<string, number>;
export const count = (t: Tally, kind: string, n = 1) => void (t[kind] = (t[kind] ?? 0) + n);

/** Who sends: a tablet's or phone's session, its device credential, and whether it has a network at all. */
export type Conn = { token: string; device: string | null; ip: string; online: () => boolean };
type Held = { path: string; body: unknown; conn: Conn; late?: (a: Answer) => Promise<unknown> };

/**
 * The network between the devices and the worker, faulty by seed. A request may be dropped
 * before it arrives, arrive and lose its answer (the server committed, the client retries), arrive
 * twice, or be held and arrive later, after newer requests (a timed-out request that was only
 * slow): its answer then reaches the client late, as a stale one would. Offline, nothing leaves.
 */
export class Network {
  private held: Held[] = [];

  constructor(private rng: Rng, private rate: number, private tally: Tally) {}

  /** Transport of a sync client (push and pull). */
  sender(conn: Conn): Send {
    return (path, body, late) => this.request(`/api/replicache/${path}`, body, conn, late, true);
  }

  /** A REST call from a device (the desk's account read, HQ's operations). */
  rest(conn: Conn, path: string, body?: unknown): Promise<Answer | null> {
    return this.request(path, body, conn, undefined, false);
  }

  private async request(path: string, body: unknown, conn: Conn, late: Held['late'], mayHold: boolean): Promise<Answer | null> {
    if (!conn.online()) return null;
    if (!this.rng.chance(this.rate)) return this.deliver(path, body, conn);
    const fault = this.rng.weighted<string>([['drop', 3], ['lost-response', 3], ['duplicate', 2], ['delay', mayHold ? 2 : 0]]);
    count(this.tally, `net:${fault}`);
    if (fault === 'drop') return null;
    if (fault === 'delay') {
      this.held.push({ path, body, conn, late });
      return null;
    }
    const first = await this.deliver(path, body, conn);
    if (fault === 'lost-response') return null;
    const second = await this.deliver(path, body, conn);
    // Both answers reach the client, in order; it handles the first, then the second as it can.
    if (late) await late(first);
    return second;
  }

  /** Delivers some held requests now (all at heal), in a seeded order: later than newer ones, and reordered among themselves. */
  async tick(all = false): Promise<void> {
    const due = all ? this.held.splice(0) : this.held.filter(() => this.rng.chance(0.4));
    if (!all) this.held = this.held.filter((h) => !due.includes(h));
    for (let i = due.length - 1; i > 0; i--) {
      const j = this.rng.int(0, i);
      [due[i], due[j]] = [due[j]!, due[i]!];
    }
    for (const h of due) {
      const a = await this.deliver(h.path, h.body, h.conn);
      if (h.late) await h.late(a);
    }
  }

  /** Heal: from now on every request arrives once and is answered. */
  calm(): void {
    this.rate = 0;
  }

  get heldCount(): number {
    return this.held.length;
  }

  private async deliver(path: string, body: unknown, conn: Conn): Promise<Answer> {
    const headers: Record<string, string> = { authorization: `Bearer ${conn.token}`, 'cf-connecting-ip': conn.ip };
    if (conn.device) headers[DEVICE_HEADER] = conn.device;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await callWorker(path, { method: body === undefined ? 'GET' : 'POST', headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    let json: unknown = text;
    try {
      json = JSON.parse(text);
    } catch {
      // not JSON: kept as text for the report
    }
    return { status: res.status, json };
  }
}
