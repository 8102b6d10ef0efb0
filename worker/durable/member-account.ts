import { DurableObject } from 'cloudflare:workers';

export type AccountSummary = { principalFen: number; bonusFen: number; points: number };

/**
 * One per member (id = idFromName(memberId)): the only writer of that member's stored value,
 * points and punch cards. SQLite-backed so every operation and its ledger entry commit together.
 */
export class MemberAccount extends DurableObject<Env> {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    ctx.blockConcurrencyWhile(async () => {
      this.ctx.storage.sql.exec(
        `CREATE TABLE IF NOT EXISTS balances (
           id INTEGER PRIMARY KEY CHECK (id = 1),
           principal_fen INTEGER NOT NULL CHECK (principal_fen >= 0),
           bonus_fen INTEGER NOT NULL CHECK (bonus_fen >= 0),
           points INTEGER NOT NULL CHECK (points >= 0)
         )`,
      );
      this.ctx.storage.sql.exec('INSERT OR IGNORE INTO balances (id, principal_fen, bonus_fen, points) VALUES (1, 0, 0, 0)');
    });
  }

  summary(): AccountSummary {
    const row = this.ctx.storage.sql
      .exec<{ principal_fen: number; bonus_fen: number; points: number }>('SELECT principal_fen, bonus_fen, points FROM balances WHERE id = 1')
      .one();
    return { principalFen: row.principal_fen, bonusFen: row.bonus_fen, points: row.points };
  }
}
