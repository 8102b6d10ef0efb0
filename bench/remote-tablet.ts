// A second tablet for bench/sync.ts, on its own thread: two tablets are two devices, so store 2's
// tablet must not share an event loop with store 1's. Driven by messages from the bench.
import { parentPort } from 'node:worker_threads';
import { ulid } from 'ulid';
import { initialSync, login, openTablet, waitFor, type Tablet } from '../client/src/lib/sync/harness';
import { keys, prefixes } from '../shared/sync/keys';
import type { Member } from '../shared/schemas/member';

type Msg = { type: 'open'; base: string; username: string } | { type: 'visit'; memberId: string } | { type: 'watch'; memberId: string } | { type: 'close' };

const now = () => performance.timeOrigin + performance.now();
const memberOf = (id: string) => (tx: { get(k: string): Promise<unknown> }) => tx.get(keys.member(id)) as Promise<Member | undefined>;
let t: Tablet;
let marks: Record<string, number> = {};
const port = parentPort!;

port.on('message', async (m: Msg) => {
  if (m.type === 'open') {
    t = openTablet(m.base, await login(m.base, m.username), { trace: (e) => void (marks[e] ??= now()) });
    const t0 = now();
    await initialSync(t.rep, 60_000);
    const members = (await t.rep.query((tx) => tx.scan({ prefix: prefixes.member }).keys().toArray())).length;
    await t.pokes?.opened();
    port.postMessage({ type: 'ready', syncMs: now() - t0, members });
  } else if (m.type === 'visit') {
    await t.rep.mutate.checkout({ id: ulid(), storeId: 'store-2', memberId: m.memberId, createdAt: Date.now(), note: '', lines: [{ productId: 'p-401', quantity: 1 }], tenders: [{ kind: 'cash', amountFen: 8900, reference: '' }] });
    await waitFor(t.rep, memberOf(m.memberId), (x) => x?.lastVisitStoreId === 'store-2', 15_000);
    port.postMessage({ type: 'visited' });
  } else if (m.type === 'watch') {
    marks = {};
    const above = (await t.rep.query(memberOf(m.memberId)))?.principalFen ?? 0;
    const seen = waitFor(t.rep, memberOf(m.memberId), (x) => (x?.principalFen ?? 0) > above, 15_000);
    port.postMessage({ type: 'watching' });
    await seen;
    port.postMessage({ type: 'seen', at: now(), marks });
  } else {
    await t.close();
    port.postMessage({ type: 'closed' });
  }
});
