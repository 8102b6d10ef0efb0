import type { ReactNode } from 'react';

/** A one-line message above a form or list. Errors are announced (role=alert). */
export function Notice({ kind = 'info', children, testId }: { kind?: 'info' | 'error' | 'success'; children: ReactNode; testId?: string }) {
  return (
    <div className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-testid={testId}>
      <span className="notice-icon" aria-hidden="true">
        {kind === 'error' ? '!' : kind === 'success' ? '✓' : 'i'}
      </span>
      <span>{children}</span>
    </div>
  );
}
