/**
 * Counts what a job run asks of other services: D1 calls (a batch is one) and member-object stubs
 * (one RPC each in the jobs). Cloudflare caps a cron invocation's subrequests (1,000 to internal
 * services on older plans), so each run logs its counts and the operator sees how near it comes.
 */
export type Meter = { d1: number; objects: number };

const bindTo = (t: object, v: unknown) => (typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v);

export function meteredEnv(env: Env, m: Meter): Env {
  // Batches take the real statements: workerd refuses a wrapper.
  const real = new WeakMap<object, D1PreparedStatement>();
  const wrap = (s: D1PreparedStatement): D1PreparedStatement => {
    const w = new Proxy(s, {
      get(t, p) {
        if (p === 'bind') return (...v: unknown[]) => wrap(t.bind(...v));
        if (p === 'first' || p === 'run' || p === 'all' || p === 'raw') m.d1++;
        return bindTo(t, Reflect.get(t, p));
      },
    });
    real.set(w, s);
    return w;
  };
  const db = new Proxy(env.DB, {
    get(t, p) {
      if (p === 'prepare') return (q: string) => wrap(t.prepare(q));
      if (p === 'batch') return (ss: D1PreparedStatement[]) => (m.d1++, t.batch(ss.map((s) => real.get(s) ?? s)));
      if (p === 'exec') m.d1++;
      return bindTo(t, Reflect.get(t, p));
    },
  });
  const members = new Proxy(env.MEMBER_ACCOUNT, {
    get(t, p) {
      if (p === 'get' || p === 'getByName') m.objects++;
      return bindTo(t, Reflect.get(t, p));
    },
  });
  return { ...env, DB: db, MEMBER_ACCOUNT: members };
}
