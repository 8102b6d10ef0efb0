/** "table.column" of the UNIQUE or NOT NULL constraint a D1 write broke, or null. */
export function brokenConstraint(e: unknown): string | null {
  for (let x: unknown = e; x instanceof Error; x = x.cause) {
    const m = /(?:UNIQUE|NOT NULL) constraint failed: ([\w.]+)/.exec(x.message);
    if (m) return m[1]!;
  }
  return null;
}
