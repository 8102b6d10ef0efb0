import { env } from 'cloudflare:test';

/**
 * A setting from the shell, e.g. FUZZ_SEED. Inside workerd `process.env` holds only the worker's
 * bindings (vitest.config.ts passes none of ours), but Vite hands `VITE_`-prefixed variables to
 * `import.meta.env`: so `VITE_FUZZ_SEED=7 npx vitest run …`. A FUZZ_SEED binding, if one is added
 * to the worker project's miniflare bindings, is read too.
 */
export function knob(name: string): string | undefined {
  const vite = (import.meta as unknown as { env?: Record<string, string | undefined> }).env;
  const bound = (env as unknown as Record<string, unknown>)[name];
  return vite?.[`VITE_${name}`] || (typeof bound === 'string' && bound ? bound : undefined) || process.env[name] || undefined;
}
