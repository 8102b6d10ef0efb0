import { birthdaysDue } from '../../shared/domain/birthday-coupon';
import { birthdayGreeting, expiryReminders, type DueNotification } from '../../shared/domain/notification-reminders';
import { accountStub } from '../services/accounts';
import { enqueueStatements } from '../notify/enqueue';
import { countPage, eachLimited, type JobContext, type JobDef } from './types';

const DAY = 86_400_000;
type Candidate = { id: string; birthday: string | null };

// Members with something expiring within 30 days (as their objects last projected it), or a birthday today.
const PAGE_SQL = `SELECT id, birthday FROM members WHERE id > ?1 AND status <> 'closed'
  AND ((next_expiry_at > ?2 AND next_expiry_at <= ?3) OR (birthday IS NOT NULL AND substr(birthday, 6) IN (SELECT value FROM json_each(?4))))
  ORDER BY id LIMIT ?5`;

/**
 * Daily reminders (decision 020): points, punch cards and coupons 30 and 7 days before they expire,
 * and the birthday greeting with the year's birthday coupon. What can expire lives in the member's
 * object, so the job asks it (only members whose projected next expiry is within 30 days, or whose
 * birthday it is). Each reminder's event id names the thing and the window
 * (`points-expiring:<member>:<day>:30d`, `birthday-greeting:<year>:<member>`): a run twice, or
 * every day of a window, enqueues it once.
 */
export const notifyReminders: JobDef = {
  name: 'notify-reminders',
  applies: () => true,
  async page(ctx: JobContext, after: string | null, limit: number) {
    const d1 = ctx.env.DB;
    const rows = (await d1.prepare(PAGE_SQL).bind(after ?? '', ctx.now, ctx.now + 30 * DAY, JSON.stringify(birthdaysDue(ctx.period, 0, 0)), limit).all<Candidate>()).results;
    const due: (DueNotification & { memberId: string })[] = [];
    const results = await eachLimited(rows, 16, async (m) => {
      const a = await accountStub(ctx.env, m.id).account(ctx.now);
      const mine = [...expiryReminders(m.id, a, ctx.now)];
      const greeting = birthdayGreeting(m.id, m.birthday, ctx.period, a.coupons);
      if (greeting) mine.push(greeting);
      due.push(...mine.map((n) => ({ ...n, memberId: m.id })));
      return mine.length > 0;
    });
    const stmts = enqueueStatements(d1, due, ctx.now);
    if (stmts.length) await d1.batch(stmts);
    return countPage(results, rows.length, rows.length < limit ? null : rows.at(-1)!.id);
  },
};
