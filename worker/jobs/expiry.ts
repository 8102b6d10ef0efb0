import { accountStub } from '../services/accounts';
import { countPage, eachLimited, type JobContext, type JobDef } from './types';

type Candidate = { id: string; ledger_seq: number };

// Members whose next expiry (as their object last projected it) has passed, or is not known yet.
const PAGE_SQL = `SELECT id, ledger_seq FROM members WHERE id > ?1 AND (next_expiry_at <= ?2 OR (next_expiry_at IS NULL AND ledger_seq > 0))
  ORDER BY id LIMIT ?3`;
// Only if no later projection has moved the row on meanwhile.
const WRITE_BACK = 'UPDATE members SET next_expiry_at = ? WHERE id = ? AND ledger_seq <= ?';

/**
 * Nightly points, coupon and punch-card expiry (decision 019). Each member's object already expires
 * what is due from its own alarm; this job is the check behind it: it asks the objects whose
 * projected next expiry has passed (a lost alarm, an object that never woke) to expire what is due
 * now, with the op id `expire:<day>`, and writes back when their next expiry is. Run twice, the
 * second run finds nothing due (or replays the same op id), so balances move once.
 */
export const expiry: JobDef = {
  name: 'expiry',
  applies: () => true,
  async page(ctx: JobContext, after: string | null, limit: number) {
    const d1 = ctx.env.DB;
    const rows = (await d1.prepare(PAGE_SQL).bind(after ?? '', ctx.now, limit).all<Candidate>()).results;
    const backs: D1PreparedStatement[] = [];
    const results = await eachLimited(rows, 16, async (m) => {
      const r = await accountStub(ctx.env, m.id).expireDue(ctx.now, `expire:${ctx.period}`);
      backs.push(d1.prepare(WRITE_BACK).bind(r.nextExpiryAt, m.id, r.seq));
      return r.expired;
    });
    if (backs.length) await d1.batch(backs);
    return countPage(results, rows.length, rows.length < limit ? null : rows.at(-1)!.id);
  },
};
