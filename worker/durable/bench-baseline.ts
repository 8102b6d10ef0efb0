import { DurableObject } from 'cloudflare:workers';

/**
 * Benchmark baseline only (bench/settlement.ts, local development): the least a balance-keeping
 * object can do — read, check, update, insert in one transaction — to compare the real settlement
 * path against in the same run. Its route answers 404 outside development.
 */
export class BenchBaseline extends DurableObject<Env> {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    // Opening an existing object reads one row of the schema, as MemberAccount's migrate() does.
    if (ctx.storage.sql.exec(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'log'`).toArray().length) return;
    ctx.storage.sql.exec(`CREATE TABLE IF NOT EXISTS bal (id INTEGER PRIMARY KEY, fen INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS log (op TEXT PRIMARY KEY, fen INTEGER NOT NULL);
      INSERT OR IGNORE INTO bal (id, fen) VALUES (1, 1000000000000);`);
  }

  spend(op: string, fen: number): { ok: boolean; balance: number } {
    return this.ctx.storage.transactionSync(() => {
      const bal = this.ctx.storage.sql.exec<{ fen: number }>('SELECT fen FROM bal WHERE id = 1').one().fen;
      if (bal < fen) return { ok: false, balance: bal };
      this.ctx.storage.sql.exec('UPDATE bal SET fen = fen - ? WHERE id = 1', fen);
      this.ctx.storage.sql.exec('INSERT INTO log (op, fen) VALUES (?, ?)', op, fen);
      return { ok: true, balance: bal - fen };
    });
  }
}
