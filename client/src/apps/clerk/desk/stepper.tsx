import { useId } from 'react';

/** A whole number with big − / + buttons (a visit count): no keyboard needed at the counter. */
export function Stepper({ label, value, min, max, onChange, testId }: { label: string; value: number; min: number; max: number; onChange(n: number): void; testId?: string }) {
  const id = useId();
  const clamp = (n: number) => Math.min(max, Math.max(min, Number.isFinite(n) ? Math.trunc(n) : min));
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="stepper">
        <button type="button" className="choice stepper-btn" aria-label="−" disabled={value <= min} onClick={() => onChange(clamp(value - 1))}>
          −
        </button>
        <input id={id} className="field-input stepper-input" inputMode="numeric" value={value} onChange={(e) => onChange(clamp(Number(e.target.value.replace(/\D/g, '')) || min))} data-testid={testId} />
        <button type="button" className="choice stepper-btn" aria-label="+" disabled={value >= max} onClick={() => onChange(clamp(value + 1))}>
          +
        </button>
      </div>
    </div>
  );
}
