import { birthdayCouponYear, birthdaysDue } from '../../shared/domain/birthday-coupon';
import { couponTemplateSchema, type CouponTemplate } from '../../shared/schemas/promotions';
import { systemOp } from './system-op';
import { countPage, eachLimited, type JobContext, type JobDef } from './types';

type Candidate = { id: string; card_no: string; ledger_seq: number; birthday: string };

const PAGE_SQL = `SELECT id, card_no, ledger_seq, birthday FROM members
  WHERE id > ?1 AND status = 'active' AND birthday IS NOT NULL AND substr(birthday, 6) IN (SELECT value FROM json_each(?2)) ORDER BY id LIMIT ?3`;
const ISSUED_SQL = `SELECT op_id FROM account_ops WHERE op_id IN (SELECT value FROM json_each(?1))`;
const DAY = 86_400_000;

async function template(d1: D1Database, id: string): Promise<CouponTemplate> {
  const row = await d1.prepare('SELECT doc FROM coupon_templates WHERE id = ? AND active = 1').bind(id).first<{ doc: string }>();
  const t = row ? couponTemplateSchema.safeParse(JSON.parse(row.doc)) : null;
  if (!t?.success) throw new Error(`birthday coupon: no active coupon template ${id}`);
  return t.data;
}

/**
 * Birthday coupons (decision 019), on the day the rules say (`daysBefore` the birthday). A job that
 * runs late, or not at all for a few days, still issues them up to `lateDays` after that day. The
 * coupon is a `coupon_grant` op `birthday:<year>:<memberId>` (the year of the birthday), so a member
 * gets one per year however many times or days the job runs.
 */
export const birthdayCoupons: JobDef = {
  name: 'birthday-coupons',
  applies: (ctx) => ctx.rules.birthdayCoupon?.active === true,
  async page(ctx: JobContext, after: string | null, limit: number) {
    const d1 = ctx.env.DB;
    const rule = ctx.rules.birthdayCoupon!;
    const t = await template(d1, rule.templateId);
    const expiresAt = t.validity.kind === 'fixed' ? t.validity.endsAt : ctx.now + t.validity.days * DAY;
    if (expiresAt <= ctx.now) throw new Error(`birthday coupon: template ${t.id} has ended`);
    const rows = (await d1.prepare(PAGE_SQL).bind(after ?? '', JSON.stringify(birthdaysDue(ctx.period, rule.daysBefore, rule.lateDays)), limit).all<Candidate>()).results;
    const due = rows.flatMap((m) => {
      const year = birthdayCouponYear(m.birthday, ctx.period, rule.daysBefore, rule.lateDays);
      return year === null ? [] : [{ ...m, opId: `birthday:${year}:${m.id}` }];
    });
    // What D1 shows as issued needs no call to the member's object (which would answer it as a repeat).
    const issued = new Set((await d1.prepare(ISSUED_SQL).bind(JSON.stringify(due.map((m) => m.opId))).all<{ op_id: string }>()).results.map((r) => r.op_id));
    const results = await eachLimited(due.filter((m) => !issued.has(m.opId)), 16, async (m) => {
      const op = { opId: m.opId, kind: 'coupon_grant' as const, coupon: { id: m.opId, templateId: t.id, name: t.name, expiresAt }, storeId: null, staffId: null, at: ctx.now };
      return systemOp(ctx, m, op, { actor: { kind: 'system', id: 'birthday-coupons' }, action: 'coupon.birthday', detail: { templateId: t.id, day: ctx.period } });
    });
    return countPage(results, rows.length, rows.length < limit ? null : rows.at(-1)!.id);
  },
};
