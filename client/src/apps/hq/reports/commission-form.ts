import { fenToYuan, yuanToFen } from '../../../../../shared/domain/catalog-csv';
import type { CommissionPlan, CommissionPlanInput, CommissionRule, CommissionRuleKind } from '../../../../../shared/schemas/commission';

/** The plan editor's form: rates typed in percent and money in yuan, as HQ thinks of them. */
export type RuleForm = { kind: CommissionRuleKind; target: string; rate: string; amount: string; mode: 'marginal' | 'whole'; tiers: { from: string; rate: string }[] };
export type PlanForm = { name: string; active: boolean; storeIds: string[]; rules: RuleForm[] };

export const RULE_KINDS: readonly CommissionRuleKind[] = ['category_percent', 'product_percent', 'per_card_opened', 'per_recharge', 'per_punch_card', 'tiered_sales'];

const pct = (bp: number) => (bp / 100).toFixed(2).replace(/\.?0+$/, '');
/** "2.5" % → 250 bp; NaN (refused by the server's schema, which names the field) when not a number. */
const bpOf = (s: string) => Math.round(Number(s.trim() === '' ? NaN : s) * 100);
const fenOf = (s: string) => {
  const v = yuanToFen(s.trim());
  return typeof v === 'number' ? v : -1;
};

export const blankRule = (kind: CommissionRuleKind = 'category_percent'): RuleForm =>
  ({ kind, target: '', rate: '', amount: '', mode: 'marginal', tiers: [{ from: '0', rate: '' }] });

export function planToForm(p: CommissionPlan | null): PlanForm {
  if (!p) return { name: '', active: true, storeIds: [], rules: [blankRule()] };
  return {
    name: p.name, active: p.active, storeIds: p.storeIds,
    rules: p.rules.map((r): RuleForm => {
      const b = blankRule(r.kind);
      switch (r.kind) {
        case 'category_percent': return { ...b, target: r.categoryId, rate: pct(r.rateBp) };
        case 'product_percent': return { ...b, target: r.productId, rate: pct(r.rateBp) };
        case 'tiered_sales': return { ...b, mode: r.mode, tiers: r.tiers.map((x) => ({ from: fenToYuan(x.fromFen), rate: pct(x.rateBp) })) };
        default: return { ...b, amount: fenToYuan(r.fen) };
      }
    }),
  };
}

export function formToPlan(f: PlanForm): CommissionPlanInput {
  const rules = f.rules.map((r): CommissionRule => {
    switch (r.kind) {
      case 'category_percent': return { kind: r.kind, categoryId: r.target, rateBp: bpOf(r.rate) };
      case 'product_percent': return { kind: r.kind, productId: r.target, rateBp: bpOf(r.rate) };
      case 'tiered_sales': return { kind: r.kind, mode: r.mode, tiers: r.tiers.map((x) => ({ fromFen: fenOf(x.from), rateBp: bpOf(x.rate) })) };
      default: return { kind: r.kind, fen: fenOf(r.amount) };
    }
  });
  return { name: f.name.trim(), active: f.active, storeIds: f.storeIds, rules };
}
