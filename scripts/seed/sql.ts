/**
 * Literal SQL for bulk loading through D1 `exec` (one statement per line, as exec requires).
 * Values come from our own generator; strings are still quoted properly.
 */
export type SqlValue = string | number | null;

export function lit(v: SqlValue): string {
  if (v === null) return 'NULL';
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v)) throw new RangeError(`not an integer: ${v}`);
    return String(v);
  }
  return `'${v.replace(/'/g, "''").replace(/\n/g, ' ')}'`;
}

/** Multi-row `INSERT OR IGNORE`: re-running a seed never duplicates a row. */
export function insertRows(table: string, columns: readonly string[], rows: readonly SqlValue[][], chunk = 400): string[] {
  const out: string[] = [];
  for (let i = 0; i < rows.length; i += chunk) {
    const values = rows.slice(i, i + chunk).map((r) => `(${r.map(lit).join(',')})`);
    out.push(`INSERT OR IGNORE INTO ${table} (${columns.join(',')}) VALUES ${values.join(',')};`);
  }
  return out;
}
