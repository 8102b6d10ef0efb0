import { useId, type ReactNode } from 'react';

export type Choice<T extends string> = { value: T; label: ReactNode; disabled?: boolean; testId?: string };

/**
 * One of a few options as big buttons (gender, tender, an amount): faster than a select on a
 * tablet, and every option is visible. A radiogroup for screen readers.
 */
export function ChoiceGroup<T extends string>({ label, options, value, onChange, error, testId, wide }: {
  label: string;
  options: readonly Choice<T>[];
  value: NoInfer<T> | null;
  onChange(value: NoInfer<T>): void;
  error?: ReactNode;
  testId?: string;
  /** Options share the row equally (tenders); otherwise they keep their own width. */
  wide?: boolean;
}) {
  const id = useId();
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <span id={id} className="field-label">
        {label}
      </span>
      <div className={`choice-group${wide ? ' choice-group-wide' : ''}`} role="radiogroup" aria-labelledby={id} data-testid={testId}>
        {options.map((o) => (
          <button
            key={o.value}
            type="button"
            role="radio"
            aria-checked={value === o.value}
            className={`choice${value === o.value ? ' is-active' : ''}`}
            disabled={o.disabled}
            onClick={() => onChange(o.value)}
            data-testid={o.testId}
          >
            {o.label}
          </button>
        ))}
      </div>
      {error ? <p className="field-error">{error}</p> : null}
    </div>
  );
}
