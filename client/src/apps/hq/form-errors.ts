import { ApiError } from '../../lib/api';

/**
 * Which form fields a server refusal names: the issues of a 400 (details.issues[].field), or the
 * "field: …" a 409 or 403 message starts with. The dialog marks those fields; the rest is a notice.
 */
export function fieldsOf(err: unknown, known: readonly string[]): string[] {
  if (!(err instanceof ApiError)) return [];
  const issues = (err.details as { issues?: { field?: unknown }[] } | undefined)?.issues ?? [];
  const named = issues.map((i) => String(i.field ?? ''));
  const lead = /^(\w+):/.exec(err.message)?.[1];
  if (lead) named.push(lead);
  return [...new Set(named)].filter((f) => known.includes(f));
}
