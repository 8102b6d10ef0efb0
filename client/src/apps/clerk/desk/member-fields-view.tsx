import { useTranslation } from 'react-i18next';
import { TextField } from '../../../lib/ui/text-field';
import { ChoiceGroup } from './choice-group';
import type { FieldErrors, Gender, MemberDraft } from './member-fields';

const GENDERS: readonly Gender[] = ['female', 'male', 'unknown'];

/** The member's details as the register and edit forms both ask for them; each field says what to fix. */
export function MemberFields({ draft, errors, onChange, withPhone, withCardNo }: {
  draft: MemberDraft;
  errors: FieldErrors;
  onChange(patch: Partial<MemberDraft>): void;
  withPhone?: boolean;
  withCardNo?: boolean;
}) {
  const { t } = useTranslation();
  const fix = (f: keyof MemberDraft) => (errors[f] ? t(`desk.fields.fix.${f}`) : undefined);
  return (
    <>
      {withPhone ? (
        <TextField
          label={t('desk.fields.phone')}
          placeholder={t('desk.fields.phonePlaceholder')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={13}
          value={draft.phone}
          onChange={(e) => onChange({ phone: e.target.value })}
          error={fix('phone')}
          data-testid="field-phone"
        />
      ) : null}
      <TextField label={t('desk.fields.name')} autoComplete="off" maxLength={40} value={draft.name} onChange={(e) => onChange({ name: e.target.value })} error={fix('name')} data-testid="field-name" />
      <TextField label={t('desk.fields.birthday')} type="date" value={draft.birthday} onChange={(e) => onChange({ birthday: e.target.value })} error={fix('birthday')} hint={t('desk.fields.optional')} data-testid="field-birthday" />
      <ChoiceGroup
        label={t('desk.fields.gender')}
        value={draft.gender}
        onChange={(gender) => onChange({ gender })}
        options={GENDERS.map((g) => ({ value: g, label: t(`desk.gender.${g}`), testId: `gender-${g}` }))}
        error={fix('gender')}
      />
      {withCardNo ? (
        <TextField
          label={t('desk.fields.cardNo')}
          placeholder={t('desk.fields.cardNoPlaceholder')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={15}
          value={draft.cardNo}
          onChange={(e) => onChange({ cardNo: e.target.value })}
          error={fix('cardNo')}
          hint={t('desk.fields.cardNoHint')}
          data-testid="field-card-no"
        />
      ) : null}
    </>
  );
}
