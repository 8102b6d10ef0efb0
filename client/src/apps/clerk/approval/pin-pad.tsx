import { useTranslation } from 'react-i18next';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'] as const;

/** A big on-screen number pad for a PIN: digits append, ⌫ takes one off, 清除 empties. */
export function PinPad({ value, max, disabled, onChange }: { value: string; max: number; disabled: boolean; onChange(v: string): void }) {
  const { t } = useTranslation();
  const press = (k: (typeof KEYS)[number]) => {
    if (k === 'clear') onChange('');
    else if (k === 'back') onChange(value.slice(0, -1));
    else if (value.length < max) onChange(value + k);
  };
  return (
    <div className="pin-pad" role="group" aria-label={t('approval.pad')}>
      {KEYS.map((k) => (
        <button key={k} type="button" className={`pin-key ${k.length > 1 ? 'pin-key-fn' : ''}`} disabled={disabled} onClick={() => press(k)} aria-label={k === 'back' ? t('approval.backspace') : k === 'clear' ? t('approval.clear') : k}>
          {k === 'back' ? '⌫' : k === 'clear' ? t('approval.clear') : k}
        </button>
      ))}
    </div>
  );
}
