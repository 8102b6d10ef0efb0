import { useTranslation } from 'react-i18next';
import { prefixes } from '../../../../../shared/sync/keys';
import type { Rejection } from '../../../../../shared/sync/entities';
import { useSubscribe } from '../../../lib/sync/use-cloud-sync';
import { reasonKey, rejectionId, toRejections, whatKey } from '../rejections';

const NONE: Rejection[] = [];

/**
 * Refusals of what was done for this member: the registration itself (its id is the member's) and
 * the changes made at this desk. The home screen's panel lists them too; here they sit beside the
 * member, so the clerk sees at once that e.g. the phone was already taken.
 */
export function DeskRejections({ refIds }: { refIds: readonly string[] }) {
  const { t } = useTranslation();
  const wanted = new Set(refIds);
  const all = useSubscribe(async (tx) => toRejections(await tx.scan({ prefix: prefixes.rejection }).values().toArray()), NONE, []);
  const mine = all.filter((r) => r.refId !== null && wanted.has(r.refId));
  if (mine.length === 0) return null;
  return (
    <ul className="desk-rejections" role="alert" data-testid="desk-rejections">
      {mine.map((r) => {
        const what = whatKey(r.name);
        const reason = reasonKey(r.code);
        return (
          <li key={rejectionId(r)} className="notice notice-error" data-code={r.code}>
            <span className="notice-icon" aria-hidden="true">!</span>
            <span>
              <strong>{t('desk.refused', { what: what ? t(what) : r.name })}</strong> {reason ? t(reason) : t('clerk.rejections.serverSays', { message: r.message })}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
