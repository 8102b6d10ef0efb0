import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tier } from '../../../../shared/schemas/member';
import type { ChainRules } from '../../../../shared/schemas/rules';
import { Notice } from '../../lib/ui/notice';
import { Loading, LoadError } from '../../lib/ui/states';
import { RulePreviewPanel } from './rule-preview-panel';
import { RulesForm } from './rules-form';
import { useRulesDoc, useRuleVersions, useTiers } from './rules-queries';
import { RulesTierDialog } from './rules-tier-dialog';
import { RulesTierTable } from './rules-tier-table';
import { RulesVersions } from './rules-versions';

/** 等级与规则 (HQ): the tier ladder, the money and points rules, a preview of a change, and every saved version. */
export function TiersScreen({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const rules = useRulesDoc(canEdit);
  const tiers = useTiers();
  const tierVersion = useRuleVersions('tiers', canEdit);
  const [draft, setDraft] = useState<ChainRules | null>(null);
  const [editing, setEditing] = useState<Tier | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const refresh = () => Promise.all([qc.invalidateQueries({ queryKey: ['rule-versions'] }), qc.invalidateQueries({ queryKey: ['tiers'] })]);

  return (
    <>
      <div className="page-head">
        <h1 className="page-title" data-testid="tiers-heading">{t('hqRules.heading')}</h1>
        <p className="muted">{t('hqRules.subtitle')}</p>
      </div>
      {saved ? <Notice kind="success" testId="rules-saved">{saved}</Notice> : null}
      {tiers.error ? <LoadError error={tiers.error} onRetry={() => void tiers.refetch()} /> : null}
      {tiers.data ? <RulesTierTable tiers={tiers.data} onEdit={canEdit ? (x) => (setSaved(null), setEditing(x)) : null} /> : <Loading />}
      {rules.error ? <LoadError error={rules.error} onRetry={() => void rules.refetch()} /> : null}
      <div className={`rules-layout${canEdit ? '' : ' rules-layout-single'}`}>
        {rules.rules && rules.version !== undefined ? (
          <RulesForm
            key={rules.version}
            rules={rules.rules}
            version={rules.version}
            tiers={tiers.data ?? []}
            canEdit={canEdit}
            onDraft={setDraft}
            onSaved={(v) => (setSaved(t('hqRules.savedRules', { version: v })), void refresh())}
          />
        ) : <Loading />}
        {rules.rules && canEdit ? <RulePreviewPanel candidate={draft ?? rules.rules} tiers={tiers.data ?? []} /> : null}
      </div>
      {canEdit ? <RulesVersions /> : null}
      {editing && tierVersion.data ? (
        <RulesTierDialog tier={editing} baseVersion={tierVersion.data.version} onClose={() => setEditing(null)} onSaved={(x) => (setEditing(null), setSaved(t('hqRules.savedTier', { name: x.name })), void refresh())} />
      ) : null}
    </>
  );
}
