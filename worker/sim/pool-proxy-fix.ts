/**
 * A workaround for @cloudflare/vitest-pool-workers 0.23, installed by the simulation only.
 * The pool wraps every Durable Object class and the SELF entrypoint in a class whose constructor
 * does `Class.prototype = new Proxy(Class.prototype, { get … getUnknownPrototypeKey … })`: each
 * instance made nests one more proxy around the prototype, so every property lookup walks a
 * chain as long as the number of instances made so far (perf: JSProxy::GetOwnPropertyDescriptor
 * recursing). Measured here: the 150 objects after the first 450 took 21 s to create, against 2 s
 * for the first 150; SELF.fetch slowed the same way. A run of the simulation creates a dozen
 * objects, a CI share thousands. The nested proxy adds nothing (its trap is the one it wraps), so
 * while the simulation runs, `new Proxy` returns the existing proxy instead of wrapping it again.
 */
export function flattenPoolProxies(): () => void {
  const Real = globalThis.Proxy;
  const made = new WeakSet<object>();
  const isPrototypeTrap = (h: ProxyHandler<object>) => typeof h.get === 'function' && Object.keys(h).length === 1 && h.get.toString().includes('getUnknownPrototypeKey');
  const Flat = new Real(Real, {
    construct(target, args: [object, ProxyHandler<object>]) {
      const [inner, handler] = args;
      if (made.has(inner) && isPrototypeTrap(handler)) return inner;
      const p = Reflect.construct(target, args) as object;
      if (isPrototypeTrap(handler)) made.add(p);
      return p;
    },
  });
  globalThis.Proxy = Flat;
  return () => void (globalThis.Proxy = Real);
}
