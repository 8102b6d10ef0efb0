import type { WriteTransaction } from 'replicache';

export type View = Map<string, unknown>;

/**
 * The slice of Replicache's WriteTransaction the shared mutators use (get, has, set, del,
 * scan by prefix in key order), over one in-memory view. Values are copied in, as Replicache
 * stores JSON, so a mutator never edits a row another transaction holds.
 */
export function memTx(view: View, clientID: string, mutationID: number): WriteTransaction {
  const copy = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));
  const scan = (opts?: { prefix?: string }) => {
    const prefix = opts?.prefix ?? '';
    const rows = [...view.entries()].filter(([k]) => k.startsWith(prefix)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return {
      values: () => ({ toArray: async () => rows.map(([, v]) => v) }),
      keys: () => ({ toArray: async () => rows.map(([k]) => k) }),
      entries: () => ({ toArray: async () => rows }),
      toArray: async () => rows.map(([, v]) => v),
    };
  };
  const tx = {
    clientID,
    mutationID,
    reason: 'initial',
    environment: 'client',
    location: 'client',
    get: async (key: string) => view.get(key),
    has: async (key: string) => view.has(key),
    isEmpty: async () => view.size === 0,
    set: async (key: string, value: unknown) => void view.set(key, copy(value)),
    put: async (key: string, value: unknown) => void view.set(key, copy(value)),
    del: async (key: string) => view.delete(key),
    scan,
  };
  return tx as unknown as WriteTransaction;
}

/** The rows under a prefix (what a subscription on the tablet would read). */
export const rowsUnder = <T>(view: View, prefix: string): T[] =>
  [...view.entries()].filter(([k]) => k.startsWith(prefix)).sort(([a], [b]) => (a < b ? -1 : 1)).map(([, v]) => v as T);
