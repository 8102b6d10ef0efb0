import { useState } from 'react';
import type { MemberAdminFilter } from '../../../../shared/schemas/member-admin';
import { toApiError } from '../../lib/api';
import { useApp } from '../../lib/app-context';

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
      const res = await fetch(`/api/member-admin/members/export?${qs}`, { headers: { authorization: `Bearer ${session.get()?.token ?? ''}` } });
      if (!res.ok) throw await toApiError(res);
      const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'members.csv';
      const url = URL.createObjectURL(await res.blob());
      const a = Object.assign(document.createElement('a'), { href: url, download: name });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return { run, busy, error };
}
