import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HeldElsewhere } from './allowance/held-elsewhere';
import type { ReadTransaction } from 'replicache';
import { formatFen } from '../../../../shared/domain/money';
import type { SyncedOrder } from '../../../../shared/sync/entities';
import { keys, prefixes } from '../../../../shared/sync/keys';
import { useSession } from '../../lib/app-context';
import { useSubscribe } from '../../lib/sync/use-cloud-sync';
import { Button } from '../../lib/ui/button';
import {
  ackStorageKey,
  formatWhen,
  parseAcked,
  reasonKey,
  refIsOrder,
  rejectionId,
  shortRef,
  toRejections,
  unacknowledged,
  whatKey,
  withAck,
  type RejectionView,
} from './rejections';
import { refundMemo } from './orders/refund-memo';

/** Every refusal the tablet holds, with a refused checkout's total read from its order. */
async function readRejections(tx: ReadTransaction): Promise<RejectionView[]> {
  const rejections = toRejections(await tx.scan({ prefix: prefixes.rejection }).values().toArray());
  return Promise.all(
    rejections.map(async (rejection) => {
      if (rejection.name !== 'checkout' || !rejection.refId) return { rejection, amountFen: null };
      const order = (await tx.get(keys.order(rejection.refId))) as Partial<SyncedOrder> | undefined;
      return { rejection, amountFen: typeof order?.totalFen === 'number' ? order.totalFen : null };
    }),
  );
}

const NONE: RejectionView[] = [];

function readAcked(key: string | null): string[] {
  if (!key) return [];
  try {
    return parseAcked(localStorage.getItem(key));
  } catch {
    return [];
  }
}

/** Acknowledged refusals of the signed-in user, kept in localStorage: local UI state, not synced. */
function useAcked(userId: string | null): [ReadonlySet<string>, (id: string, present: readonly string[]) => void] {
  const key = userId ? ackStorageKey(userId) : null;
  const [state, setState] = useState(() => ({ key, ids: readAcked(key) }));
  const ids = state.key === key ? state.ids : readAcked(key);
  const ack = (id: string, present: readonly string[]) => {
    const next = withAck(ids, id, present);
    setState({ key, ids: next });
    try {
      if (key) localStorage.setItem(key, JSON.stringify(next));
    } catch {
      /* storage full or blocked: it is still hidden until the next reload */
    }
  };
  return [new Set(ids), ack];
}

/**
 * Changes the server refused. A refused sale means the money was NOT taken (the optimistic
 * balance on screen was rolled back), so this sits at the top of the home screen until the clerk
 * says they have dealt with it. Nothing at all is drawn when there is nothing to deal with.
 */
export function RejectionsPanel() {
  const { t } = useTranslation();
  const session = useSession();
  const items = useSubscribe(readRejections, NONE, []);
  const [acked, ack] = useAcked(session?.user.id ?? null);
  const visible = unacknowledged(items, acked);
  if (visible.length === 0) return null;
  const present = items.map((i) => rejectionId(i.rejection));
  const now = Date.now();
  return (
    <section className="rejections" role="alert" aria-labelledby="rejections-title" data-testid="rejections-panel">
      <header className="rejections-head">
        <span className="rejections-icon" aria-hidden="true">
          !
        </span>
        <div>
          <h2 id="rejections-title" className="rejections-title">
            {t('clerk.rejections.title', { count: visible.length })}
          </h2>
          <p className="rejections-intro">{t('clerk.rejections.intro')}</p>
        </div>
      </header>
      <ul className="rejections-list">
        {visible.map(({ rejection: r, amountFen }) => {
          const id = rejectionId(r);
          const what = whatKey(r.name);
          const reason = reasonKey(r.code, r.name);
          // A refused refund names its op id; this tablet remembers which order and how much.
          const memo = r.name === 'refundOrder' && r.refId ? refundMemo(r.refId) : null;
          const shownAmount = memo ? memo.amountFen : amountFen;
          const ref = shortRef(memo ? memo.orderId : r.refId);
          return (
            <li key={id} className="rejection-item" data-testid="rejection-item" data-code={r.code}>
              <div className="rejection-main">
                <div className="rejection-what">
                  <span className="rejection-name">{what ? t(what) : r.name}</span>
                  {shownAmount !== null ? (
                    <span className="rejection-amount money" data-testid="rejection-amount">
                      {formatFen(shownAmount)}
                    </span>
                  ) : null}
                  <span className="rejection-state">{t('clerk.rejections.notDone')}</span>
                </div>
                <p className="rejection-reason" data-testid="rejection-reason">
                  {reason ? t(reason) : t('clerk.rejections.serverSays', { message: r.message })}
                  <HeldElsewhere holders={r.holders} />
                  {r.name === 'refundOrder' ? (
                    <>
                      <br />
                      {t('clerk.rejections.refundHint')}
                    </>
                  ) : null}
                </p>
                <p className="rejection-meta">
                  <span className="num">{formatWhen(r.at, now)}</span>
                  {ref ? (
                    <span>
                      {refIsOrder(r.name) ? t('clerk.rejections.orderRef') : t('clerk.rejections.ref')} <span className="mono">…{ref}</span>
                    </span>
                  ) : null}
                </p>
              </div>
              <Button variant="secondary" className="rejection-ack" onClick={() => ack(id, present)} data-testid="rejection-ack">
                {t('clerk.rejections.ack')}
              </Button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
