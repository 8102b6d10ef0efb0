import { useState } from 'react';
import type { MemberAdminFilter } from '../../../../shared/schemas/member-admin';
import { useApp } from '../../lib/app-context';
import { downloadFrom } from '../../lib/files';

/**
 * Downloads the filtered list as the server writes it (GET /api/member-admin/members/export: BOM,
 * phones masked by role). The JSON client cannot carry a file, so this is one authorized fetch.
 */
export function useMemberExport() {
  const { session } = useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function run(filter: MemberAdminFilter) {
    setBusy(true);
    setError(null);
    try {
      const qs = new URLSearchParams(Object.entries(filter).filter(([, v]) => v) as [string, string][]);
      await downloadFrom(session, `/api/member-admin/members/export?${qs}`, 'members.csv');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return { run, busy, error };
}
