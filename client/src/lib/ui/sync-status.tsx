import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatClock, snapshotState } from '../sync/sync-display';
import { useSyncStatus } from '../sync/use-cloud-sync';

/** Date.now(), refreshed every `everyMs`: enough for a snapshot to turn stale on screen. */
function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(id);
  }, [everyMs]);
  return now;
}

/**
 * The top bar's sync line: sales still queued on this tablet, and how fresh its prices and
 * balances are. Queued sales are normal offline (they go out by themselves); an old snapshot is
 * what the clerk should notice, so only that turns amber.
 */
export function SyncStatus() {
  const { t } = useTranslation();
  const { pending, lastPulledAt } = useSyncStatus();
  const now = useNow(10_000);
  const state = snapshotState(lastPulledAt, Math.max(now, lastPulledAt ?? 0));
  // "All synced" next to "Not synced yet" would contradict itself: before the first pull only the
  // snapshot line is shown (unless something is already queued).
  const showPending = pending > 0 || lastPulledAt !== null;
  return (
    <span className="sync-status">
      {showPending ? (
        <span
          className={`sync-pending ${pending > 0 ? 'is-pending' : 'is-synced'}`}
          data-testid="sync-pending"
          data-pending={pending}
          title={pending > 0 ? t('sync.pendingHint') : undefined}
        >
          {pending > 0 ? t('sync.pending', { count: pending }) : t('sync.allSynced')}
        </span>
      ) : null}
      <span
        className={`sync-snapshot is-${state}`}
        data-testid="sync-snapshot"
        data-state={state}
        title={state === 'stale' ? t('sync.staleHint') : undefined}
      >
        {state === 'stale' ? (
          <span className="sync-snapshot-icon" aria-hidden="true">
            !
          </span>
        ) : null}
        {lastPulledAt === null ? t('sync.never') : t('sync.snapshot', { time: formatClock(lastPulledAt) })}
      </span>
    </span>
  );
}
