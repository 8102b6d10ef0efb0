import type { Rng } from '../../scripts/seed/rng';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const base32 = (n: number, width: number) => {
  let s = '';
  for (let i = 0; i < width; i++, n = Math.floor(n / 32)) s = CROCKFORD[n % 32] + s;
  return s;
};

export type Ids = {
  /** ULID-shaped (the schemas demand it): the seed in front, so two runs in one storage never collide. */
  ulid(): string;
  /** A mainland mobile number unique to this run (registration refuses a taken phone). */
  phone(): string;
  /** A short token, for sessions and device secrets. */
  secret(): string;
};

/**
 * Every id a run makes comes from its PRNG: the same seed makes the same orders, members and
 * operations, so a failing run replays with SIM_SEED=n exactly as it ran.
 */
export function idsFor(seed: number, rng: Rng): Ids {
  const prefix = base32(seed, 6);
  let phones = 0;
  const chars = (n: number) => Array.from({ length: n }, () => CROCKFORD[rng.int(0, 31)]).join('');
  return {
    ulid: () => prefix + chars(20),
    phone: () => `15${String(seed % 1_000_000).padStart(6, '0')}${String(++phones).padStart(3, '0')}`,
    secret: () => `sim${seed}x${chars(24)}`,
  };
}
