import { DurableObject } from 'cloudflare:workers';
import { sql } from 'drizzle-orm';
import { openDb, type Db } from '../db/client';
import { accountOps } from '../db/schema';
import { preparedQuery, runBatch } from '../db/statements';
import { channels, poke } from '../sync/poke';
import { isAlreadyProjected, storesReturned, tierReturned, type ProjectionDoc } from './account-projection';
import { projectionBatchOf } from './projection-batch';
import { VISIT_DAYS } from '../sync/policy';

type Job = { docs: ProjectionDoc[]; seen: string[]; resolve: (r: { tier: string | null }) => void; reject: (e: unknown) => void };

const projectedOps = preparedQuery((db) => db.select({ opId: accountOps.opId }).from(accountOps).where(sql`${accountOps.opId} IN (SELECT value FROM json_each(${sql.placeholder('ids')}))`).prepare());

// D1 caps a batch's size; a few hundred statements stay well inside it.
const MAX_STATEMENTS = 400;

/**
 * Group commit for the D1 projection. Member objects hand their outbox documents here instead of
 * writing D1 themselves: whatever arrives while one D1 batch is in flight goes out together in the
 * next. D1 is one single-writer SQLite database, and the cost of a write is mostly per batch, so
 * 1,000 members settling at once share commits the way one member's burst always did.
 * It keeps nothing: a member object's outbox row stays until `project` resolves, so a crash here
 * costs a retry, never a document.
 */
export class Projector extends DurableObject<Env> {
  private waiting: Job[] = [];
  private running = false;

  /**
   * Resolves once every document is in D1 (written now, or found there already); with the member's
   * tier. `seen`: ops that may be in D1 already (a restarted object's leftovers), looked up first.
   */
  project(docs: ProjectionDoc[], seen: string[] = []): Promise<{ tier: string | null }> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ docs, seen, resolve, reject });
      if (!this.running) void this.run();
    });
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      while (this.waiting.length) await this.write(this.take());
    } finally {
      this.running = false;
    }
  }

  private take(): Job[] {
    let n = 0, statements = 0;
    while (n < this.waiting.length && (n === 0 || statements < MAX_STATEMENTS)) statements += this.waiting[n++]!.docs.length * 10;
    return this.waiting.splice(0, n);
  }

  private async write(taken: Job[]): Promise<void> {
    const db = openDb(this.env.DB);
    const now = Date.now();
    let jobs: Job[];
    try {
      jobs = await this.withoutProjected(db, taken);
    } catch (e) {
      for (const j of taken) j.reject(e);
      return;
    }
    if (jobs.length === 0) return;
    // Read in the same batch: which stores' tablets hold these members (for the pokes).
    const { stmts, balanceAt } = projectionBatchOf(db, jobs.flatMap((j) => j.docs), now, now - VISIT_DAYS * 86_400_000);
    try {
      const results = await runBatch(db, stmts);
      let at = 0;
      for (const j of jobs) {
        const mine = balanceAt.slice(at, (at += j.docs.length));
        j.resolve({ tier: tierReturned(mine.map((i) => results[i]!)) });
      }
      this.pokeFor(jobs, results);
      return;
    } catch (e) {
      if (!isAlreadyProjected(e) && jobs.length === 1) {
        jobs[0]!.reject(e);
        return;
      }
    }
    // A document was projected before (its member object restarted after D1 committed, or retried),
    // or one document fails: one by one, so each repeat is skipped, a bad one fails alone and the
    // rest still land.
    for (const j of jobs) {
      try {
        let tier: string | null = null;
        for (const d of j.docs) {
          try {
            tier = tierReturned(await runBatch(db, projectionBatchOf(db, [d], now).stmts)) ?? tier;
          } catch (e) {
            if (!isAlreadyProjected(e)) throw e;
          }
        }
        j.resolve({ tier });
      } catch (e) {
        j.reject(e);
      }
    }
    this.pokeFor(jobs, []);
  }

  /** The jobs less the documents of `seen` ops D1 has (one read for the whole group). */
  private async withoutProjected(db: Db, jobs: Job[]): Promise<Job[]> {
    const seen = jobs.flatMap((j) => j.seen);
    if (seen.length === 0) return jobs;
    const there = new Set((await projectedOps(db).all({ ids: JSON.stringify(seen) })).map((r) => r.opId));
    return jobs.flatMap((j) => {
      const docs = j.docs.filter((d) => !there.has(d.op.opId));
      if (docs.length === 0) j.resolve({ tier: null });
      return docs.length ? [{ ...j, docs }] : [];
    });
  }

  /** Once D1 has the change, the tablets and phones that hold these members pull (not awaited). */
  private pokeFor(jobs: Job[], results: D1Result[]): void {
    const list = storesReturned(results).map(channels.store);
    for (const j of jobs) for (const d of j.docs) {
      list.push(channels.member(d.memberId));
      if (d.op.storeId) list.push(channels.store(d.op.storeId));
    }
    void poke(this.env, list);
  }
}
