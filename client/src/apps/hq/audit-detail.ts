/** An audit row's detail as "field: before → after" lines (edits), or "key: value" lines (anything else). */
export type DetailLine = { field: string; before?: string; after: string };

const show = (v: unknown) => (v === null || v === undefined || v === '' ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

export function detailLines(detail: Record<string, unknown>): DetailLine[] {
  const before = detail.before as Record<string, unknown> | undefined;
  const after = detail.after as Record<string, unknown> | undefined;
  const lines: DetailLine[] = [];
  if (after && typeof after === 'object') {
    for (const k of Object.keys(after)) lines.push({ field: k, ...(before && k in before ? { before: show(before[k]) } : {}), after: show(after[k]) });
  }
  for (const [k, v] of Object.entries(detail)) if (k !== 'before' && k !== 'after') lines.push({ field: k, after: show(v) });
  return lines;
}

/** One line for the table: the changed field names of an edit, else the first values. */
export function summaryOf(detail: Record<string, unknown>): { changed: string[] } | { text: string } {
  const after = detail.after as Record<string, unknown> | undefined;
  if (after && typeof after === 'object' && detail.before) return { changed: Object.keys(after) };
  return { text: detailLines(detail).slice(0, 3).map((l) => `${l.field}: ${l.after}`).join(' · ').slice(0, 120) };
}
